using Timeline.Core.Domain;

namespace Timeline.Core.ArticleReading;

/// <summary>A run of an article's text: plain, a date mention (its index in the article's dates), inside a suggested passage, or both.</summary>
public sealed record MarkedRun(string Text, int? DateIndex, bool InPassage);

/// <summary>
/// An article's text cut into paragraphs (at line breaks, as the article views show it) and runs, so that a view
/// can mark each date mention and each suggested passage without any HTML from the text: the runs are text.
/// </summary>
public static class TextMarks
{
    public static List<List<MarkedRun>> Paragraphs(string text, IReadOnlyList<DateMention> mentions, IEnumerable<TextSpan> passages)
    {
        var spans = passages.Where(p => p.Length > 0).ToList();
        var cuts = new SortedSet<int> { 0, text.Length };
        for (var i = text.IndexOf('\n'); i >= 0; i = text.IndexOf('\n', i + 1))
        {
            cuts.Add(i);
            cuts.Add(i + 1);
        }
        foreach (var m in mentions)
        {
            cuts.Add(Math.Clamp(m.Start, 0, text.Length));
            cuts.Add(Math.Clamp(m.End, 0, text.Length));
        }
        foreach (var p in spans)
        {
            cuts.Add(Math.Clamp(p.Start, 0, text.Length));
            cuts.Add(Math.Clamp(p.End, 0, text.Length));
        }
        var byStart = new Dictionary<int, int>();
        for (var i = 0; i < mentions.Count; i++)
            byStart.TryAdd(mentions[i].Start, i);
        var paragraphs = new List<List<MarkedRun>> { new() };
        int? openMention = null;
        var mentionEnd = -1;
        var previous = 0;
        foreach (var cut in cuts.Skip(1))
        {
            var start = previous;
            previous = cut;
            if (start >= text.Length)
                break;
            if (text[start] == '\n')
            {
                paragraphs.Add([]);
                continue;
            }
            if (byStart.TryGetValue(start, out var index))
                (openMention, mentionEnd) = (index, mentions[index].End);
            if (start >= mentionEnd)
                openMention = null;
            var inPassage = spans.Any(p => p.Start <= start && start < p.End);
            paragraphs[^1].Add(new MarkedRun(text[start..cut], openMention, inPassage));
        }
        return paragraphs;
    }
}
