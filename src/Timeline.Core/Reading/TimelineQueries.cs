using System.Globalization;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Timeline.Core.Data;
using Timeline.Core.Dates;
using Timeline.Core.Domain;
using Timeline.Core.Search;
using Timeline.Core.Text;

namespace Timeline.Core.Reading;

/// <summary>
/// What readers see: published events only, in timeline order (start, precision, id). The timeline is
/// read a page at a time with keyset queries on the (Status, StartsAt, StartPrecision, Id) index, and
/// its density from the trigger-kept month counts, so a view costs about the same at 1,000 or 100,000 events.
/// </summary>
public sealed class TimelineQueries(IDbContextFactory<TimelineDbContext> contexts, IMemoryCache cache)
{
    public const int PageSize = 50;
    private const string FacetsKey = "timeline-facets";
    private const int EarlierAroundFocus = 10;
    private const int MaxEraEvents = 200;

    public async Task<TimelineWindow> GetWindowAsync(TimelineViewState state, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var problems = state.Problems.ToList();
        var (filtered, eraId) = await FilterAsync(db, state, problems, cancellationToken);
        var zoom = EffectiveZoom(state);
        var density = await DensityAsync(db, state, filtered, eraId, zoom, cancellationToken);

        if (state.Focus is { } focusSlug)
        {
            var focus = await filtered.Where(e => e.Slug == focusSlug)
                .Select(e => new TimelineCursor(e.StartsAt, e.StartPrecision, e.Id)).FirstOrDefaultAsync(cancellationToken);
            if (focus is not null)
            {
                var earlier = await LoadItemsAsync(db, filtered.Where(Before(focus)), descending: true, EarlierAroundFocus + 1, cancellationToken);
                var later = await LoadItemsAsync(db, filtered.Where(After(focus, inclusive: true)), descending: false,
                    PageSize - EarlierAroundFocus + 1, cancellationToken);
                var items = earlier.Take(EarlierAroundFocus).Reverse().Concat(later.Take(PageSize - EarlierAroundFocus)).ToList();
                return new TimelineWindow(zoom, density, items, earlier.Count > EarlierAroundFocus,
                    later.Count > PageSize - EarlierAroundFocus, focus.Id, problems);
            }
            problems.Add("The event to focus on is not in this view: it may be unpublished, renamed, or outside the filters.");
        }

        var first = await LoadItemsAsync(db, filtered, descending: false, PageSize + 1, cancellationToken);
        return new TimelineWindow(zoom, density, first.Take(PageSize).ToList(), false, first.Count > PageSize, null, problems);
    }

    /// <summary>The next page after (or before) a cursor, for "show later/earlier events".</summary>
    public async Task<TimelinePageResult> GetPageAsync(TimelineViewState state, TimelineCursor cursor, bool later,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var (filtered, _) = await FilterAsync(db, state, [], cancellationToken);
        var items = await LoadItemsAsync(db, filtered.Where(later ? After(cursor) : Before(cursor)), descending: !later, PageSize + 1, cancellationToken);
        var page = items.Take(PageSize);
        return new TimelinePageResult((later ? page : page.Reverse()).ToList(), items.Count > PageSize);
    }

    /// <summary>Drops the cached filter choices, after a curator changed tags, eras or outlets.</summary>
    public void ForgetFacets() => cache.Remove(FacetsKey);

    /// <summary>The filter choices. Cached for a minute: they change only when curators add tags, eras or outlets.</summary>
    public async Task<TimelineFacets> GetFacetsAsync(CancellationToken cancellationToken = default) =>
        (await cache.GetOrCreateAsync(FacetsKey, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1);
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            // Only what published events use: a storyline, tag or outlet known only from drafts or the trash is
            // the editors' business until it is published.
            var eras = (await db.Eras.AsNoTracking().Where(e => e.Events.Any(ev => ev.Status == EventStatus.Published)).ToListAsync(cancellationToken))
                .Select(ToSummary).OrderBy(e => e.Start).ToList();
            var tags = await db.Tags.AsNoTracking().Where(t => t.Events.Any(e => e.Status == EventStatus.Published))
                .OrderBy(t => t.Name).Select(t => new { t.Kind, t.Slug, t.Name }).ToListAsync(cancellationToken);
            var outlets = await db.Links.Where(l => l.Event!.Status == EventStatus.Published).Select(l => l.Article!.Outlet)
                .Distinct().OrderBy(o => o).ToListAsync(cancellationToken);
            List<FacetOption> Of(TagKind kind) => tags.Where(t => t.Kind == kind).Select(t => new FacetOption(t.Slug, t.Name)).ToList();
            return new TimelineFacets(eras, Of(TagKind.Topic), Of(TagKind.Actor), Of(TagKind.Place), outlets.Select(o => new FacetOption(o, o)).ToList());
        }))!;

    public async Task<IReadOnlyList<EraSummary>> GetErasAsync(CancellationToken cancellationToken = default) =>
        (await GetFacetsAsync(cancellationToken)).Eras;

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

        var here = new TimelineCursor(ev.StartsAt, ev.StartPrecision, ev.Id);
        var published = db.Events.Where(e => e.Status == EventStatus.Published);
        var previous = await Neighbour(Ordered(published.Where(Before(here)), descending: true), cancellationToken);
        var next = await Neighbour(Ordered(published.Where(After(here)), descending: false), cancellationToken);

        var page = new EventView(
            ev.Id, ev.Slug, ev.Title, ev.Summary, ev.Start, ev.End, ev.Era is null ? null : ToSummary(ev.Era),
            ev.Tags.OrderBy(t => t.Kind).ThenBy(t => t.Name).Select(t => new TagRef(t.Kind, t.Name, t.Slug)).ToList(),
            sources
                .Select(s => new EventSource(s.Id, s.Role, s.Passage, s.Note, s.ArticleId, s.Title, s.Outlet, s.Author, s.Url,
                    new PartialDate(s.PublishedAt, s.PublishedPrecision, s.PublishedApproximate)))
                .OrderBy(s => s.Role).ThenBy(s => s.Published).ThenBy(s => s.Outlet)
                .ToList(),
            previous, next, ev.UpdatedAt);
        return new EventLookup(page, null);
    }

    /// <summary>An era and its first events (a long era continues in the timeline, filtered to it).</summary>
    public async Task<EraView?> FindEraAsync(string slug, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var era = await db.Eras.AsNoTracking()
            .SingleOrDefaultAsync(e => e.Slug == slug && e.Events.Any(ev => ev.Status == EventStatus.Published), cancellationToken);
        if (era is null)
            return null; // unknown, or (still) without a published event
        var events = db.Events.Where(e => e.Status == EventStatus.Published && e.EraId == era.Id);
        var items = await LoadItemsAsync(db, events, descending: false, MaxEraEvents, cancellationToken);
        return new EraView(ToSummary(era), items, await events.CountAsync(cancellationToken));
    }

    public async Task<ArticleView?> FindArticleAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // An article is public once it backs a published event: before that it is in the editors' library only.
        var article = await db.Articles.AsNoTracking()
            .SingleOrDefaultAsync(a => a.Id == id && a.Links.Any(l => l.Event!.Status == EventStatus.Published), cancellationToken);
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

    /// <summary>Published events that pass every filter of the view, and the id of the view's era (looked up once).</summary>
    private static async Task<(IQueryable<Event> Events, int? EraId)> FilterAsync(TimelineDbContext db, TimelineViewState state,
        List<string> problems, CancellationToken cancellationToken)
    {
        var events = db.Events.AsNoTracking().Where(e => e.Status == EventStatus.Published);
        int? eraId = null;
        if (state.Era is { } eraSlug)
        {
            eraId = await db.Eras.Where(e => e.Slug == eraSlug && e.Events.Any(ev => ev.Status == EventStatus.Published))
                .Select(e => (int?)e.Id).SingleOrDefaultAsync(cancellationToken);
            if (eraId is null)
            {
                // Comparing with a null id would select the events that have no storyline.
                problems.Add($"There is no storyline “{eraSlug}”.");
                events = events.Where(e => false);
            }
            else
            {
                events = events.Where(e => e.EraId == eraId);
            }
        }
        events = WithTag(events, TagKind.Topic, state.Tag);
        events = WithTag(events, TagKind.Actor, state.Actor);
        events = WithTag(events, TagKind.Place, state.Place);
        if (state.Outlet is { } outlet)
            events = events.Where(e => e.Links.Any(l => l.Article!.Outlet == outlet));
        var (start, end) = state.Window;
        if (start is { } from)
            events = events.Where(e => e.StartsAt >= from);
        if (end is { } to)
            events = events.Where(e => e.StartsAt < to);
        if (state.Q is { } q)
        {
            var fts = FtsQuery.Build(q);
            if (fts.Match is { } match)
            {
                var ids = db.Database.SqlQuery<int>(
                    $"SELECT rowid / 2 AS \"Value\" FROM \"SearchIndex\" WHERE \"SearchIndex\" MATCH {match} AND \"Kind\" = 'event'");
                events = events.Where(e => ids.Contains(e.Id));
            }
            else
            {
                problems.Add(fts.Problem!);
            }
        }
        return (events, eraId);
    }

    private static IQueryable<Event> WithTag(IQueryable<Event> events, TagKind kind, string? slug) =>
        slug is null ? events : events.Where(e => e.Tags.Any(t => t.Kind == kind && t.Slug == slug));

    /// <summary>Days need a window of at most about a quarter, months one of at most ten years; otherwise a coarser zoom.</summary>
    private static TimelineZoom EffectiveZoom(TimelineViewState state)
    {
        var (start, end) = state.Window;
        var span = start is { } s && end is { } e ? e - s : TimeSpan.MaxValue;
        return state.Zoom switch
        {
            TimelineZoom.Days when span <= TimeSpan.FromDays(92) => TimelineZoom.Days,
            TimelineZoom.Days or TimelineZoom.Months when span <= TimeSpan.FromDays(3660) => TimelineZoom.Months,
            _ => TimelineZoom.Years,
        };
    }

    private static async Task<IReadOnlyList<DensityBucket>> DensityAsync(TimelineDbContext db, TimelineViewState state,
        IQueryable<Event> filtered, int? eraId, TimelineZoom zoom, CancellationToken cancellationToken)
    {
        var (start, end) = state.Window;
        List<(DateTime Period, int Count)> counts;
        var monthAligned = state.FromDate?.Precision is null or DatePrecision.Year or DatePrecision.Month
                           && state.ToDate?.Precision is null or DatePrecision.Year or DatePrecision.Month;
        if (zoom != TimelineZoom.Days && monthAligned && state is { Tag: null, Actor: null, Place: null, Outlet: null, Q: null })
        {
            // The fast path: the trigger-kept month counts (a few hundred rows), filtered by era and window.
            var months = db.EventMonthCounts.AsNoTracking().Where(c => c.Count > 0);
            if (state.Era is not null)
            {
                // Era 0 holds the events without a storyline; an unknown storyline (no id) counts nothing.
                var monthEraId = eraId ?? -1;
                months = months.Where(c => c.EraId == monthEraId);
            }
            if (start is { } from)
            {
                var fromMonth = from.ToString("yyyy-MM", CultureInfo.InvariantCulture);
                months = months.Where(c => string.Compare(c.Month, fromMonth) >= 0);
            }
            if (end is { } to)
            {
                var toMonth = to.ToString("yyyy-MM", CultureInfo.InvariantCulture);
                months = months.Where(c => string.Compare(c.Month, toMonth) < 0);
            }
            var rows = await months.Select(c => new { c.Month, c.Count }).ToListAsync(cancellationToken);
            counts = rows.Select(r => (DateTime.ParseExact(r.Month, "yyyy-MM", CultureInfo.InvariantCulture), r.Count)).ToList();
        }
        else
        {
            // Other filters: count what they leave, within the window.
            var rows = await filtered.GroupBy(e => new { e.StartsAt.Year, e.StartsAt.Month, Day = zoom == TimelineZoom.Days ? e.StartsAt.Day : 1 })
                .Select(g => new { g.Key.Year, g.Key.Month, g.Key.Day, Count = g.Count() })
                .ToListAsync(cancellationToken);
            counts = rows.Select(r => (new DateTime(r.Year, r.Month, r.Day), r.Count)).ToList();
        }

        var precision = zoom switch { TimelineZoom.Years => DatePrecision.Year, TimelineZoom.Months => DatePrecision.Month, _ => DatePrecision.Day };
        var buckets = counts.GroupBy(c => new PartialDate(c.Period, precision)).ToDictionary(g => g.Key, g => g.Sum(c => c.Count));
        if (buckets.Count == 0 && (start is null || end is null))
            return [];
        // Every period from first to last, empty ones too, so the strip's bars keep their place in time.
        var first = start is { } s ? new PartialDate(s, precision) : buckets.Keys.Min();
        var lastInstant = end is { } e ? e.AddTicks(-1) : buckets.Keys.Max().Value;
        var strip = new List<DensityBucket>();
        for (var period = first; period.Value <= lastInstant && strip.Count < 400; period = new PartialDate(period.End, precision))
        {
            strip.Add(new DensityBucket(period, buckets.GetValueOrDefault(period)));
            if (period.IsLast)
                break; // the calendar ends here
        }
        return strip;
    }

    // Each keyset predicate repeats its bound on StartsAt alone ("StartsAt >= c" / "<= c"), which is implied by
    // the rest: SQLite can seek the (Status, StartsAt, …) index with it instead of walking the index from its start.
    private static Expression<Func<Event, bool>> After(TimelineCursor c, bool inclusive = false)
    {
        var fromId = inclusive ? c.Id : c.Id + 1;
        return e => e.StartsAt >= c.StartsAt
                    && (e.StartsAt > c.StartsAt
                        || e.StartPrecision > c.Precision || (e.StartPrecision == c.Precision && e.Id >= fromId));
    }

    private static Expression<Func<Event, bool>> Before(TimelineCursor c) => e =>
        e.StartsAt <= c.StartsAt
        && (e.StartsAt < c.StartsAt || e.StartPrecision < c.Precision || (e.StartPrecision == c.Precision && e.Id < c.Id));

    private static IQueryable<Event> Ordered(IQueryable<Event> events, bool descending) => descending
        ? events.OrderByDescending(e => e.StartsAt).ThenByDescending(e => e.StartPrecision).ThenByDescending(e => e.Id)
        : events.OrderBy(e => e.StartsAt).ThenBy(e => e.StartPrecision).ThenBy(e => e.Id);

    private static async Task<EventNeighbour?> Neighbour(IQueryable<Event> ordered, CancellationToken cancellationToken)
    {
        var row = await ordered.Select(e => new { e.Slug, e.Title, e.StartsAt, e.StartPrecision, e.StartApproximate }).FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : new EventNeighbour(row.Slug, row.Title, new PartialDate(row.StartsAt, row.StartPrecision, row.StartApproximate));
    }

    private static async Task<List<TimelineItem>> LoadItemsAsync(TimelineDbContext db, IQueryable<Event> events, bool descending, int take,
        CancellationToken cancellationToken)
    {
        var rows = await Ordered(events, descending).Take(take)
            .Select(e => new
            {
                e.Id, e.Slug, e.Title, e.Summary, e.StartsAt, e.StartPrecision, e.StartApproximate,
                e.EndsAt, e.EndPrecision, e.EndApproximate, e.EraId,
            })
            .ToListAsync(cancellationToken);
        // The outlets in a second query keyed by this page's ids: in one query with the page, SQLite
        // materialised every link joined to every article, a cost that grew with the whole database.
        var ids = rows.Select(r => r.Id).ToList();
        var outlets = (await db.Links.AsNoTracking().Where(l => ids.Contains(l.EventId))
                .Select(l => new { l.EventId, l.Article!.Outlet }).ToListAsync(cancellationToken))
            .ToLookup(l => l.EventId, l => l.Outlet);
        return rows.Select(r => new TimelineItem(
                r.Id, r.Slug, r.Title, TextExcerpt.Shorten(SafeMarkdown.ToPlainText(r.Summary)),
                new PartialDate(r.StartsAt, r.StartPrecision, r.StartApproximate),
                r.EndsAt is { } endsAt && r.EndPrecision is { } endPrecision ? new PartialDate(endsAt, endPrecision, r.EndApproximate) : null,
                r.EraId,
                outlets[r.Id].Distinct().Order(StringComparer.OrdinalIgnoreCase).ToList(),
                outlets[r.Id].Count()))
            .ToList();
    }

    private static EraSummary ToSummary(Era era) => new(era.Id, era.Slug, era.Title, era.Description, era.Colour, era.Start, era.End);
}
