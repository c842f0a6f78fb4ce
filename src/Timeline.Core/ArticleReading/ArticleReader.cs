using Timeline.Core.Dates;

using Timeline.Core.Domain;

namespace Timeline.Core.ArticleReading;

/// <summary>
/// Reads the dates in an article, sentence by sentence, each resolved against the publication date by
/// <see cref="ResolutionRule"/>: English through the recognizer (relative dates too), Arabic and Hebrew by
/// <see cref="WrittenDates"/>, other languages by the same written-date rules. One instance per process: the
/// recognizer takes about half a second and tens of megabytes to build, so it is built once, on first use
/// (the app warms it at start-up, off the request path).
/// </summary>
public sealed class ArticleReader
{
    /// <summary>Dates kept per article: the view and the suggestions need the first ones, not ten thousand.</summary>
    public const int MaxMentions = 2_000;

    private readonly Lazy<EnglishDates> english = new(() => new EnglishDates(), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Builds the recognizer and runs its first, slow parses now rather than on a curator's first article.</summary>
    public void WarmUp() => english.Value.Find("The talks were relaunched in July and were due to end on April 29, three years ago.", new DateTime(2014, 4, 9));

    public static bool ReadsRelativeDates(string language) => IsEnglish(language);

    public ArticleDates Read(string text, PartialDate published, string language, CancellationToken cancellationToken = default)
    {
        var reference = published.Value.Date;
        var dates = new ArticleDates { Published = published, Language = language, RelativeDatesRead = ReadsRelativeDates(language) };
        foreach (var sentence in SentenceBreaks.Of(text, language))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var words = text.Substring(sentence.Start, sentence.Length);
            var found = dates.RelativeDatesRead ? english.Value.Find(words, reference) : WrittenDates.Find(words, reference);
            foreach (var date in found)
            {
                if (dates.Mentions.Count == MaxMentions)
                {
                    dates.Truncated = true;
                    return dates;
                }
                // The words themselves may hold the cue ("until the end of June").
                var (chosen, alternative) = ResolutionRule.Choose(date.Readings, reference, words[..(date.Start + date.Length)]);
                dates.Mentions.Add(new DateMention
                {
                    Text = date.Text, Start = sentence.Start + date.Start, Length = date.Length,
                    SentenceStart = sentence.Start, SentenceLength = sentence.Length, Date = chosen, Alternative = alternative,
                });
            }
        }
        return dates;
    }

    private static bool IsEnglish(string language) =>
        language.Equals("en", StringComparison.OrdinalIgnoreCase) || language.StartsWith("en-", StringComparison.OrdinalIgnoreCase);
}
