namespace Timeline.Core.Domain;

public enum RevisionSubject
{
    Event,
    Article,
    Link,
    Storyline,
}

/// <summary>
/// One recorded change: who, when, what kind of change, and a JSON snapshot of the subject afterwards
/// (before, for a removal), so that two revisions can be compared and an earlier state restored.
/// </summary>
public class Revision
{
    public long Id { get; set; }
    public RevisionSubject Subject { get; set; }
    public int SubjectId { get; set; }

    /// <summary>The event the change belongs to (an event's own change, or a link of it): its history lists it.</summary>
    public int? EventId { get; set; }

    /// <summary>The article the change belongs to (an article's own change, or a link of it).</summary>
    public int? ArticleId { get; set; }

    /// <summary>"created", "edited", "deleted", "restored", "linked", "unlinked", …</summary>
    public required string Action { get; set; }

    /// <summary>A line for lists: "Edited title, summary".</summary>
    public required string Description { get; set; }
    public required string Snapshot { get; set; }
    public required string ChangedBy { get; set; }
    public DateTimeOffset ChangedAt { get; set; }

    // Derived: "{id:D9}:{revision id:D12}" keys, so that a history is one index range, in order.
    public string? EventKey { get; set; }
    public string? ArticleKey { get; set; }
    public string SubjectKey { get; set; } = "";
}
