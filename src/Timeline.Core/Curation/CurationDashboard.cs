using Timeline.Core.Domain;
using Timeline.Core.Storage;

namespace Timeline.Core.Curation;

/// <summary>What needs an editor's attention: recent changes, unlinked articles, unsourced events, drafts.</summary>
public sealed record DashboardView(
    IReadOnlyList<RecentChange> RecentChanges,
    IReadOnlyList<ArticleRow> UnlinkedArticles, int UnlinkedArticleCount,
    IReadOnlyList<EventRow> UnsourcedEvents, int UnsourcedEventCount,
    IReadOnlyList<EventRow> Drafts, int DraftCount);

/// <summary>What the dashboard lists: recent changes, and the newest unlinked articles, unsourced events and drafts.
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
            [.. drafts.Select(EventRow.Of)], store.CountOf(TimelineKeys.StatusCount(EventStatus.Draft)));
    }

    /// <summary>Events whose <paramref name="keyField"/> lies in [low, high], from the highest key down.</summary>
    private List<Event> Newest(string keyField, string low, string high, int take) =>
        [.. store.EventsInKeyOrder(keyField, low, high).Limit(take).ToEnumerable()];
}
