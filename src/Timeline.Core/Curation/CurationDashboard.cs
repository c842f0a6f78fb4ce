using Lucene.Net.Index;
using Lucene.Net.Search;
using Timeline.Core.Dates;
using Timeline.Core.Domain;
using Timeline.Core.Search;
using Timeline.Core.Storage;

namespace Timeline.Core.Curation;

public sealed record EventRow(int Id, string Slug, string Title, PartialDate Start, EventStatus Status, DateTimeOffset UpdatedAt, string UpdatedBy, int Links);

/// <summary>One page of a newest-first list, its total, and the cursor of the next page (null on the last).</summary>
public sealed record KeysetPage<TRow>(IReadOnlyList<TRow> Rows, int Total, string? Next);

/// <summary>What needs an editor's attention: recent changes, unlinked articles, unsourced events, drafts.</summary>
public sealed record DashboardView(
    IReadOnlyList<RecentChange> RecentChanges,
    IReadOnlyList<ArticleRow> UnlinkedArticles, int UnlinkedArticleCount,
    IReadOnlyList<EventRow> UnsourcedEvents, int UnsourcedEventCount,
    IReadOnlyList<EventRow> Drafts, int DraftCount);

/// <summary>Lists of events for the curator: the dashboard's, the event list (with words and status) and the trash.
/// Each list is one index range, newest first, and its count is kept with the data.</summary>
public sealed class CurationDashboard(TimelineStore store, SearchIndex index, CurationHistory history, ArticleEditor articles)
{
    public const int PageSize = 25;
    private const int DashboardRows = 8;

    private static readonly Dictionary<string, float> TextFields = new()
    {
        [SearchIndex.TitleField] = 2f, [SearchIndex.SlugField] = 1f, [SearchIndex.SummaryField] = 1f,
    };

    public async Task<DashboardView> LoadAsync(CancellationToken cancellationToken = default)
    {
        var recent = await history.RecentAsync(12, cancellationToken);
        var unlinked = await articles.ListAsync(null, null, unlinkedOnly: true, cancellationToken: cancellationToken);
        var unsourced = Newest(nameof(Event.UnsourcedKey), "0", TimelineKeys.Last, DashboardRows);
        var drafts = Newest(nameof(Event.StatusKey), EventStatus.Draft + ":", EventStatus.Draft + ":" + TimelineKeys.Last, DashboardRows);
        return new DashboardView(recent,
            [.. unlinked.Rows.Take(DashboardRows)], unlinked.Total,
            [.. unsourced.Select(ToRow)], store.CountOf(TimelineKeys.UnsourcedCount),
            [.. drafts.Select(ToRow)], store.CountOf(TimelineKeys.StatusCount(EventStatus.Draft)));
    }

    /// <summary>
    /// Events by status (all but the trash when null), latest first (or earliest first), a page at a time after the cursor
    /// <paramref name="after"/>; with words, those whose title, address or summary matches them.
    /// </summary>
    public Task<KeysetPage<EventRow>> ListEventsAsync(string? query, EventStatus? status, string? after = null, bool oldestFirst = false,
        CancellationToken cancellationToken = default)
    {
        List<Event> page;
        int total;
        if (!string.IsNullOrWhiteSpace(query))
        {
            var parsed = SearchQuery.Parse(query, index.Analyzer);
            if (parsed.ToQuery(TextFields) is not { } words)
                return Task.FromResult(new KeysetPage<EventRow>([], 0, null));
            var search = new BooleanQuery
            {
                { new TermQuery(new Term(SearchIndex.KindField, SearchDocuments.EventKind)), Occur.MUST },
                { words, Occur.MUST },
            };
            if (status is { } wanted)
                search.Add(new TermQuery(new Term(SearchIndex.StatusField, wanted.ToString())), Occur.MUST);
            else
                search.Add(new TermQuery(new Term(SearchIndex.StatusField, nameof(EventStatus.Deleted))), Occur.MUST_NOT);
            (var hits, total) = index.FindInOrder(search, after, PageSize + 1, oldestFirst);
            page = store.Events.FindByDocumentKeys([.. hits.Select(h => h.Key)], e => e.Id);
        }
        else
        {
            // By status: "Draft:{SortKey}"; any live status: the sort key itself (LiveKey). Sort keys start with digits.
            var (field, prefix) = status is { } wanted ? (nameof(Event.StatusKey), wanted + ":") : (nameof(Event.LiveKey), "");
            var (first, last) = (prefix + "0", prefix + TimelineKeys.Last);
            var (low, high) = oldestFirst ? (after is null ? first : prefix + after, last) : (first, after is null ? last : prefix + after);
            page = [.. store.EventsInKeyOrder(field, low, high, oldestFirst).Limit(PageSize + 2).ToEnumerable()
                .Where(e => e.SortKey != after).Take(PageSize + 1)];
            total = status is { } counted
                ? store.CountOf(TimelineKeys.StatusCount(counted))
                : store.CountOf(TimelineKeys.StatusCount(EventStatus.Draft)) + store.CountOf(TimelineKeys.StatusCount(EventStatus.Published));
        }
        return Task.FromResult(new KeysetPage<EventRow>([.. page.Take(PageSize).Select(ToRow)], total, page.Count > PageSize ? page[PageSize - 1].SortKey : null));
    }

    /// <summary>Events whose <paramref name="keyField"/> lies in [low, high], from the highest key down.</summary>
    private List<Event> Newest(string keyField, string low, string high, int take) =>
        [.. store.EventsInKeyOrder(keyField, low, high).Limit(take).ToEnumerable()];

    private static EventRow ToRow(Event e) => new(e.Id, e.Slug, e.Title, e.Start, e.Status, e.UpdatedAt, e.UpdatedBy, e.SourceCount);
}
