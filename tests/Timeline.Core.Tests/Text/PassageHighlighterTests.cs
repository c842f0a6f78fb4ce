using Timeline.Core.Text;

namespace Timeline.Core.Tests.Text;

public sealed class PassageHighlighterTests
{
    private static PassageMark Mark(string anchor, string passage) => new(anchor, passage, "/events/" + anchor, anchor);

    [Fact]
    public void Marks_a_passage_inside_its_paragraph()
    {
        var paragraphs = PassageHighlighter.Highlight("One two three.\nFour five six.", [Mark("a", "five")]);
        Assert.Equal(2, paragraphs.Count);
        Assert.Equal(["One two three."], paragraphs[0].Select(r => r.Text));
        Assert.Equal(["Four ", "five", " six."], paragraphs[1].Select(r => r.Text));
        var marked = paragraphs[1][1];
        Assert.Equal("a", Assert.Single(marked.Marks).Anchor);
        Assert.Single(marked.StartingHere);
        Assert.Single(marked.EndingHere);
        Assert.Empty(paragraphs[1][0].Marks);
    }

    [Fact]
    public void Overlapping_passages_split_into_runs_that_know_every_cover()
    {
        var runs = PassageHighlighter.Highlight("abcdef", [Mark("x", "abcd"), Mark("y", "cdef")]).Single();
        Assert.Equal(["ab", "cd", "ef"], runs.Select(r => r.Text));
        Assert.Equal(["x"], runs[0].Marks.Select(m => m.Anchor));
        Assert.Equal(["x", "y"], runs[1].Marks.Select(m => m.Anchor).Order());
        Assert.Equal(["y"], runs[2].Marks.Select(m => m.Anchor));
        Assert.Equal(["x"], runs[0].StartingHere.Select(m => m.Anchor));
        Assert.Equal(["x"], runs[1].EndingHere.Select(m => m.Anchor));
        Assert.Equal(["y"], runs[2].EndingHere.Select(m => m.Anchor));
    }

    [Fact]
    public void A_passage_across_paragraphs_is_marked_in_each()
    {
        var paragraphs = PassageHighlighter.Highlight("end of one.\nStart of two", [Mark("a", "one.\nStart")]);
        Assert.Equal("one.", paragraphs[0][^1].Text);
        Assert.Equal("Start", paragraphs[1][0].Text);
        Assert.Equal("a", paragraphs[0][^1].StartingHere.Single().Anchor);
        Assert.Equal("a", paragraphs[1][0].EndingHere.Single().Anchor);
    }

    [Fact]
    public void A_passage_not_in_the_text_marks_nothing_and_the_text_is_whole()
    {
        var body = "Nothing to see.\nReally.";
        var paragraphs = PassageHighlighter.Highlight(body, [Mark("a", "absent"), Mark("b", "")]);
        Assert.All(paragraphs.SelectMany(p => p), r => Assert.Empty(r.Marks));
        Assert.Equal(body, string.Join('\n', paragraphs.Select(p => string.Concat(p.Select(r => r.Text)))));
    }
}
