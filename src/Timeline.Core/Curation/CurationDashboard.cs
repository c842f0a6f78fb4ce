using Microsoft.EntityFrameworkCore;
using Timeline.Core.Data;
using Timeline.Core.Dates;
using Timeline.Core.Domain;

namespace Timeline.Core.Curation;

public sealed record EventRow(int Id, string Slug, string Title, PartialDate Start, EventStatus Status, DateTimeOffset UpdatedAt, string UpdatedBy, int Links);

/// <summary>What needs an editor's attention: recent changes, unlinked articles, unsourced events, drafts.</summary>
public sealed record DashboardView(
    IReadOnlyList<RecentChange> RecentChanges,
    IReadOnlyList<ArticleRow> UnlinkedArticles, int UnlinkedArticleCount,
    IReadOnlyList<EventRow> UnsourcedEvents, int UnsourcedEventCount,
    IReadOnlyList<EventRow> Drafts, int DraftCount);

/// <summary>Lists of events for the curator: the dashboard's, the event list (with search and status) and the trash.</summary>
public sealed class CurationDashboard(IDbContextFactory<TimelineDbContext> contexts, CurationHistory history, ArticleEditor articles)
{
    public const int PageSize = 25;
    private const int DashboardRows = 8;

    /// <summary>
    /// The four lists. Finding unlinked articles and unsourced events means an anti-join over every article and
    /// every event (about 0.1 s each at 100,000), so the lists are read in parallel, on contexts of their own,
    /// and a list's rows are only read when its count is not zero.
    /// </summary>
    public async Task<DashboardView> LoadAsync(CancellationToken cancellationToken = default)
    {
        var recent = history.RecentAsync(12, cancellationToken);
        var unlinked = articles.ListAsync(null, 1, unlinkedOnly: true, cancellationToken);
        var unsourced = CountAndRowsAsync(db => db.Events.Where(e => e.Status == EventStatus.Published && !e.Links.Any()), cancellationToken);
        var drafts = CountAndRowsAsync(db => db.Events.Where(e => e.Status == EventStatus.Draft), cancellationToken);
        await Task.WhenAll(recent, unlinked, unsourced, drafts);
        return new DashboardView(recent.Result,
            [.. unlinked.Result.Rows.Take(DashboardRows)], unlinked.Result.Total,
            unsourced.Result.Rows, unsourced.Result.Count,
            drafts.Result.Rows, drafts.Result.Count);
    }

    private async Task<(int Count, IReadOnlyList<EventRow> Rows)> CountAndRowsAsync(Func<TimelineDbContext, IQueryable<Event>> events, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var count = await events(db).CountAsync(cancellationToken);
        return (count, count == 0 ? [] : await RowsAsync(events(db).OrderByDescending(e => e.Id), DashboardRows, cancellationToken));
    }

    /// <summary>Events by status (all but the trash when null) whose title or slug contains the words, latest first.
    /// (SQLite cannot order by a DateTimeOffset column, so "latest" in the trash means the latest created.)</summary>
    public async Task<(IReadOnlyList<EventRow> Rows, int Total)> ListEventsAsync(string? query, EventStatus? status, int page, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var events = status is { } wanted ? db.Events.Where(e => e.Status == wanted) : db.Events.Where(e => e.Status != EventStatus.Deleted);
        if (!string.IsNullOrWhiteSpace(query))
            events = events.Where(e => EF.Functions.Like(e.Title, "%" + query.Trim() + "%") || e.Slug.Contains(query.Trim()));
        var total = await events.CountAsync(cancellationToken);
        var ordered = status == EventStatus.Deleted ? events.OrderByDescending(e => e.Id) : events.OrderByDescending(e => e.StartsAt).ThenByDescending(e => e.Id);
        return (await RowsAsync(ordered.Skip(Math.Max(0, page - 1) * PageSize), PageSize, cancellationToken), total);
    }

    private static async Task<IReadOnlyList<EventRow>> RowsAsync(IQueryable<Event> events, int take, CancellationToken cancellationToken)
    {
        var rows = await events.Take(take)
            .Select(e => new { e.Id, e.Slug, e.Title, e.StartsAt, e.StartPrecision, e.StartApproximate, e.Status, e.UpdatedAt, e.UpdatedBy, Links = e.Links.Count })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(e => new EventRow(e.Id, e.Slug, e.Title, new PartialDate(e.StartsAt, e.StartPrecision, e.StartApproximate), e.Status, e.UpdatedAt, e.UpdatedBy, e.Links))];
    }
}
