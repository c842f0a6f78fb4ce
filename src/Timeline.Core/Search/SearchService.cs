using Timeline.Core.Addresses;
using System.Globalization;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Timeline.Core.Dates;
using Timeline.Core.Domain;
using Timeline.Core.Storage;
using Timeline.Core.Text;

namespace Timeline.Core.Search;

public enum SearchOrder
{
    Relevance,
    Newest,
}

public enum SearchHitKind
{
    Event,
    Article,
}

/// <summary>One result. Title and Snippet carry <see cref="Highlighted"/> markers around the matched words.</summary>
public sealed record SearchHit(SearchHitKind Kind, int Id, string Href, string Title, string Snippet, PartialDate Date, string? Outlet);

public sealed record SearchResults(string Query, SearchOrder Order, int Page, IReadOnlyList<SearchHit> Hits, bool HasMore, string? Problem);

/// <summary>Full-text search for readers over published events and the articles that back them (the Lucene index),
/// best match first (BM25, titles weighing double) or newest first, a page at a time.</summary>
public sealed class SearchService(TimelineStore store, SearchIndex index)
{
    public const int PageSize = 20;
    public const int MaxPage = 500;

    private static readonly Dictionary<string, float> Fields = new()
    {
        [SearchIndex.TitleField] = 2f, [SearchIndex.SummaryField] = 1f, [SearchIndex.BodyField] = 1f,
    };

    private readonly Snippets snippets = new(index.Analyzer);

    public SearchResults Search(string? query, SearchOrder order = SearchOrder.Relevance, int page = 1)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            return Find(query, order, page);
        }
        finally
        {
            Diagnostics.TimelineMetrics.SearchDuration.Record(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
    }

    private SearchResults Find(string? query, SearchOrder order, int page)
    {
        page = Math.Clamp(page, 1, MaxPage);
        var parsed = SearchQuery.Parse(query, index.Analyzer);
        if (parsed.ToQuery(Fields) is not { } text)
            return new SearchResults(parsed.Text, order, page, [], false, parsed.Problem);

        var sort = order == SearchOrder.Newest ? new Sort(new SortField(SearchIndex.SortField, SortFieldType.STRING, reverse: true)) : null;
        var (hits, _) = index.Find(text, sort, PageSize + 1, (page - 1) * PageSize, index.Visible);
        var results = new List<SearchHit>();
        foreach (var hit in hits.Take(PageSize))
        {
            if (ToHit(hit.Key, parsed) is { } result)
                results.Add(result);
        }
        return new SearchResults(parsed.Text, order, page, results, hits.Count > PageSize, null);
    }

    /// <summary>The hit as the store has it now; null when it is no longer public (the index follows within a second).</summary>
    private SearchHit? ToHit(string key, SearchQuery query)
    {
        var id = StoreCollections.IdOfDocument(key);
        if (key.StartsWith(SearchDocuments.EventKind + ":", StringComparison.Ordinal))
        {
            return store.Events.FindById(id) is { Status: EventStatus.Published } ev
                ? new SearchHit(SearchHitKind.Event, id, ReaderPaths.Event(ev.Slug), snippets.Mark(ev.Title, query),
                    snippets.Snippet(SafeMarkdown.ToPlainText(ev.Summary), query), ev.Start, null)
                : null;
        }
        if (store.Articles.FindById(id) is not { PublicLinkCount: > 0 } article)
            return null;
        var body = store.ArticleText(id);
        return new SearchHit(SearchHitKind.Article, id, ReaderPaths.Article(id),
            snippets.Mark(article.Title, query), snippets.Snippet(body, query), article.Published, article.Outlet);
    }
}
