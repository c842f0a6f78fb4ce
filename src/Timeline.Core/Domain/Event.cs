using Timeline.Core.Dates;

namespace Timeline.Core.Domain;

public enum EventStatus
{
    Draft,
    Published,

    /// <summary>In the trash: hidden everywhere public, restorable by an editor. The slug stays reserved.</summary>
    Deleted,
}

/// <summary>A dated happening on the timeline, backed by the articles linked to it.</summary>
public class Event
{
    public int Id { get; set; }

    /// <summary>Unique and stable: made once from date and title; a later change keeps the old slug in <see cref="SlugHistory"/>.</summary>
    public required string Slug { get; set; }
    public required string Title { get; set; }

    /// <summary>Markdown, rendered without raw HTML.</summary>
    public string Summary { get; set; } = "";

    // The start and end are stored as plain columns (not an owned or complex type) so that they can be
    // indexed and compared in SQL; Start and End below are the typed view of them.
    public DateTime StartsAt { get; set; }
    public DatePrecision StartPrecision { get; set; }
    public bool StartApproximate { get; set; }
    public DateTime? EndsAt { get; set; }
    public DatePrecision? EndPrecision { get; set; }
    public bool EndApproximate { get; set; }

    public PartialDate Start
    {
        get => new(StartsAt, StartPrecision, StartApproximate);
        set => (StartsAt, StartPrecision, StartApproximate) = (value.Value, value.Precision, value.Approximate);
    }

    public PartialDate? End
    {
        get => EndsAt is { } at && EndPrecision is { } precision ? new PartialDate(at, precision, EndApproximate) : null;
        set => (EndsAt, EndPrecision, EndApproximate) = (value?.Value, value?.Precision, value?.Approximate ?? false);
    }

    public int? EraId { get; set; }
    public Era? Era { get; set; }

    public EventStatus Status { get; set; } = EventStatus.Draft;

    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public required string UpdatedBy { get; set; }

    /// <summary>Optimistic concurrency token: bumped on every save, so a stale edit is refused.</summary>
    public int Version { get; set; }

    public List<Tag> Tags { get; set; } = [];
    public List<EventArticleLink> Links { get; set; } = [];
    public List<EventSlugAlias> SlugHistory { get; set; } = [];
}

/// <summary>A slug an event had before: the public URL under it redirects to the current one.</summary>
public class EventSlugAlias
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public int EventId { get; set; }
    public Event? Event { get; set; }
    public DateTimeOffset RetiredAt { get; set; }
}
