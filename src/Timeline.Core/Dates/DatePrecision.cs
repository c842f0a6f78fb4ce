namespace Timeline.Core.Dates;

/// <summary>How much of a date is known. The numeric order is the sort order within one instant:
/// a month-precise date sorts before the day-precise dates of that month.</summary>
public enum DatePrecision
{
    Year = 0,
    Month = 1,
    Day = 2,
    Minute = 3,
}
