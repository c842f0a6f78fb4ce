namespace Timeline.Core.Domain;

public enum PublicNoteKind
{
    Correction,
    Update,
}

/// <summary>
/// A note a curator made public with a save of an event: a correction of something the event said, or an update.
/// Unlike the revision history, which stays private, readers see these on the event page and on /changes.
/// </summary>
public class PublicNote
{
    public long Id { get; set; }
    public int EventId { get; set; }
    public PublicNoteKind Kind { get; set; }
    public required string Text { get; set; }
    public DateTimeOffset At { get; set; }

    /// <summary>The revision of the save it came with (private: readers never see it).</summary>
    public long RevisionId { get; set; }

    // Derived ---------------------------------------------------------------------------------------------------

    /// <summary>The note's id (fixed width) while its event is published, else null: /changes is one index range of it,
    /// so a note of a draft or of an event in the trash is never listed.</summary>
    public string? PublicKey { get; set; }
}
