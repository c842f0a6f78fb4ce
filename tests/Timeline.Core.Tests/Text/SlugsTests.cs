using Timeline.Core.Dates;
using Timeline.Core.Domain;
using Timeline.Core.Text;

namespace Timeline.Core.Tests.Text;

public sealed class SlugsTests
{
    [Theory]
    [InlineData("Kerry tells the Senate: “poof … that was sort of the moment”", "kerry-tells-the-senate-poof-that-was-sort-of-the-moment")]
    [InlineData("Ma’an / AFP", "maan-afp")]
    [InlineData("  Crème brûlée à São Paulo  ", "creme-brulee-a-sao-paulo")]
    [InlineData("الضفة الغربية", "الضفة-الغربية")]
    [InlineData("<script>alert(1)</script>", "script-alert-1-script")]
    [InlineData("---", "")]
    public void Slugify_keeps_words_and_drops_the_rest(string text, string slug) =>
        Assert.Equal(slug, Slugs.Slugify(text));

    [Fact]
    public void Event_slugs_start_with_the_date_as_precise_as_it_is_known()
    {
        Assert.Equal("2013-07-us-brokered-talks", Slugs.ForEvent(PartialDate.Month(2013, 7), "US-brokered talks"));
        Assert.Equal("2014-04-09-hamas-calls", Slugs.ForEvent(PartialDate.Day(2014, 4, 9), "Hamas calls"));
        Assert.Equal("2014-04-09-meeting", Slugs.ForEvent(PartialDate.Parse("2014-04-09T14:30"), "Meeting"));
        Assert.Equal("2014", Slugs.ForEvent(PartialDate.Year(2014), "!!!"));
    }

    [Fact]
    public void Long_titles_are_cut_at_a_word()
    {
        var title = string.Join(' ', Enumerable.Repeat("security coordination", 20));
        var slug = Slugs.Slugify(title);
        var whole = Slugs.Slugify(title, int.MaxValue);
        Assert.True(slug.Length <= Slugs.MaxWordsLength);
        Assert.StartsWith(slug, whole);
        Assert.Equal('-', whole[slug.Length]);
    }

    [Fact]
    public void MakeUnique_numbers_the_taken_ones()
    {
        var taken = new HashSet<string> { "a", "a-2" };
        Assert.Equal("a-3", Slugs.MakeUnique("a", taken.Contains));
        Assert.Equal("b", Slugs.MakeUnique("b", taken.Contains));
        var longSlug = new string('x', Limits.SlugLength);
        Assert.True(Slugs.MakeUnique(longSlug, s => s == longSlug).Length <= Limits.SlugLength);
    }

    [Theory]
    [InlineData("2014-04-09-hamas-calls", true)]
    [InlineData("Hamas-Calls", false)]
    [InlineData("a--b", false)]
    [InlineData("-a", false)]
    [InlineData("", false)]
    [InlineData("a b", false)]
    public void IsValid_accepts_only_canonical_slugs(string slug, bool valid) => Assert.Equal(valid, Slugs.IsValid(slug));
}
