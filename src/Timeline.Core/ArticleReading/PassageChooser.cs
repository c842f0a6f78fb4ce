using Timeline.Core.Dates;
using Timeline.Core.Domain;
using Timeline.Core.Search;
using Timeline.Core.Text;

namespace Timeline.Core.ArticleReading;

/// <summary>
/// The sentence of an article that best supports a link to an event: the most words shared with the event's title
/// (counted twice) and summary, each word counted once per sentence and weighed down when the article repeats it
/// everywhere; a sentence holding the event's date gets <see cref="DateWeight"/> more. Ties go to the earlier
/// sentence (news puts the fact first).
/// </summary>
public sealed class PassageChooser
{
    public const double DateWeight = 1;

    private readonly List<(TextSpan Span, HashSet<string> Terms, List<PartialDate> Dates)> sentences;
    private readonly Dictionary<string, int> sentencesWith = [];
    private readonly TimelineAnalyzer analyzer;

    public PassageChooser(string text, string language, IReadOnlyList<DateMention> mentions, TimelineAnalyzer analyzer)
    {
        this.analyzer = analyzer;
        sentences = [.. SentenceBreaks.Of(text, language).Select(s => (s, Terms(text.Substring(s.Start, s.Length)), new List<PartialDate>()))];
        // Each date filed under its sentence once, not looked for in every sentence for every event: an article may
        // hold 10,000 sentences and 2,000 dates.
        var next = 0;
        foreach (var mention in mentions.OrderBy(m => m.Start))
        {
            while (next < sentences.Count && sentences[next].Span.End < mention.End)
                next++;
            if (next < sentences.Count && sentences[next].Span.Start <= mention.Start)
                sentences[next].Dates.Add(mention.Date);
        }
        foreach (var term in sentences.SelectMany(s => s.Terms))
            sentencesWith[term] = sentencesWith.GetValueOrDefault(term) + 1;
    }

    public TextSpan For(Event ev)
    {
        var title = Terms(ev.Title);
        var summary = Terms(SafeMarkdown.ToPlainText(ev.Summary));
        var best = (Span: default(TextSpan), Score: -1.0);
        foreach (var (span, terms, dates) in sentences)
        {
            var score = 0.0;
            foreach (var term in terms)
            {
                var weight = (title.Contains(term) ? 2 : 0) + (summary.Contains(term) ? 1 : 0);
                if (weight > 0)
                    score += weight / Math.Sqrt(sentencesWith[term]);
            }
            if (dates.Any(date => EventSuggester.SameDate(date, ev.Start)))
                score += DateWeight;
            if (score > best.Score)
                best = (span, score);
        }
        return best.Span;
    }

    private HashSet<string> Terms(string text) =>
        [.. analyzer.Terms(text).Where(t => t.Length > 1 && !EventSuggester.StopWords.Contains(t) && !t.All(char.IsDigit))];
}
