namespace Timeline.Core.Text;

/// <summary>A passage to mark in an article body, with where its mark should lead.</summary>
public sealed record PassageMark(string Anchor, string Passage, string Href, string Label);

/// <summary>A run of body text and the passages that cover it (none for plain text).</summary>
public sealed record TextRun(string Text, IReadOnlyList<PassageMark> Marks, IReadOnlyList<PassageMark> StartingHere, IReadOnlyList<PassageMark> EndingHere);

/// <summary>
/// Splits an article body into paragraphs of runs so that every linked passage can be highlighted,
/// even where two passages overlap: each run knows which passages cover it, which start and which end.
/// </summary>
public static class PassageHighlighter
{
    public static IReadOnlyList<IReadOnlyList<TextRun>> Highlight(string body, IEnumerable<PassageMark> marks)
    {
        var spans = marks
            .Select(m => (Mark: m, Start: string.IsNullOrEmpty(m.Passage) ? -1 : body.IndexOf(m.Passage, StringComparison.Ordinal)))
            .Where(s => s.Start >= 0)
            .Select(s => (s.Mark, s.Start, End: s.Start + s.Mark.Passage.Length))
            .ToList();

        var cuts = new SortedSet<int> { 0, body.Length };
        for (var i = 0; i < body.Length; i++)
        {
            if (body[i] == '\n')
            {
                cuts.Add(i);
                cuts.Add(i + 1);
            }
        }
        foreach (var span in spans)
        {
            cuts.Add(span.Start);
            cuts.Add(span.End);
        }

        var paragraphs = new List<IReadOnlyList<TextRun>>();
        var current = new List<TextRun>();
        var bounds = cuts.ToList();
        for (var i = 0; i + 1 < bounds.Count; i++)
        {
            var (from, to) = (bounds[i], bounds[i + 1]);
            var text = body[from..to];
            if (text == "\n")
            {
                paragraphs.Add(current);
                current = [];
                continue;
            }
            var covering = spans.Where(s => s.Start <= from && to <= s.End).ToList();
            current.Add(new TextRun(
                text,
                covering.Select(s => s.Mark).ToList(),
                covering.Where(s => s.Start == from).Select(s => s.Mark).ToList(),
                covering.Where(s => s.End == to).Select(s => s.Mark).ToList()));
        }
        paragraphs.Add(current);
        return paragraphs.Where(p => p.Count > 0).ToList();
    }
}
