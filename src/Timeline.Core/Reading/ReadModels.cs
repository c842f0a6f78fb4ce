using Timeline.Core.Dates;
using Timeline.Core.Domain;

namespace Timeline.Core.Reading;

public sealed record StorylineSummary(int Id, string Slug, string Title, string Description, string Colour, PartialDate Start, PartialDate End)
{
    /// <summary>Its timeline opens at its latest events (a curator's choice for a story still unfolding).</summary>
    public bool OpensAtLatest { get; init; }
}

/// <summary>One event as the timeline lists it; <paramref name="SortKey"/> is its place in timeline order (for paging);
/// <paramref name="SourcesDiffer"/> when it holds differences between its sources.</summary>
public sealed record TimelineItem(
    int Id, string Slug, string Title, string Excerpt, PartialDate Start, PartialDate? End, int? StorylineId,
    IReadOnlyList<string> Outlets, int SourceCount, string SortKey, bool SourcesDiffer = false)
{
    /// <summary>Rests on one outlet's articles.</summary>
    public bool SingleSourced => Storage.EventDerivation.IsSingleSourced(Outlets);
}


public sealed record TagRef(TagKind Kind, string Name, string Slug);

public sealed record EventNeighbour(string Slug, string Title, PartialDate Start);

/// <summary>A linked article as the event's page shows it; <paramref name="SourceDate"/> is the date it gives for the event, when recorded.</summary>
public sealed record EventSource(
    int LinkId, LinkRole Role, string Passage, string? Note,
    int ArticleId, string ArticleTitle, string Outlet, string? Author, string? Url, PartialDate Published, SourceDate? SourceDate = null);

/// <summary>What one source says on an aspect, with the link whose passage it belongs to.</summary>
public sealed record ClaimView(EventSource Source, string Quote, string? Value);

public sealed record DifferenceView(string Aspect, IReadOnlyList<ClaimView> Claims);

/// <summary>A public correction or update of an event.</summary>
public sealed record NoteView(PublicNoteKind Kind, string Text, DateTimeOffset At);

public sealed record EventView(
    int Id, string Slug, string Title, string Summary, PartialDate Start, PartialDate? End, StorylineSummary? Storyline,
    IReadOnlyList<TagRef> Tags, IReadOnlyList<EventSource> Sources, EventNeighbour? Previous, EventNeighbour? Next,
    DateTimeOffset UpdatedAt, EventMedia? Media = null)
{
    public IReadOnlyList<DifferenceView> Differences { get; init; } = [];
    public IReadOnlyList<NoteView> Notes { get; init; } = [];

    /// <summary>The event among its neighbours in its storyline (or the timeline, when it has none).</summary>
    public TimeAxis Axis { get; init; } = TimeAxis.Empty;

    /// <summary>The sources that give a date for the event, when their dates (or the event's own) disagree; else none.</summary>
    public IReadOnlyList<EventSource> DatedSources
    {
        get
        {
            var dated = Sources.Where(s => s.SourceDate is not null).ToList();
            return SourceDate.Disagree(Start, dated.Select(s => s.SourceDate!.Date)) ? dated : [];
        }
    }

    /// <summary>Rests on one outlet's articles.</summary>
    public bool SingleSourced => Storage.EventDerivation.IsSingleSourced(Sources.Select(s => s.Outlet));
}

/// <summary>The answer to a slug: the page, or the slug it moved to, or neither (not found).</summary>
public sealed record EventLookup(EventView? Page, string? MovedTo);

public sealed record StorylineView(StorylineSummary Storyline, IReadOnlyList<TimelineItem> Events, int EventCount)
{
    /// <summary>The storyline's span with its events (the first ones, when it has more than a page holds).</summary>
    public TimeAxis Axis { get; init; } = TimeAxis.Empty;
}

public sealed record ArticleLinkView(int LinkId, LinkRole Role, string Passage, string? Note, string EventSlug, string EventTitle, PartialDate EventStart);

/// <summary>Words of the article that a published event's difference (the <paramref name="Index"/>th) quotes.</summary>
public sealed record ArticleQuoteView(int EventId, int Index, string Aspect, string Quote, string EventSlug, string EventTitle);

public sealed record ArticleView(
    int Id, string Title, string Outlet, string? Author, string? Url, PartialDate Published, string Language, string Body,
    IReadOnlyList<ArticleLinkView> Links)
{
    public IReadOnlyList<ArticleQuoteView> Quotes { get; init; } = [];
}

/// <summary>One bar of the density strip: a year, month or day and how many events start in it.</summary>
public sealed record DensityBucket(PartialDate Period, int Count);

/// <summary>What the timeline shows for a view: the counts per period and one page of events around the anchor.</summary>
public sealed record TimelineWindow(
    TimelineZoom Zoom, IReadOnlyList<DensityBucket> Density, IReadOnlyList<TimelineItem> Items,
    bool HasEarlier, bool HasLater, int? FocusedId, IReadOnlyList<string> Problems)
{
    /// <summary>The view's time axis: the density's periods, the storylines, this page's events.</summary>
    public TimeAxis Axis { get; init; } = TimeAxis.Empty;
}

public sealed record FacetOption(string Value, string Label);

/// <summary>The values each filter can take.</summary>
public sealed record TimelineFacets(
    IReadOnlyList<StorylineSummary> Storylines, IReadOnlyList<FacetOption> Tags, IReadOnlyList<FacetOption> Actors,
    IReadOnlyList<FacetOption> Places, IReadOnlyList<FacetOption> Outlets);

/// <summary>A page of the public API's event list; <paramref name="Next"/> is the cursor of the page after it.</summary>
public sealed record EventListPage(IReadOnlyList<TimelineItem> Items, string? Next);

/// <summary>A published event with what exports and feeds write of it.</summary>
public sealed record PublishedEvent(Event Event, StorylineSummary? Storyline, IReadOnlyList<TagRef> Tags, IReadOnlyList<EventSource> Sources)
{
    /// <summary>The event's differences with each claim's source (a claim whose article is no longer linked is left out).</summary>
    public IReadOnlyList<DifferenceView> Differences =>
    [
        .. Event.Differences.Select(d => new DifferenceView(d.Aspect,
            [.. d.Claims.Select(c => (Claim: c, Source: Sources.FirstOrDefault(s => s.ArticleId == c.ArticleId)))
                .Where(c => c.Source is not null).Select(c => new ClaimView(c.Source!, c.Claim.Quote, c.Claim.Value))])),
    ];
}

/// <summary>The events of a view, for an export; <paramref name="Truncated"/> when the view held more than were written.</summary>
public sealed record ViewExport(IReadOnlyList<PublishedEvent> Events, bool Truncated);
