using Timeline.Core.Dates;

namespace Timeline.Core.Domain;

/// <summary>
/// The date one article gives for the event it is linked to, with its words ("on Wednesday"): kept on the link, so
/// that where the sources' dates disagree the app can say so. The event's own date stays the curator's call.
/// </summary>
public class SourceDate
{
    public PartialDate Date { get; set; }

    /// <summary>The article's words for it, when it names it in words at all.</summary>
    public string? Words { get; set; }

    /// <summary>"25 January 2023 (“on Wednesday”)": the date with the article's words.</summary>
    public static string Describe(PartialDate date, string? words) => date.Format() + (words is null ? "" : $" (“{words}”)");

    public string Describe() => Describe(Date, Words);

    /// <summary>
    /// True when two dates name different periods, compared at the coarser of their precisions: "January 2023" and
    /// "26 January 2023" agree, "25 January 2023" and "26 January 2023" do not.
    /// </summary>
    public static bool Differ(PartialDate a, PartialDate b)
    {
        var coarser = (DatePrecision)Math.Min((int)a.Precision, (int)b.Precision);
        return new PartialDate(a.Value, coarser).Value != new PartialDate(b.Value, coarser).Value;
    }

    /// <summary>True when the sources' dates differ from each other or from the event's own.</summary>
    public static bool Disagree(PartialDate eventDate, IEnumerable<PartialDate> sourceDates)
    {
        var dates = sourceDates.Prepend(eventDate).ToList();
        return dates.Any(a => dates.Any(b => Differ(a, b)));
    }
}
