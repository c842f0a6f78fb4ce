namespace Timeline.Core.Domain;

public enum TagKind
{
    Topic,
    Actor,
    Place,
}

/// <summary>A topic, actor or place an event is filed under.</summary>
public class Tag
{
    public int Id { get; set; }
    public TagKind Kind { get; set; }
    public required string Name { get; set; }
    public required string Slug { get; set; }
    public List<Event> Events { get; set; } = [];
}
