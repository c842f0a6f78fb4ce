using Timeline.Core.Dates;

namespace Timeline.Core.Domain;

public enum EventStatus
{
    Draft,
    Published,

    /// <summary>In the trash: hidden everywhere public, restorable by an editor. The slug stays reserved.</summary>
    Deleted,
}

/// <summary>
/// A dated happening on the timeline, backed by the articles linked to it. Stored as one document in the
/// "events" collection; the fields under "Derived" are kept by <see cref="Storage.EventDerivation"/> in the same
/// transaction as every change, and are what the store's indexes read.
/// </summary>
public class Event
{
    public int Id { get; set; }

    /// <summary>Unique and stable: made once from date and title; a later change keeps the old slug as an alias (see the "slugs" collection).</summary>
    public required string Slug { get; set; }
    public required string Title { get; set; }

    /// <summary>Markdown, rendered without raw HTML.</summary>
    public string Summary { get; set; } = "";

    public PartialDate Start { get; set; }
    public PartialDate? End { get; set; }

    public int? StorylineId { get; set; }
    public EventStatus Status { get; set; } = EventStatus.Draft;

    /// <summary>One image or link shown with the event (null: none).</summary>
    public EventMedia? Media { get; set; }

    /// <summary>What its sources report differently, each with what two or more of them say.</summary>
    public List<SourceDifference> Differences { get; set; } = [];

    /// <summary>Its topics, actors and places (the "tags" collection).</summary>
    public List<int> TagIds { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public required string UpdatedBy { get; set; }

    /// <summary>Optimistic concurrency token: bumped on every save, so a stale edit is refused.</summary>
    public int Version { get; set; }

    // Derived ---------------------------------------------------------------------------------------------------

    /// <summary>Timeline order as fixed-width digits: start (yyyyMMddHHmm), precision, id. Unique, ordinal order = timeline order.</summary>
    public string SortKey { get; set; } = "";

    /// <summary>For a published event, one key per way a reader can list it ("a:" all, "e…:" storyline, "t…:" tag,
    /// "o…:" outlet), each followed by the sort key: one multi-key index serves every filtered, keyset-paged list.</summary>
    public List<string> Keys { get; set; } = [];

    /// <summary>The same facets without the sort key ("e3", "t12", "o5"): checked, not indexed, when a view has several filters.</summary>
    public List<string> Facets { get; set; } = [];

    /// <summary>The summary as plain text, shortened: what the timeline shows (kept, so that a page of the timeline
    /// does not parse fifty summaries' Markdown). Added in store version 3.</summary>
    public string Excerpt { get; set; } = "";

    /// <summary>The distinct outlets of its linked articles, and how many articles are linked: shown on the timeline.</summary>
    public List<string> Outlets { get; set; } = [];
    public int SourceCount { get; set; }

    /// <summary>"Draft:{SortKey}" etc.: the curator lists by status, newest first.</summary>
    public string StatusKey { get; set; } = "";

    /// <summary>The sort key, unless in the trash: the curator list of every live event, newest first.</summary>
    public string? LiveKey { get; set; }

    /// <summary>The id (fixed width) of a published event no article backs: the dashboard's "unsourced" list.</summary>
    public string? UnsourcedKey { get; set; }

    /// <summary>The sort key of a live event whose sources give dates that disagree, with each other or with the
    /// event's own: the dashboard's "sources differ on the date" list. Added in store version 7.</summary>
    public string? DateDisputedKey { get; set; }
}

/// <summary>
/// Every slug an event has or had, keyed by the slug itself (so no two events ever share one): the current one
/// answers the event page, a former one a permanent redirect to the current.
/// </summary>
public class SlugRecord
{
    public required string Id { get; set; }
    public int EventId { get; set; }
    public bool Current { get; set; }
    public DateTimeOffset? RetiredAt { get; set; }
}
