using Timeline.Core.Domain;
using Timeline.Core.Storage;

namespace Timeline.Core.Curation;

/// <summary>What needs an editor's attention: recent changes, unlinked articles, unsourced events, drafts.</summary>
public sealed record DashboardView(
    IReadOnlyList<RecentChange> RecentChanges,
    IReadOnlyList<ArticleRow> UnlinkedArticles, int UnlinkedArticleCount,
    IReadOnlyList<EventRow> UnsourcedEvents, int UnsourcedEventCount,
    IReadOnlyList<EventRow> Drafts, int DraftCount)
{
    /// <summary>Events whose sources' dates disagree (with each other or with the event's), newest first.</summary>
    public IReadOnlyList<EventRow> DateDisputed { get; init; } = [];
    public int DateDisputedCount { get; init; }

    /// <summary>Published events that rest on one outlet's articles.</summary>
    public int SingleSourcedCount { get; init; }
}

/// <summary>What the dashboard lists: recent changes, and the newest unlinked articles, unsourced events, drafts and
/// events whose sources disagree on the date; how many published events rest on a single source.
/// Each list is one index range, newest first, and its count is kept with the data.</summary>
public sealed class CurationDashboard(TimelineStore store, CurationHistory history, ArticleEditor articles)
{
    private const int DashboardRows = 8;

    public DashboardView Load()
    {
        var recent = history.Recent(12);
        var unlinked = articles.List(null, null, unlinkedOnly: true);
        var unsourced = Newest(nameof(Event.UnsourcedKey), "0", TimelineKeys.Last, DashboardRows);
        var drafts = Newest(nameof(Event.StatusKey), EventStatus.Draft + ":", EventStatus.Draft + ":" + TimelineKeys.Last, DashboardRows);
        return new DashboardView(recent,
            [.. unlinked.Rows.Take(DashboardRows)], unlinked.Total,
            [.. unsourced.Select(EventRow.Of)], store.CountOf(TimelineKeys.UnsourcedCount),
            [.. drafts.Select(EventRow.Of)], store.CountOf(TimelineKeys.StatusCount(EventStatus.Draft)))
        {
            DateDisputed = [.. Newest(nameof(Event.DateDisputedKey), "0", TimelineKeys.Last, DashboardRows).Select(EventRow.Of)],
            DateDisputedCount = store.CountOf(TimelineKeys.DateDisputedCount),
            SingleSourcedCount = store.CountOf(TimelineKeys.FacetCount(TimelineKeys.SingleSourceFacet)),
        };
    }

    /// <summary>Events whose <paramref name="keyField"/> lies in [low, high], from the highest key down.</summary>
    private List<Event> Newest(string keyField, string low, string high, int take) =>
        [.. store.EventsInKeyOrder(keyField, low, high).Limit(take).ToEnumerable()];
}
