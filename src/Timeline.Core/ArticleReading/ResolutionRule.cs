using System.Text.RegularExpressions;
using Timeline.Core.Dates;

namespace Timeline.Core.ArticleReading;

/// <summary>
/// Which reading of a date without its year or week an article means: "April 29" in an April 2014 article is
/// 29 April 2013 or 29 April 2014; "on Wednesday" in a Thursday article is yesterday or next week. News reports
/// what happened, so the past one, unless
/// - a reading is the publication day itself, or a period that holds it ("Thursday evening" on a Thursday,
///   "in April" in April): that one; or
/// - the future one is within <see cref="FutureWindowDays"/> days and a future cue comes before the words in the
///   sentence ("talks scheduled to end on April 29"): the future one.
/// "Would" is no cue: in reported speech it looks back ("said it would appeal the ruling of Monday").
/// The cues are English; dates without a year in Arabic and Hebrew articles always take the past reading.
/// Measured on the seed articles and on the relative-date set in the tests (see the README for the figures).
/// </summary>
public static partial class ResolutionRule
{
    public const int FutureWindowDays = 90;

    public static (PartialDate Chosen, PartialDate? Alternative) Choose(IReadOnlyList<PartialDate> readings, DateTime published, string textBefore)
    {
        var day = published.Date;
        var distinct = readings.Distinct().OrderBy(r => r).ToList();
        if (distinct.Count == 1)
            return (distinct[0], null);
        var holding = distinct.FindIndex(r => r.Value <= day && day < r.End);
        if (holding >= 0)
            return (distinct[holding], distinct[holding == 0 ? 1 : 0]);
        var pastIndex = distinct.FindLastIndex(r => r.Value <= day);
        if (pastIndex < 0 || pastIndex == distinct.Count - 1)
            return pastIndex < 0 ? (distinct[0], distinct[1]) : (distinct[pastIndex], distinct[pastIndex - 1]);
        var (past, future) = (distinct[pastIndex], distinct[pastIndex + 1]);
        var futureCued = (future.Value - day).TotalDays <= FutureWindowDays && FutureCue().IsMatch(textBefore);
        return futureCued ? (future, past) : (past, future);
    }

    [GeneratedRegex(@"\b(will|due|expected|scheduled|set to|until|deadline|planned|plans? to|upcoming|ahead of)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FutureCue();
}
