namespace Timeline.Core.Domain;

/// <summary>
/// How many published events start in a month, per era (0: no era). Kept by database triggers on
/// Events, so the timeline's density strip reads a few hundred rows whatever the number of events.
/// </summary>
public class EventMonthCount
{
    /// <summary>"yyyy-MM".</summary>
    public required string Month { get; set; }

    public int EraId { get; set; }
    public int Count { get; set; }
}
