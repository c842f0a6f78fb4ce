namespace Timeline.Core.Domain;

/// <summary>
/// Something the sources of an event report differently ("the dead", "which court"): for two or more of its linked
/// articles, what each says, quoted verbatim. Kept on the event (its revisions, conflicts and restores carry it).
/// </summary>
public class SourceDifference
{
    /// <summary>Short: a row heading of the reader's table.</summary>
    public required string Aspect { get; set; }
    public List<SourceClaim> Claims { get; set; } = [];
}

/// <summary>What one linked article says on an aspect: a quote found word for word in its text, and optionally a short value ("9").</summary>
public class SourceClaim
{
    public int ArticleId { get; set; }
    public required string Quote { get; set; }
    public string? Value { get; set; }
}
