using LiteDB;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Timeline.Core.Search;

/// <summary>
/// A page of a curator's list (articles, events, the trash) after a cursor, newest or oldest first: from the search
/// index when the curator typed words, else from one store index range. The cursor is the sort key of the page's last
/// row, so a page never skips over rows, however far into the list it is.
/// </summary>
public static class CursorPages
{
    /// <summary>Documents of one kind whose <paramref name="fields"/> match the typed words; null when the words hold
    /// nothing to look for (then the list is empty, not everything).</summary>
    public static BooleanQuery? Matching(SearchIndex index, string words, string kind, IReadOnlyDictionary<string, float> fields)
    {
        if (SearchQuery.Parse(words, index.Analyzer).ToQuery(fields) is not { } query)
            return null;
        return new BooleanQuery
        {
            { new TermQuery(new Term(SearchIndex.KindField, kind)), Occur.MUST },
            { query, Occur.MUST },
        };
    }

    /// <summary>The page of the index's matches after the cursor, read from the store in the index's order.</summary>
    public static KeysetPage<TRow> FromIndex<TDocument, TRow>(SearchIndex index, Lucene.Net.Search.Query search, string? after, int pageSize, bool oldestFirst,
        Func<IReadOnlyList<string>, List<TDocument>> load, Func<TDocument, string> key, Func<TDocument, TRow> row)
    {
        var (hits, total) = index.FindInOrder(search, after, pageSize + 1, oldestFirst);
        return Of(load([.. hits.Select(h => h.Key)]), total, pageSize, key, row);
    }

    /// <summary>The page of a store range that starts at the cursor: the range holds the cursor's own row, so it is read
    /// with one row to spare and that row left out.</summary>
    public static KeysetPage<TRow> FromStore<TDocument, TRow>(ILiteQueryable<TDocument> range, string? after, int total, int pageSize,
        Func<TDocument, string> key, Func<TDocument, TRow> row) =>
        Of([.. range.Limit(pageSize + 2).ToEnumerable().Where(d => key(d) != after).Take(pageSize + 1)], total, pageSize, key, row);

    /// <summary>Up to a page of rows (one more was read to know whether another page follows) and the next cursor.</summary>
    private static KeysetPage<TRow> Of<TDocument, TRow>(List<TDocument> page, int total, int pageSize, Func<TDocument, string> key, Func<TDocument, TRow> row) =>
        new([.. page.Take(pageSize).Select(row)], total, page.Count > pageSize ? key(page[pageSize - 1]) : null);
}
