using Timeline.Core.Dates;

namespace Timeline.Core.Curation;

/// <summary>
/// A date as an editor enters it: first how much is known (year; year and month; full date; date and
/// time), then only those parts. Kept as typed, so a half-finished entry survives a failed save.
/// </summary>
public sealed class PartialDateInput
{
    public DatePrecision Precision { get; set; } = DatePrecision.Day;
    public int? Year { get; set; }
    public int? Month { get; set; }
    public int? Day { get; set; }
    public TimeOnly? Time { get; set; }
    public bool Approximate { get; set; }

    public static PartialDateInput From(PartialDate date) => new()
    {
        Precision = date.Precision,
        Year = date.Value.Year,
        Month = date.Precision >= DatePrecision.Month ? date.Value.Month : null,
        Day = date.Precision >= DatePrecision.Day ? date.Value.Day : null,
        Time = date.Precision == DatePrecision.Minute ? TimeOnly.FromDateTime(date.Value) : null,
        Approximate = date.Approximate,
    };

    public PartialDateInput Clone() => (PartialDateInput)MemberwiseClone();

    /// <summary>What a date without a (possible) year is told; the date field says it under the year.</summary>
    public const string YearMissing = "Enter a year between 1 and 9999.";

    /// <summary>The date, or a message that says which part is missing or impossible.</summary>
    public bool TryBuild(out PartialDate date, out string? error)
    {
        date = default;
        error = null;
        if (Year is not { } year || year is < 1 or > 9999)
            error = YearMissing;
        else if (Precision >= DatePrecision.Month && Month is not (>= 1 and <= 12))
            error = "Choose a month, or say that only the year is known.";
        else if (Precision >= DatePrecision.Day && (Day is not { } day || day < 1 || day > DateTime.DaysInMonth(year, Month!.Value)))
            error = $"Enter a day between 1 and {DateTime.DaysInMonth(year, Month!.Value)}, or say that only the month is known.";
        else if (Precision == DatePrecision.Minute && Time is null)
            error = "Enter the time, or say that only the day is known.";
        if (error is not null)
            return false;

        // Parts finer than the precision are ignored: they may be left over from before the precision was lowered.
        var month = Precision >= DatePrecision.Month ? Month!.Value : 1;
        var dayOfMonth = Precision >= DatePrecision.Day ? Day!.Value : 1;
        var time = Precision == DatePrecision.Minute ? Time!.Value : default;
        date = new PartialDate(new DateTime(Year!.Value, month, dayOfMonth, time.Hour, time.Minute, 0), Precision, Approximate);
        return true;
    }
}
