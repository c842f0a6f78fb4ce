using Timeline.Core.Dates;
using Timeline.Core.Domain;

namespace Timeline.Core.Reading;

public sealed record EraSummary(int Id, string Slug, string Title, string Description, string Colour, PartialDate Start, PartialDate End);

/// <summary>One event as the timeline lists it.</summary>
public sealed record TimelineItem(
    int Id, string Slug, string Title, string Excerpt, PartialDate Start, PartialDate? End, int? EraId,
    IReadOnlyList<string> Outlets, int SourceCount);

/// <summary>A run of consecutive events in one era (or in none), with the era's own data.</summary>
public sealed record TimelineSection(EraSummary? Era, IReadOnlyList<TimelineItem> Events);

public sealed record TagRef(TagKind Kind, string Name, string Slug);

public sealed record EventNeighbour(string Slug, string Title, PartialDate Start);

public sealed record EventSource(
    int LinkId, LinkRole Role, string Passage, string? Note,
    int ArticleId, string ArticleTitle, string Outlet, string? Author, string? Url, PartialDate Published);

public sealed record EventView(
    int Id, string Slug, string Title, string Summary, PartialDate Start, PartialDate? End, EraSummary? Era,
    IReadOnlyList<TagRef> Tags, IReadOnlyList<EventSource> Sources, EventNeighbour? Previous, EventNeighbour? Next,
    DateTimeOffset UpdatedAt);

/// <summary>The answer to a slug: the page, or the slug it moved to, or neither (not found).</summary>
public sealed record EventLookup(EventView? Page, string? MovedTo);

public sealed record EraView(EraSummary Era, IReadOnlyList<TimelineItem> Events);

public sealed record ArticleLinkView(int LinkId, LinkRole Role, string Passage, string? Note, string EventSlug, string EventTitle, PartialDate EventStart);

public sealed record ArticleView(
    int Id, string Title, string Outlet, string? Author, string? Url, PartialDate Published, string Language, string Body,
    IReadOnlyList<ArticleLinkView> Links);
