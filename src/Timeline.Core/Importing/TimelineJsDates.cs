using System.Globalization;
using Timeline.Core.Dates;
using Timeline.Core.Text;

namespace Timeline.Core.Importing;

/// <summary>A TimelineJS date read into the site's dates: the precision its parts give, and whether the display date
/// the source timeline wrote says the same date, or the same date as approximate.</summary>
internal static class TimelineJsDates
{
    /// <summary>The date as its parts give it: year only is year-precise, no day month-precise, an hour day+time.</summary>
    public static PartialDate? Read(TjsDate date, string entry, string which, List<ImportNote> errors, List<ImportNote> dropped)
    {
        int? Part(string? text, string name)
        {
            if (text is null)
                return null;
            if (decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
                && number == decimal.Truncate(number) && number is >= int.MinValue and <= int.MaxValue)
                return (int)number;
            errors.Add(new ImportNote(entry, $"The {which} {name} \"{TextExcerpt.Shorten(text, 20)}\" is not a whole number."));
            return null;
        }
        var count = errors.Count;
        var year = Part(date.Year, "year");
        var month = Part(date.Month, "month");
        var day = Part(date.Day, "day");
        var hour = Part(date.Hour, "hour");
        var minute = Part(date.Minute, "minute");
        var second = Part(date.Second, "second");
        if (errors.Count > count)
            return null;
        if (year is null)
        {
            errors.Add(new ImportNote(entry, $"The {which} date has no year."));
            return null;
        }
        if (year is < 1 or > 9999)
        {
            errors.Add(new ImportNote(entry, $"The {which} year {year} is outside 1–9999, the years the timeline can hold."));
            return null;
        }
        if (month is < 1 or > 12)
            errors.Add(new ImportNote(entry, $"The {which} month {month} is not 1–12."));
        else if (day is not null && month is null)
            errors.Add(new ImportNote(entry, $"The {which} date has a day but no month."));
        else if (day is { } d && (d < 1 || d > DateTime.DaysInMonth(year.Value, month!.Value)))
            errors.Add(new ImportNote(entry, $"The {which} date {year}-{month:00}-{d:00} is not a real calendar date."));
        else if (hour is not null && day is null)
            errors.Add(new ImportNote(entry, $"The {which} date has a time but no day."));
        else if (hour is < 0 or > 23 || minute is < 0 or > 59)
            errors.Add(new ImportNote(entry, $"The {which} time {hour}:{minute ?? 0:00} is not a time of day."));
        if (errors.Count > count)
            return null;
        if (second is > 0)
            dropped.Add(new ImportNote(entry, $"The {which} time's seconds are not kept: times are to the minute."));
        if (hour is { } h)
            return new PartialDate(new DateTime(year.Value, month!.Value, day!.Value, h, minute ?? 0, 0), DatePrecision.Minute);
        if (day is not null)
            return PartialDate.Day(year.Value, month!.Value, day.Value);
        return month is { } m ? PartialDate.Month(year.Value, m) : PartialDate.Year(year.Value);
    }

    public static bool SameDate(string display, PartialDate start, PartialDate? end) =>
        Normal(display) == Normal(start.Format()) || Normal(display) == Normal(PartialDate.FormatRange(start, end));

    /// <summary>"c. July 2013", "circa 2014", "~2014", "about March 2014": the computed date, said to be approximate.</summary>
    public static bool IsApproximateOf(string display, PartialDate start)
    {
        var text = Normal(display);
        foreach (var prefix in new[] { "c. ", "c.", "ca. ", "circa ", "about ", "around ", "~" })
        {
            if (text.StartsWith(prefix, StringComparison.Ordinal) && text[prefix.Length..].Trim() == Normal(start.Format()))
                return true;
        }
        return false;
    }

    private static string Normal(string text) => string.Join(' ', text.Trim().ToLowerInvariant().Replace('–', '-').Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
