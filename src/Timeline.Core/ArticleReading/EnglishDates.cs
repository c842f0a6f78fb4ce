using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Recognizers.Text;
using Microsoft.Recognizers.Text.DateTime;
using Timeline.Core.Dates;

namespace Timeline.Core.ArticleReading;

/// <summary>A date the words of one sentence name: where, and each reading they allow (two when the year or week is left out).</summary>
public sealed record DateWords(int Start, int Length, string Text, IReadOnlyList<PartialDate> Readings);

/// <summary>
/// Dates in English sentences through Microsoft.Recognizers.Text.DateTime 1.8.13, the one temporal-expression
/// recognizer the package feed serves. Built once (≈ 0.44 s) and shared; parses are serialised by a lock (the
/// library does not say it is thread-safe, and a parse of one sentence takes milliseconds). Always one sentence
/// per call: the cost of one call grows much faster than its text.
/// What it resolves is kept only as precise as the words: "three and a half years ago" is a year, not a day; a
/// week is a day only when the words name the day. "Now" (often a name: "Peace Now") and durations are not dates.
/// </summary>
public sealed partial class EnglishDates
{
    private readonly DateTimeModel model = (DateTimeModel)new DateTimeRecognizer(Culture.English, DateTimeOptions.None).GetDateTimeModel();
    private readonly Lock gate = new();

    public IReadOnlyList<DateWords> Find(string sentence, DateTime reference)
    {
        List<ModelResult> results;
        lock (gate)
            results = model.Parse(sentence, reference);
        var found = new List<DateWords>();
        foreach (var result in results)
        {
            if (result.Start < 0 || result.End >= sentence.Length || !result.Resolution.TryGetValue("values", out var values) || values is not IEnumerable<object> list)
                continue;
            var readings = new List<PartialDate>();
            foreach (var value in list.OfType<IDictionary<string, string>>())
            {
                if (ReadingOf(value, result.Text) is { } reading)
                    readings.Add(reading);
            }
            // The recognizer gives its text lower-cased: the words are taken from the sentence.
            var words = sentence.Substring(result.Start, result.End - result.Start + 1);
            if (readings.Count > 0 && !NoParticularDay().IsMatch(words))
                found.Add(new DateWords(result.Start, words.Length, words, readings));
        }
        return found;
    }

    private static PartialDate? ReadingOf(IDictionary<string, string> value, string words)
    {
        var timex = Get(value, "timex") ?? "";
        var type = Get(value, "type") ?? "";
        if (timex.Contains("PRESENT_REF", StringComparison.Ordinal) && !words.Contains("today", StringComparison.OrdinalIgnoreCase))
            return null; // "now", "currently", "Peace Now"
        var dateValue = type switch
        {
            "date" => Get(value, "value"),
            "datetime" => Get(value, "value"),
            // "until September 30", "by 2025": a range open at its start, whose words name its end.
            "daterange" or "datetimerange" => Get(value, "start") ?? Get(value, "end"),
            _ => null, // durations, times of day, sets ("every Monday")
        };
        if (dateValue is null || !DateTime.TryParse(dateValue, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return null;
        if (PrecisionOfTimex(timex, type, value) is not { } precision)
            return null;
        if (Get(value, "start") is null && precision == DatePrecision.Month && date.Day == 1 && type is "daterange" or "datetimerange")
            date = date.AddDays(-1); // "until the end of June": the range ends on 1 July, exclusive
        if (PrecisionOfDistance(words) is { } distance)
        {
            // "three and a half years ago": the recognizer gives a day; the words give a year, roughly.
            precision = (DatePrecision)Math.Min((int)precision, (int)distance.Precision);
            return new PartialDate(date, precision, distance.Approximate); // the constructor cuts the date to its precision
        }
        return new PartialDate(date, precision);
    }

    private static string? Get(IDictionary<string, string> value, string key) => value.TryGetValue(key, out var found) ? found : null;

    /// <summary>How precise the recognizer's answer is, from its TIMEX: "2014" a year, "XXXX-07" a month, "2014-W15" a
    /// week (a month when the week lies in one month, else nothing), "XXXX-WXX-3" or "2014-04-09" a day. Seasons
    /// ("2013-SU") and spans between two dates keep the precision of their start.</summary>
    private static DatePrecision? PrecisionOfTimex(string timex, string type, IDictionary<string, string> value)
    {
        if (timex.StartsWith('(') && timex.Split(',') is [var first, ..])
            timex = first.TrimStart('(');
        if (timex.StartsWith('T'))
            return null; // a time of day with no date
        var datePart = timex.Split('T')[0];
        if (YearTimex().IsMatch(datePart))
            return DatePrecision.Year;
        if (MonthTimex().IsMatch(datePart))
            return DatePrecision.Month;
        if (WeekTimex().IsMatch(datePart))
        {
            if (type != "daterange" || !DateTime.TryParse(Get(value, "start"), CultureInfo.InvariantCulture, out var start) ||
                !DateTime.TryParse(Get(value, "end"), CultureInfo.InvariantCulture, out var end))
                return null;
            return start.Month == end.AddDays(-1).Month ? DatePrecision.Month : null;
        }
        if (DayTimex().IsMatch(datePart) || datePart.Contains("-WXX-", StringComparison.Ordinal) || PresentTimex().IsMatch(datePart))
            return DatePrecision.Day;
        return null; // seasons, decades, weekends, half years: no honest single date
    }

    private static (DatePrecision Precision, bool Approximate)? PrecisionOfDistance(string words)
    {
        var match = Distance().Match(words);
        if (!match.Success)
            return null;
        var unit = match.Groups["unit"].Value.ToLowerInvariant();
        var rough = match.Groups["half"].Success || Rough().IsMatch(words);
        return unit switch
        {
            "year" or "decade" => (DatePrecision.Year, rough),
            "month" => (DatePrecision.Month, rough),
            "week" => (DatePrecision.Day, true),
            _ => (DatePrecision.Day, rough),
        };
    }

    /// <summary>"On the day they were supposed to": the recognizer reads "the day" as the publication day.</summary>
    [GeneratedRegex(@"^(the|that|this|a|one) day$", RegexOptions.IgnoreCase)]
    private static partial Regex NoParticularDay();

    [GeneratedRegex(@"^\d{4}$")]
    private static partial Regex YearTimex();

    [GeneratedRegex(@"^(\d{4}|XXXX)-\d{2}$")]
    private static partial Regex MonthTimex();

    [GeneratedRegex(@"^(\d{4}|XXXX)-W(\d{2}|XX)$")]
    private static partial Regex WeekTimex();

    [GeneratedRegex(@"^(\d{4}|XXXX)-\d{2}-\d{2}$")]
    private static partial Regex DayTimex();

    [GeneratedRegex(@"^PRESENT_REF$")]
    private static partial Regex PresentTimex();

    [GeneratedRegex(@"\b(?<unit>year|decade|month|week|day)s?\b(?<half>.*\bhalf\b)?.*\b(ago|earlier|later|before|after|since)\b|\bhalf\b.*\b(?<unit>year|decade|month|week|day)s?\b.*\b(ago|earlier|later)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Distance();

    [GeneratedRegex(@"\b(nearly|almost|about|around|some|over|more than|less than|roughly|half)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Rough();
}
