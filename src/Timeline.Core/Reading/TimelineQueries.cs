using Microsoft.EntityFrameworkCore;
using Timeline.Core.Data;
using Timeline.Core.Dates;
using Timeline.Core.Domain;
using Timeline.Core.Text;

namespace Timeline.Core.Reading;

/// <summary>What readers see: published events only, in timeline order (start, precision, id).</summary>
public sealed class TimelineQueries(IDbContextFactory<TimelineDbContext> contexts)
{
    public async Task<IReadOnlyList<TimelineSection>> GetTimelineAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var eras = await LoadErasAsync(db, cancellationToken);
        var items = await LoadItemsAsync(db, db.Events, cancellationToken);

        // Runs of consecutive events in the same era, so the page stays chronological even when eras interleave.
        var runs = new List<(int? EraId, List<TimelineItem> Events)>();
        foreach (var item in items)
        {
            if (runs.Count == 0 || runs[^1].EraId != item.EraId)
                runs.Add((item.EraId, []));
            runs[^1].Events.Add(item);
        }
        return runs.Select(r => new TimelineSection(r.EraId is { } eraId ? eras[eraId] : null, r.Events)).ToList();
    }

    public async Task<IReadOnlyList<EraSummary>> GetErasAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return (await LoadErasAsync(db, cancellationToken)).Values.OrderBy(e => e.Start).ToList();
    }

    public async Task<EventLookup> FindEventAsync(string slug, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var ev = await db.Events.AsNoTracking()
            .Where(e => e.Slug == slug && e.Status == EventStatus.Published)
            .Include(e => e.Era)
            .Include(e => e.Tags)
            .AsSplitQuery()
            .SingleOrDefaultAsync(cancellationToken);
        if (ev is null)
        {
            var movedTo = await db.EventSlugAliases.Where(a => a.Slug == slug && a.Event!.Status == EventStatus.Published)
                .Select(a => a.Event!.Slug).SingleOrDefaultAsync(cancellationToken);
            return new EventLookup(null, movedTo);
        }

        var sources = await db.Links.AsNoTracking()
            .Where(l => l.EventId == ev.Id)
            .Select(l => new
            {
                l.Id, l.Role, l.Passage, l.Note, l.ArticleId, l.Article!.Title, l.Article.Outlet, l.Article.Author, l.Article.Url,
                l.Article.PublishedAt, l.Article.PublishedPrecision, l.Article.PublishedApproximate,
            })
            .ToListAsync(cancellationToken);

        var (startsAt, precision, id) = (ev.StartsAt, ev.StartPrecision, ev.Id);
        var published = db.Events.Where(e => e.Status == EventStatus.Published);
        var previous = await published
            .Where(e => e.StartsAt < startsAt || (e.StartsAt == startsAt && (e.StartPrecision < precision || (e.StartPrecision == precision && e.Id < id))))
            .OrderByDescending(e => e.StartsAt).ThenByDescending(e => e.StartPrecision).ThenByDescending(e => e.Id)
            .Select(e => new { e.Slug, e.Title, e.StartsAt, e.StartPrecision, e.StartApproximate })
            .FirstOrDefaultAsync(cancellationToken);
        var next = await published
            .Where(e => e.StartsAt > startsAt || (e.StartsAt == startsAt && (e.StartPrecision > precision || (e.StartPrecision == precision && e.Id > id))))
            .OrderBy(e => e.StartsAt).ThenBy(e => e.StartPrecision).ThenBy(e => e.Id)
            .Select(e => new { e.Slug, e.Title, e.StartsAt, e.StartPrecision, e.StartApproximate })
            .FirstOrDefaultAsync(cancellationToken);

        var page = new EventView(
            ev.Id, ev.Slug, ev.Title, ev.Summary, ev.Start, ev.End, ev.Era is null ? null : ToSummary(ev.Era),
            ev.Tags.OrderBy(t => t.Kind).ThenBy(t => t.Name).Select(t => new TagRef(t.Kind, t.Name, t.Slug)).ToList(),
            sources
                .Select(s => new EventSource(s.Id, s.Role, s.Passage, s.Note, s.ArticleId, s.Title, s.Outlet, s.Author, s.Url,
                    new PartialDate(s.PublishedAt, s.PublishedPrecision, s.PublishedApproximate)))
                .OrderBy(s => s.Role).ThenBy(s => s.Published).ThenBy(s => s.Outlet)
                .ToList(),
            previous is null ? null : new EventNeighbour(previous.Slug, previous.Title, new PartialDate(previous.StartsAt, previous.StartPrecision, previous.StartApproximate)),
            next is null ? null : new EventNeighbour(next.Slug, next.Title, new PartialDate(next.StartsAt, next.StartPrecision, next.StartApproximate)),
            ev.UpdatedAt);
        return new EventLookup(page, null);
    }

    public async Task<EraView?> FindEraAsync(string slug, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var era = await db.Eras.AsNoTracking().SingleOrDefaultAsync(e => e.Slug == slug, cancellationToken);
        if (era is null)
            return null;
        var items = await LoadItemsAsync(db, db.Events.Where(e => e.EraId == era.Id), cancellationToken);
        return new EraView(ToSummary(era), items);
    }

    public async Task<ArticleView?> FindArticleAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var article = await db.Articles.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (article is null)
            return null;
        var links = await db.Links.AsNoTracking()
            .Where(l => l.ArticleId == id && l.Event!.Status == EventStatus.Published)
            .Select(l => new { l.Id, l.Role, l.Passage, l.Note, l.Event!.Slug, l.Event.Title, l.Event.StartsAt, l.Event.StartPrecision, l.Event.StartApproximate })
            .ToListAsync(cancellationToken);
        return new ArticleView(article.Id, article.Title, article.Outlet, article.Author, article.Url, article.Published, article.Language, article.Body,
            links.Select(l => new ArticleLinkView(l.Id, l.Role, l.Passage, l.Note, l.Slug, l.Title, new PartialDate(l.StartsAt, l.StartPrecision, l.StartApproximate)))
                .OrderBy(l => l.EventStart).ToList());
    }

    private static async Task<Dictionary<int, EraSummary>> LoadErasAsync(TimelineDbContext db, CancellationToken cancellationToken) =>
        (await db.Eras.AsNoTracking().ToListAsync(cancellationToken)).ToDictionary(e => e.Id, ToSummary);

    private static async Task<List<TimelineItem>> LoadItemsAsync(TimelineDbContext db, IQueryable<Event> events, CancellationToken cancellationToken)
    {
        var rows = await events.AsNoTracking()
            .Where(e => e.Status == EventStatus.Published)
            .OrderBy(e => e.StartsAt).ThenBy(e => e.StartPrecision).ThenBy(e => e.Id)
            .Select(e => new
            {
                e.Id, e.Slug, e.Title, e.Summary, e.StartsAt, e.StartPrecision, e.StartApproximate,
                e.EndsAt, e.EndPrecision, e.EndApproximate, e.EraId,
                Outlets = e.Links.Select(l => l.Article!.Outlet).ToList(),
            })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new TimelineItem(
                r.Id, r.Slug, r.Title, TextExcerpt.Shorten(SafeMarkdown.ToPlainText(r.Summary)),
                new PartialDate(r.StartsAt, r.StartPrecision, r.StartApproximate),
                r.EndsAt is { } endsAt && r.EndPrecision is { } endPrecision ? new PartialDate(endsAt, endPrecision, r.EndApproximate) : null,
                r.EraId,
                r.Outlets.Distinct().Order(StringComparer.OrdinalIgnoreCase).ToList(),
                r.Outlets.Count))
            .ToList();
    }

    private static EraSummary ToSummary(Era era) => new(era.Id, era.Slug, era.Title, era.Description, era.Colour, era.Start, era.End);
}
