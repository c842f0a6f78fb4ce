using Timeline.Core.Dates;

namespace Timeline.Core.Reading;

// The time axis above the list (TimeAxisLayout builds it). Every position is a percentage of the axis' width from
// its start; time always runs from left to right.

/// <summary>One year, month or day of the axis with the events that start in it (the derived counts), and how many
/// storylines run through it. <paramref name="Label"/> is the tick's text, when this period gets one.</summary>
public sealed record AxisPeriod(PartialDate Period, int Count, int Storylines, double Left, double Width, string? Label);

/// <summary>A run of empty periods drawn as a narrow break ("7 years without events").</summary>
public sealed record AxisFold(PartialDate First, PartialDate Last, int Periods, double Left, double Width)
{
    public string Words => $"{Periods} {Unit(First.Precision, Periods)} without events";

    private static string Unit(DatePrecision precision, int n) => (precision, n == 1) switch
    {
        (DatePrecision.Year, true) => "year",
        (DatePrecision.Year, false) => "years",
        (DatePrecision.Month, true) => "month",
        (DatePrecision.Month, false) => "months",
        (_, true) => "day",
        _ => "days",
    };
}

/// <summary>How a mark draws what is known of its date.</summary>
public enum MarkShape
{
    /// <summary>A day (or minute): a point.</summary>
    Point,

    /// <summary>A month or a year: a bracket across it.</summary>
    Span,

    /// <summary>An event with an end date: a bar from start to end.</summary>
    Bar,
}

/// <summary>An event of the page on the axis, in row <paramref name="Row"/> (0 at the top). Soft ends are approximate.</summary>
public sealed record AxisMark(TimelineItem Item, MarkShape Shape, double Left, double Width, int Row, bool SoftStart, bool SoftEnd)
{
    /// <summary>The mark's date in words: "April 2014, date known to the month".</summary>
    public string Words => DateWords(Item.Start, Item.End);

    public static string DateWords(PartialDate start, PartialDate? end)
    {
        var last = end is { } e && e != start ? e : (PartialDate?)null;
        var known = last is { } l && l.Precision != start.Precision
            ? $"dates known to the {Name(start.Precision)} and the {Name(l.Precision)}"
            : $"date{(last is null ? "" : "s")} known to the {Name(start.Precision)}";
        var approximate = start.Approximate || last?.Approximate == true ? ", approximate" : "";
        return $"{PartialDate.FormatRange(start, last)}, {known}{approximate}";
    }

    private static string Name(DatePrecision precision) => precision.ToString().ToLowerInvariant();
}

/// <summary>Events of a stretch that no mark shows (not on this page, or no room): "+12", linking to the zoomed view.</summary>
public sealed record AxisCrowd(PartialDate First, PartialDate Last, int Hidden, double Left, double Width);

/// <summary>A storyline's span on the axis; it may run on beyond either end of it.</summary>
public sealed record AxisBand(StorylineSummary Storyline, double Left, double Width);

/// <summary>The axis of a view: its periods and folds side by side, the storylines' bands, the page's events as marks
/// and the counts of the rest.</summary>
public sealed record TimeAxis(
    TimelineZoom Zoom, IReadOnlyList<AxisPeriod> Periods, IReadOnlyList<AxisFold> Folds, IReadOnlyList<AxisBand> Bands,
    IReadOnlyList<AxisMark> Marks, IReadOnlyList<AxisCrowd> Crowds)
{
    public static readonly TimeAxis Empty = new(TimelineZoom.Years, [], [], [], [], []);

    public bool IsEmpty => Periods.Count == 0;

    /// <summary>Rows of marks in use.</summary>
    public int Rows => Marks.Count == 0 ? 0 : Marks.Max(m => m.Row) + 1;

    public PartialDate First => Periods[0].Period;
    public PartialDate Last => Periods[^1].Period;
}
