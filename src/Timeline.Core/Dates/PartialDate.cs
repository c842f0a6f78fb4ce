using System.Globalization;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace Timeline.Core.Dates;

/// <summary>
/// A calendar date known only to a given precision ("2014", "July 2013", "9 April 2014",
/// "9 April 2014, 14:30"), optionally marked approximate. <see cref="Value"/> is the first instant
/// of the period, so ordering by (Value, Precision) puts "July 2013" before "1 July 2013".
/// </summary>
public readonly partial record struct PartialDate : IComparable<PartialDate>
{
    public DateTime Value { get; }
    public DatePrecision Precision { get; }
    public bool Approximate { get; }

    // A struct also has an implicit parameterless constructor, which System.Text.Json would pick (and give year 1):
    // the prerendered timeline hands its data to the circuit as JSON, so name the real one.
    [JsonConstructor]
    public PartialDate(DateTime value, DatePrecision precision, bool approximate = false)
    {
        if (!Enum.IsDefined(precision))
            throw new ArgumentOutOfRangeException(nameof(precision), precision, "Unknown date precision.");
        Value = Truncate(value, precision);
        Precision = precision;
        Approximate = approximate;
    }

    public static PartialDate Year(int year, bool approximate = false) =>
        new(new DateTime(year, 1, 1), DatePrecision.Year, approximate);

    public static PartialDate Month(int year, int month, bool approximate = false) =>
        new(new DateTime(year, month, 1), DatePrecision.Month, approximate);

    public static PartialDate Day(int year, int month, int day, bool approximate = false) =>
        new(new DateTime(year, month, day), DatePrecision.Day, approximate);

    /// <summary>The first instant after the period: a month-precise date covers [Value, End). The last period of the
    /// calendar (9999, December 9999, 31 December 9999) ends at <see cref="DateTime.MaxValue"/>, there being no instant after it.</summary>
    public DateTime End => Precision switch
    {
        DatePrecision.Year => Value.Year == 9999 ? DateTime.MaxValue : Value.AddYears(1),
        DatePrecision.Month => Value.Year == 9999 && Value.Month == 12 ? DateTime.MaxValue : Value.AddMonths(1),
        DatePrecision.Day => Value.Date == DateTime.MaxValue.Date ? DateTime.MaxValue : Value.AddDays(1),
        _ => DateTime.MaxValue - Value < TimeSpan.FromMinutes(1) ? DateTime.MaxValue : Value.AddMinutes(1),
    };

    /// <summary>True when this is the last period of its precision, so none follows it.</summary>
    public bool IsLast => End == DateTime.MaxValue;

    /// <summary>True when this period is over before <paramref name="other"/> begins: as an end, it cannot follow that start.
    /// "April 2014" does not end before "9 April 2014"; "March 2014" does.</summary>
    public bool EndsBefore(PartialDate other) => End <= other.Value;

    [GeneratedRegex(@"^(?<y>[0-9]{4})(-(?<m>[0-9]{2})(-(?<d>[0-9]{2})([T ](?<h>[0-9]{2}):(?<min>[0-9]{2}))?)?)?$")]
    private static partial Regex IsoPattern();

    /// <summary>Reads "2014", "2013-07", "2014-04-09" or "2014-04-09T14:30"; the precision is what the text gives.
    /// Digits of any script count ("٢٠١٤", full-width "２０１４"), as people type them.</summary>
    public static bool TryParse(string? text, bool approximate, out PartialDate date, out string? error)
    {
        date = default;
        var match = IsoPattern().Match(AsciiDigits(text?.Trim() ?? ""));
        if (!match.Success)
        {
            error = $"\"{Text.TextExcerpt.Shorten(text, 40)}\" is not a date: write YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDTHH:MM.";
            return false;
        }
        int Part(string name) => int.Parse(match.Groups[name].Value, CultureInfo.InvariantCulture);
        var year = Part("y");
        var month = match.Groups["m"].Success ? Part("m") : 1;
        var day = match.Groups["d"].Success ? Part("d") : 1;
        var hour = match.Groups["h"].Success ? Part("h") : 0;
        var minute = match.Groups["min"].Success ? Part("min") : 0;
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59)
        {
            error = $"\"{Text.TextExcerpt.Shorten(text, 40)}\" is not a real calendar date.";
            return false;
        }
        var precision = match.Groups["h"].Success ? DatePrecision.Minute
            : match.Groups["d"].Success ? DatePrecision.Day
            : match.Groups["m"].Success ? DatePrecision.Month
            : DatePrecision.Year;
        date = new PartialDate(new DateTime(year, month, day, hour, minute, 0), precision, approximate);
        error = null;
        return true;
    }

    private static string AsciiDigits(string text)
    {
        if (text.All(char.IsAscii))
            return text;
        return string.Create(text.Length, text, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
                span[i] = Text.UnicodeText.DigitValue(source[i]) is var digit and >= 0 ? (char)('0' + digit) : source[i];
        });
    }

    public static PartialDate Parse(string text, bool approximate = false) =>
        TryParse(text, approximate, out var date, out var error) ? date : throw new FormatException(error);

    /// <summary>The machine-readable form, valid in an HTML <c>&lt;time datetime&gt;</c> attribute.</summary>
    public string ToIsoString() => Precision switch
    {
        DatePrecision.Year => Value.ToString("yyyy", CultureInfo.InvariantCulture),
        DatePrecision.Month => Value.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        DatePrecision.Day => Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => Value.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture),
    };

    /// <summary>The reader's form: only as much as is known, "c." in front when approximate.</summary>
    public string Format()
    {
        var text = Precision switch
        {
            DatePrecision.Year => Value.ToString("yyyy", CultureInfo.InvariantCulture),
            DatePrecision.Month => Value.ToString("MMMM yyyy", CultureInfo.InvariantCulture),
            DatePrecision.Day => Value.ToString("d MMMM yyyy", CultureInfo.InvariantCulture),
            _ => Value.ToString("d MMMM yyyy, HH:mm", CultureInfo.InvariantCulture),
        };
        return Approximate ? "c. " + text : text;
    }

    /// <summary>A span such as "26 January 2023 – 3 February 2023"; a missing end gives the start alone.</summary>
    public static string FormatRange(PartialDate start, PartialDate? end) =>
        end is { } last && last != start ? $"{start.Format()} – {last.Format()}" : start.Format();

    public override string ToString() => (Approximate ? "~" : "") + ToIsoString();

    public int CompareTo(PartialDate other)
    {
        var byValue = Value.CompareTo(other.Value);
        return byValue != 0 ? byValue : Precision.CompareTo(other.Precision);
    }

    public static bool operator <(PartialDate a, PartialDate b) => a.CompareTo(b) < 0;
    public static bool operator >(PartialDate a, PartialDate b) => a.CompareTo(b) > 0;
    public static bool operator <=(PartialDate a, PartialDate b) => a.CompareTo(b) <= 0;
    public static bool operator >=(PartialDate a, PartialDate b) => a.CompareTo(b) >= 0;

    private static DateTime Truncate(DateTime value, DatePrecision precision) => precision switch
    {
        DatePrecision.Year => new DateTime(value.Year, 1, 1),
        DatePrecision.Month => new DateTime(value.Year, value.Month, 1),
        DatePrecision.Day => value.Date,
        _ => new DateTime(value.Year, value.Month, value.Day, value.Hour, value.Minute, 0),
    };
}
