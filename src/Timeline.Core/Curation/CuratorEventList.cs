using Lucene.Net.Index;
using Lucene.Net.Search;
using Timeline.Core.Dates;
using Timeline.Core.Domain;
using Timeline.Core.Search;
using Timeline.Core.Storage;

namespace Timeline.Core.Curation;

/// <summary>An event as the curator's lists show it.</summary>
public sealed record EventRow(int Id, string Slug, string Title, PartialDate Start, EventStatus Status, DateTimeOffset UpdatedAt, string UpdatedBy, int Links)
{
    public static EventRow Of(Event e) => new(e.Id, e.Slug, e.Title, e.Start, e.Status, e.UpdatedAt, e.UpdatedBy, e.SourceCount);
}

/// <summary>
/// The curator's event grid (and the trash): events by status, latest first (or earliest first), a page at a time;
/// with words, those whose title, address or summary matches them. Each page is one index range, and its count is
/// kept with the data.
/// </summary>
public sealed class CuratorEventList(TimelineStore store, SearchIndex index)
{
    public const int PageSize = 25;

    private static readonly Dictionary<string, float> TextFields = new()
    {
        [SearchIndex.TitleField] = 2f, [SearchIndex.SlugField] = 1f, [SearchIndex.SummaryField] = 1f,
    };

    /// <summary>The page after the cursor <paramref name="after"/>, of events with <paramref name="status"/> (all but
    /// the trash when null).</summary>
    public KeysetPage<EventRow> List(string? query, EventStatus? status, string? after = null, bool oldestFirst = false)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            // By status: "Draft:{SortKey}"; any live status: the sort key itself (LiveKey). Sort keys start with digits.
            var (field, prefix) = status is { } wanted ? (nameof(Event.StatusKey), wanted + ":") : (nameof(Event.LiveKey), "");
            var (first, last) = (prefix + "0", prefix + TimelineKeys.Last);
            var (low, high) = oldestFirst ? (after is null ? first : prefix + after, last) : (first, after is null ? last : prefix + after);
            var total = status is { } counted
                ? store.CountOf(TimelineKeys.StatusCount(counted))
                : store.CountOf(TimelineKeys.StatusCount(EventStatus.Draft)) + store.CountOf(TimelineKeys.StatusCount(EventStatus.Published));
            return CursorPages.FromStore(store.EventsInKeyOrder(field, low, high, oldestFirst), after, total, PageSize, e => e.SortKey, EventRow.Of);
        }
        if (CursorPages.Matching(index, query, SearchDocuments.EventKind, TextFields) is not { } search)
            return KeysetPage<EventRow>.Empty;
        if (status is { } only)
            search.Add(new TermQuery(new Term(SearchIndex.StatusField, only.ToString())), Occur.MUST);
        else
            search.Add(new TermQuery(new Term(SearchIndex.StatusField, nameof(EventStatus.Deleted))), Occur.MUST_NOT);
        return CursorPages.FromIndex(index, search, after, PageSize, oldestFirst, keys => store.Events.FindByDocumentKeys(keys, e => e.Id), e => e.SortKey, EventRow.Of);
    }
}
