using System.Data.Common;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Timeline.Core.Data;
using Timeline.Core.Dates;
using Timeline.Core.Domain;

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

/// <summary>Capped: more documents matched than are ranked; the results come from the most recently indexed matches.</summary>
public sealed record SearchResults(
    string Query, SearchOrder Order, int Page, IReadOnlyList<SearchHit> Hits, bool HasMore, string? Problem, bool Capped = false);

/// <summary>Full-text search over published events and all articles (SQLite FTS5, kept in step by triggers).</summary>
public sealed partial class SearchService(IDbContextFactory<TimelineDbContext> contexts, int candidateLimit = SearchService.DefaultCandidateLimit)
{
    public const int PageSize = 20;

    /// <summary>How many matches are ranked at most. Ranking every match of a word found in 200,000 documents took
    /// about 250 ms (newest-first 460 ms); ranking the newest 20,000 keeps the worst case near 30 ms.</summary>
    public const int DefaultCandidateLimit = 20_000;

    public async Task<SearchResults> SearchAsync(string? query, SearchOrder order = SearchOrder.Relevance, int page = 1,
        CancellationToken cancellationToken = default)
    {
        page = Math.Clamp(page, 1, 500);
        var text = query?.Trim() ?? "";
        var fts = FtsQuery.Build(text);
        if (fts.Match is null)
            return new SearchResults(text, order, page, [], false, text.Length == 0 ? null : fts.Problem);

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(cancellationToken);
        List<(long Key, string Title, string Snippet)> rows;
        bool capped;
        try
        {
            // 1. Candidates, newest-indexed first: FTS5 stops after the limit, so a word found in every document
            //    costs the same as one found in the limit's worth. Ranking and date order happen on these.
            var candidates = new List<(long Key, double Rank, string Date)>();
            await using (var command = connection.CreateCommand())
            {
                // Relevance needs only the rank (from FTS5's own statistics); only newest-first reads the stored date.
                command.CommandText = $"""
                    SELECT rowid, rank, {(order == SearchOrder.Newest ? "\"Date\"" : "''")} FROM "SearchIndex"
                    WHERE "SearchIndex" MATCH $match ORDER BY rowid DESC LIMIT $limit
                    """;
                Add(command, "$match", fts.Match);
                Add(command, "$limit", candidateLimit + 1);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                    candidates.Add((reader.GetInt64(0), reader.GetDouble(1), reader.GetString(2)));
            }
            capped = candidates.Count > candidateLimit;
            var ordered = order == SearchOrder.Newest
                ? candidates.Take(candidateLimit).OrderByDescending(c => c.Date, StringComparer.Ordinal).ThenByDescending(c => c.Key)
                : candidates.Take(candidateLimit).OrderBy(c => c.Rank).ThenByDescending(c => c.Key);
            var pageKeys = ordered.Skip((page - 1) * PageSize).Take(PageSize + 1).Select(c => c.Key).ToList();

            // 2. Titles and snippets with the matches marked, for this page only. (The rowids written into the SQL
            //    are numbers read from the index above, never text from the request.)
            var marked = new Dictionary<long, (string Title, string Snippet)>();
            if (pageKeys.Count > 0)
            {
                await using var command = connection.CreateCommand();
                command.CommandText = $"""
                    SELECT rowid, highlight("SearchIndex", 2, char(1), char(2)), snippet("SearchIndex", 3, char(1), char(2), '…', 24)
                    FROM "SearchIndex" WHERE "SearchIndex" MATCH $match AND rowid IN ({string.Join(',', pageKeys)})
                    """;
                Add(command, "$match", fts.Match);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                    marked[reader.GetInt64(0)] = (reader.GetString(1), reader.GetString(2));
            }
            rows = pageKeys.Where(marked.ContainsKey).Select(key => (key, marked[key].Title, marked[key].Snippet)).ToList();
        }
        catch (SqliteException)
        {
            // Escaping makes this unreachable for typed text; should FTS5 still refuse, the reader gets a sentence, not an error page.
            return new SearchResults(text, order, page, [], false, "That search could not be understood. Try plain words.");
        }

        var hasMore = rows.Count > PageSize;
        rows = rows.Take(PageSize).ToList();
        var eventIds = rows.Where(r => r.Key % 2 == 0).Select(r => (int)(r.Key / 2)).ToList();
        var articleIds = rows.Where(r => r.Key % 2 == 1).Select(r => (int)(r.Key / 2)).ToList();
        var events = await db.Events.AsNoTracking().Where(e => eventIds.Contains(e.Id))
            .Select(e => new { e.Id, e.Slug, e.StartsAt, e.StartPrecision, e.StartApproximate })
            .ToDictionaryAsync(e => e.Id, cancellationToken);
        // Only articles that back a published event are public.
        var articles = await db.Articles.AsNoTracking()
            .Where(a => articleIds.Contains(a.Id) && a.Links.Any(l => l.Event!.Status == EventStatus.Published))
            .Select(a => new { a.Id, a.Outlet, a.PublishedAt, a.PublishedPrecision, a.PublishedApproximate })
            .ToDictionaryAsync(a => a.Id, cancellationToken);

        var hits = new List<SearchHit>();
        foreach (var (key, title, snippet) in rows)
        {
            var id = (int)(key / 2);
            if (key % 2 == 0 && events.TryGetValue(id, out var e))
                hits.Add(new SearchHit(SearchHitKind.Event, id, "/events/" + Uri.EscapeDataString(e.Slug), title, Tidy(snippet),
                    new PartialDate(e.StartsAt, e.StartPrecision, e.StartApproximate), null));
            else if (key % 2 == 1 && articles.TryGetValue(id, out var a))
                hits.Add(new SearchHit(SearchHitKind.Article, id, "/articles/" + id.ToString(CultureInfo.InvariantCulture), title, Tidy(snippet),
                    new PartialDate(a.PublishedAt, a.PublishedPrecision, a.PublishedApproximate), a.Outlet));
        }
        return new SearchResults(text, order, page, hits, hasMore, null, capped);
    }

    /// <summary>Event summaries are indexed as Markdown; the snippet should not show its emphasis and link syntax.</summary>
    private static string Tidy(string snippet) => MarkdownSyntax().Replace(snippet, "");

    [GeneratedRegex(@"\*\*|__|\]\([^)\s]*\)|(?<=\s|^)\[")]
    private static partial Regex MarkdownSyntax();

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
