using System.Globalization;
using LiteDB;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Microsoft.Extensions.Caching.Memory;
using Timeline.Core.Dates;
using Timeline.Core.Domain;
using Timeline.Core.Search;
using Timeline.Core.Storage;
using Timeline.Core.Text;

namespace Timeline.Core.Reading;

/// <summary>
/// What readers see: published events only, in timeline order (start, precision, id). A view is read a page at a
/// time from one index range: the events' multi-key index holds, for every published event, a key per storyline,
/// topic, actor, place and outlet it belongs to, each ending in its sort key. A view with several filters ranges
/// over the most selective one and checks the others; a view with words asks the search index, which holds the
/// same facets and sort keys. The density strip reads kept month counts, or counts the search index's matches.
/// </summary>
public sealed class TimelineQueries(TimelineStore store, SearchIndex index, IMemoryCache cache)
{
    public const int PageSize = 50;
    private const string FacetsKey = "timeline-facets";
    private const int EarlierAroundFocus = 10;
    private const int MaxStorylineEvents = 200;

    private static readonly Dictionary<string, float> TextFields = new() { [SearchIndex.TitleField] = 2f, [SearchIndex.SummaryField] = 1f };

    /// <summary>A view resolved against the store: its facets, its key range, its words; or nothing at all.</summary>
    private sealed record View(List<string> Facets, string Low, string High, SearchQuery? Words, int? StorylineId, bool Nothing);

    public Task<TimelineWindow> GetWindowAsync(TimelineViewState state, CancellationToken cancellationToken = default)
    {
        var problems = state.Problems.ToList();
        var view = Resolve(state, problems);
        var zoom = EffectiveZoom(state);
        var density = Density(state, view, zoom);

        var (after, before) = state.Cursor;
        if (after is not null)
        {
            var later = Page(view, after, null, PageSize + 1);
            var page = later.Take(PageSize).ToList();
            // Something earlier: before this page's first event or, when nothing follows the position, anywhere.
            var hasEarlier = page.Count > 0 ? Page(view, null, page[0].SortKey, 1).Count > 0 : Page(view, null, null, 1).Count > 0;
            return Task.FromResult(new TimelineWindow(zoom, density, page, hasEarlier, later.Count > PageSize, null, problems));
        }
        if (before is not null)
        {
            var earlier = Page(view, null, before, PageSize + 1);
            var page = earlier.Take(PageSize).Reverse().ToList();
            var hasLater = page.Count > 0 ? Page(view, page[^1].SortKey, null, 1).Count > 0 : Page(view, null, null, 1).Count > 0;
            return Task.FromResult(new TimelineWindow(zoom, density, page, earlier.Count > PageSize, hasLater, null, problems));
        }

        if (state.Focus is { } focusSlug)
        {
            if (FindInView(view, focusSlug) is { } focus)
            {
                var earlier = Page(view, after: null, before: focus.SortKey, EarlierAroundFocus + 1);
                var later = Page(view, after: focus.SortKey, before: null, PageSize - EarlierAroundFocus + 1, inclusive: true);
                var items = earlier.Take(EarlierAroundFocus).Reverse().Concat(later.Take(PageSize - EarlierAroundFocus)).ToList();
                return Task.FromResult(new TimelineWindow(zoom, density, items, earlier.Count > EarlierAroundFocus,
                    later.Count > PageSize - EarlierAroundFocus, focus.Id, problems));
            }
            problems.Add("The event to focus on is not in this view: it may be unpublished, renamed, or outside the filters.");
        }

        var first = Page(view, after: null, before: null, PageSize + 1);
        return Task.FromResult(new TimelineWindow(zoom, density, [.. first.Take(PageSize)], false, first.Count > PageSize, null, problems));
    }

    /// <summary>
    /// One page of the view in timeline order, from the position <see cref="TimelineViewState.After"/> on: the public
    /// API's list. <see cref="EventListPage.Next"/> is the position of the page after it, when there is one.
    /// </summary>
    public Task<EventListPage> ListAsync(TimelineViewState state, int limit, CancellationToken cancellationToken = default)
    {
        var view = Resolve(state, []);
        var items = Page(view, state.Cursor.After, null, limit + 1);
        var page = items.Take(limit).ToList();
        return Task.FromResult(new EventListPage(page, items.Count > limit ? page[^1].SortKey : null));
    }

    /// <summary>
    /// Up to <paramref name="max"/> events of the view in timeline order with everything an export writes: summary,
    /// storyline, tags, sources. <see cref="ViewExport.Truncated"/> says the view held more.
    /// </summary>
    public async Task<ViewExport> ExportAsync(TimelineViewState state, int max, CancellationToken cancellationToken = default)
    {
        var items = new List<TimelineItem>();
        var cursor = state.FiltersOnly();
        EventListPage page;
        do
        {
            page = await ListAsync(cursor, Math.Min(PageSize * 4, max - items.Count + 1), cancellationToken);
            items.AddRange(page.Items);
            cursor = cursor with { After = page.Next };
        } while (page.Next is not null && items.Count <= max);
        var truncated = items.Count > max;
        // Each storyline and tag is read once for the whole export (measured: the per-event reads were most of its time).
        var storylines = new Dictionary<int, Storyline?>();
        var tags = new Dictionary<int, Tag?>();
        return new ViewExport([.. items.Take(max).Select(i => store.Events.FindById(i.Id))
            .Where(e => e is { Status: EventStatus.Published }).Select(e => Describe(e!, storylines, tags))], truncated);
    }

    /// <summary>
    /// The view's events most recently published or changed first (the Atom feed): a walk down the store's index of
    /// update times, keeping what the view shows. It looks at no more than <paramref name="scan"/> events, so a narrow
    /// view of a large timeline lists the recent changes among those rather than reading the whole store.
    /// </summary>
    public Task<IReadOnlyList<PublishedEvent>> RecentlyChangedAsync(TimelineViewState state, int take, int scan = 2000, CancellationToken cancellationToken = default)
    {
        var view = Resolve(state, []);
        if (view.Nothing)
            return Task.FromResult<IReadOnlyList<PublishedEvent>>([]);
        IReadOnlyList<PublishedEvent> found = [.. store.EventsByUpdate().Limit(scan).ToEnumerable()
            .Where(e => e.Status == EventStatus.Published && InView(view, e))
            .Take(take).Select(e => Describe(e))];
        return Task.FromResult(found);
    }

    /// <summary>Published events' addresses and update times, in timeline order, for the sitemap.</summary>
    public IEnumerable<(string Slug, DateTimeOffset UpdatedAt)> PublishedEventAddresses(int max) =>
        store.EventsByKey(TimelineKeys.Entry(TimelineKeys.AllFacet, ""), TimelineKeys.Entry(TimelineKeys.AllFacet, TimelineKeys.Last), descending: false)
            .Limit(max).ToEnumerable().Select(e => (e.Slug, e.UpdatedAt));

    /// <summary>The articles readers can open (those a published event cites), for the sitemap.</summary>
    public IEnumerable<(int Id, DateTimeOffset ImportedAt)> PublicArticleAddresses(int max) =>
        store.PublicArticles().Limit(max).ToEnumerable().Select(a => (a.Id, a.ImportedAt));

    /// <summary>The event with its storyline, tags and sources; <paramref name="storylines"/> and <paramref name="tags"/> keep
    /// what was read for the next event of an export.</summary>
    private PublishedEvent Describe(Event ev, Dictionary<int, Storyline?>? storylines = null, Dictionary<int, Tag?>? tags = null)
    {
        storylines ??= [];
        tags ??= [];
        var storyline = ev.StorylineId is { } storylineId ? (storylines.TryGetValue(storylineId, out var known) ? known : storylines[storylineId] = store.Storylines.FindById(storylineId)) : null;
        foreach (var missing in ev.TagIds.Where(id => !tags.ContainsKey(id)).ToList())
            tags[missing] = store.Tags.FindById(missing);
        var tagRefs = ev.TagIds.Select(id => tags[id]).OfType<Tag>()
            .OrderBy(t => t.Kind).ThenBy(t => t.Name).Select(t => new TagRef(t.Kind, t.Name, t.Slug)).ToList();
        var links = store.LinksOfEvent(ev.Id).ToList();
        var articles = store.Articles.FindByIds(links.Select(l => l.ArticleId)).ToDictionary(a => a.Id);
        var sources = links.Where(l => articles.ContainsKey(l.ArticleId)).Select(l =>
        {
            var a = articles[l.ArticleId];
            return new EventSource(l.Id, l.Role, l.Passage, l.Note, a.Id, a.Title, a.Outlet, a.Author, a.Url, a.Published);
        }).OrderBy(s => s.Role).ThenBy(s => s.Published).ThenBy(s => s.Outlet).ThenBy(s => s.LinkId).ToList();
        return new PublishedEvent(ev, storyline is null ? null : ToSummary(storyline), tagRefs, sources);
    }

    /// <summary>Drops the cached filter choices, after a curator changed tags, storylines or outlets.</summary>
    public void ForgetFacets() => cache.Remove(FacetsKey);

    /// <summary>The filter choices: what published events use. Cached for a minute, and dropped on every change.</summary>
    public Task<TimelineFacets> GetFacetsAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(cache.GetOrCreate(FacetsKey, entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1);
            var storylines = store.Storylines.FindByIds(PublicIds("e")).Select(ToSummary).OrderBy(e => e.Start).ToList();
            var tags = store.Tags.FindByIds(PublicIds("t")).OrderBy(t => t.Name, StringComparer.OrdinalIgnoreCase).ToList();
            var outlets = store.Outlets.FindByIds(PublicIds("o")).Select(o => o.Name).Order(StringComparer.OrdinalIgnoreCase).ToList();
            List<FacetOption> Of(TagKind kind) => [.. tags.Where(t => t.Kind == kind).Select(t => new FacetOption(t.Slug, t.Name))];
            return new TimelineFacets(storylines, Of(TagKind.Topic), Of(TagKind.Actor), Of(TagKind.Place), [.. outlets.Select(o => new FacetOption(o, o))]);
        })!);

    public async Task<IReadOnlyList<StorylineSummary>> GetStorylinesAsync(CancellationToken cancellationToken = default) =>
        (await GetFacetsAsync(cancellationToken)).Storylines;

    public Task<EventLookup> FindEventAsync(string slug, CancellationToken cancellationToken = default)
    {
        if (store.Slugs.FindById(slug) is not { } record || store.Events.FindById(record.EventId) is not { Status: EventStatus.Published } ev)
            return Task.FromResult(new EventLookup(null, null));
        if (!record.Current)
            return Task.FromResult(new EventLookup(null, ev.Slug));

        var (_, storyline, tags, sources) = Describe(ev);
        var all = AllView();
        var previous = Page(all, null, ev.SortKey, 1).FirstOrDefault();
        var next = Page(all, ev.SortKey, null, 1).FirstOrDefault();
        return Task.FromResult(new EventLookup(new EventView(
            ev.Id, ev.Slug, ev.Title, ev.Summary, ev.Start, ev.End, storyline, tags, sources,
            previous is null ? null : new EventNeighbour(previous.Slug, previous.Title, previous.Start),
            next is null ? null : new EventNeighbour(next.Slug, next.Title, next.Start),
            ev.UpdatedAt, ev.Media), null));
    }

    /// <summary>A storyline with a published event, and its first events (a long one continues in the timeline, filtered to it).</summary>
    public Task<StorylineView?> FindStorylineAsync(string slug, CancellationToken cancellationToken = default)
    {
        var storyline = store.StorylineBySlug(slug).FirstOrDefault();
        var count = storyline is null ? 0 : store.CountOf(TimelineKeys.FacetCount(TimelineKeys.StorylineFacet(storyline.Id)));
        if (storyline is null || count == 0)
            return Task.FromResult<StorylineView?>(null);
        var items = Page(new View([TimelineKeys.StorylineFacet(storyline.Id)], "", TimelineKeys.Last, null, storyline.Id, false), null, null, MaxStorylineEvents);
        return Task.FromResult<StorylineView?>(new StorylineView(ToSummary(storyline), items, count));
    }

    /// <summary>An article that backs a published event, with the passages its published events quote.</summary>
    public Task<ArticleView?> FindArticleAsync(int id, CancellationToken cancellationToken = default)
    {
        if (store.Articles.FindById(id) is not { PublicLinkCount: > 0 } article)
            return Task.FromResult<ArticleView?>(null);
        var body = store.ArticleText(id);
        var links = store.LinksOfArticle(id).ToList();
        var events = store.Events.FindByIds(links.Select(l => l.EventId)).Where(e => e.Status == EventStatus.Published).ToDictionary(e => e.Id);
        var views = links.Where(l => events.ContainsKey(l.EventId))
            .OrderBy(l => events[l.EventId].SortKey, StringComparer.Ordinal) // timeline order
            .Select(l => new ArticleLinkView(l.Id, l.Role, l.Passage, l.Note, events[l.EventId].Slug, events[l.EventId].Title, events[l.EventId].Start))
            .ToList();
        return Task.FromResult<ArticleView?>(new ArticleView(article.Id, article.Title, article.Outlet, article.Author, article.Url,
            article.Published, article.Language, body, views));
    }

    // Resolving a view --------------------------------------------------------------------------------------------

    private View AllView() => new([], "", TimelineKeys.Last, null, null, false);

    private View Resolve(TimelineViewState state, List<string> problems)
    {
        var facets = new List<string>();
        var nothing = false;
        int? storylineId = null;
        if (state.Storyline is { } storylineSlug)
        {
            // An unknown storyline matches nothing (not the events without one), and says so.
            if (store.StorylineBySlug(storylineSlug).FirstOrDefault() is { } storyline && store.CountOf(TimelineKeys.FacetCount(TimelineKeys.StorylineFacet(storyline.Id))) > 0)
            {
                storylineId = storyline.Id;
                facets.Add(TimelineKeys.StorylineFacet(storyline.Id));
            }
            else
            {
                problems.Add($"There is no storyline “{storylineSlug}”.");
                nothing = true;
            }
        }
        foreach (var (kind, slug) in new[] { (TagKind.Topic, state.Tag), (TagKind.Actor, state.Actor), (TagKind.Place, state.Place) })
        {
            if (slug is null)
                continue;
            if (store.TagByKindSlug(kind, slug).FirstOrDefault() is { } tag)
                facets.Add(TimelineKeys.TagFacet(tag.Id));
            else
                nothing = true;
        }
        if (state.Outlet is { } outletName)
        {
            if (store.OutletByName(outletName).FirstOrDefault() is { } outlet)
                facets.Add(TimelineKeys.OutletFacet(outlet.Id));
            else
                nothing = true;
        }
        var (start, end) = state.Window;
        var low = start is { } from ? TimelineKeys.At(from) : "";
        var high = end is { } to ? TimelineKeys.At(to) : TimelineKeys.Last;
        SearchQuery? words = null;
        if (state.Q is { } q)
        {
            words = SearchQuery.Parse(q, index.Analyzer);
            if (words.Problem is { } problem)
            {
                problems.Add(problem);
                words = null;
            }
        }
        return new View(facets, low, high, words, storylineId, nothing || string.CompareOrdinal(low, high) >= 0);
    }

    /// <summary>The published event with this slug, when the view shows it.</summary>
    private TimelineItem? FindInView(View view, string slug)
    {
        if (view.Nothing || store.Slugs.FindById(slug) is not { Current: true } record
            || store.Events.FindById(record.EventId) is not { Status: EventStatus.Published } ev)
            return null;
        return InView(view, ev) ? ToItem(ev) : null;
    }

    private bool InView(View view, Event ev) =>
        view.Facets.All(ev.Facets.Contains)
        && string.CompareOrdinal(ev.SortKey, view.Low) >= 0 && string.CompareOrdinal(ev.SortKey, view.High) < 0
        && (view.Words is null || index.Count(new BooleanQuery
        {
            { new TermQuery(new Term(SearchIndex.KeyField, TimelineKeys.EventDocument(ev.Id))), Occur.MUST },
            { WordsQuery(view)!, Occur.MUST },
        }) > 0);

    // Paging ------------------------------------------------------------------------------------------------------

    /// <summary>
    /// Up to <paramref name="take"/> events of the view in timeline order after <paramref name="after"/> (or, with
    /// <paramref name="before"/>, the ones before it, nearest first). The cursor itself is left out unless
    /// <paramref name="inclusive"/>.
    /// </summary>
    private List<TimelineItem> Page(View view, string? after, string? before, int take, bool inclusive = false)
    {
        if (view.Nothing)
            return [];
        return view.Words is null ? PageFromStore(view, after, before, take, inclusive) : PageFromIndex(view, after, before, take, inclusive);
    }

    private List<TimelineItem> PageFromStore(View view, string? after, string? before, int take, bool inclusive)
    {
        // The most selective facet is the range; the others are checked on the way (they rarely reject much of it).
        var driver = view.Facets switch
        {
            [] => TimelineKeys.AllFacet,
            [var only] => only, // no count to compare: not read
            _ => view.Facets.MinBy(f => store.CountOf(TimelineKeys.FacetCount(f)))!,
        };
        var descending = before is not null;
        var low = TimelineKeys.Entry(driver, after is null ? view.Low : Max(after, view.Low));
        var high = TimelineKeys.Entry(driver, before is null ? view.High : Min(before, view.High));
        var query = store.EventsByKey(low, high, descending);
        foreach (var other in view.Facets.Where(f => f != driver))
            query = query.Where("$.Facets[*] ANY = @0", other);
        var cursor = after ?? before;
        return [.. query.Limit(take + 1).ToEnumerable()
            .Where(e => inclusive || e.SortKey != cursor)
            .Where(e => string.CompareOrdinal(e.SortKey, view.High) < 0)
            .Take(take).Select(ToItem)];
    }

    private List<TimelineItem> PageFromIndex(View view, string? after, string? before, int take, bool inclusive)
    {
        var descending = before is not null;
        var low = after is null ? view.Low : Max(after, view.Low);
        var high = before is null ? view.High : Min(before, view.High);
        var range = TermRangeQuery.NewStringRange(SearchIndex.SortField, low, high, includeLower: after is null || inclusive, includeUpper: false);
        var query = new BooleanQuery { { range, Occur.MUST }, { WordsQuery(view)!, Occur.MUST } };
        var (hits, _) = index.Find(query, new Sort(new SortField(SearchIndex.SortField, SortFieldType.STRING, descending)), take);
        return [.. store.Events.FindByDocumentKeys([.. hits.Select(h => h.Key)], e => e.Id)
            .Where(e => e.Status == EventStatus.Published).Select(ToItem)];
    }

    /// <summary>The view's filters as a search-index query over published events: its words, facets and window.</summary>
    private Lucene.Net.Search.Query? WordsQuery(View view)
    {
        var query = new BooleanQuery
        {
            { new TermQuery(new Term(SearchIndex.KindField, SearchDocuments.EventKind)), Occur.MUST },
            { new TermQuery(new Term(SearchIndex.VisibleField, "1")), Occur.MUST },
            { TermRangeQuery.NewStringRange(SearchIndex.SortField, view.Low, view.High, includeLower: true, includeUpper: false), Occur.MUST },
        };
        foreach (var facet in view.Facets)
            query.Add(new TermQuery(new Term(SearchIndex.FacetField, facet)), Occur.MUST);
        if (view.Words?.ToQuery(TextFields) is { } words)
            query.Add(words, Occur.MUST);
        return query;
    }

    // Density -----------------------------------------------------------------------------------------------------

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

    private IReadOnlyList<DensityBucket> Density(TimelineViewState state, View view, TimelineZoom zoom)
    {
        var (start, end) = state.Window;
        var counts = new List<(DateTime Period, int Count)>();
        var monthAligned = state.FromDate?.Precision is null or DatePrecision.Year or DatePrecision.Month
                           && state.ToDate?.Precision is null or DatePrecision.Year or DatePrecision.Month;
        if (view.Nothing)
        {
            // nothing to count
        }
        else if (zoom != TimelineZoom.Days && monthAligned && view.Words is null && view.Facets.All(f => f.StartsWith('e')))
        {
            // The fast path: the kept month counts (a few hundred documents), for all events or one storyline.
            var prefix = TimelineKeys.MonthCountPrefix(view.StorylineId);
            foreach (var count in store.CountsStartingWith(prefix).ToEnumerable())
            {
                var month = DateTime.ParseExact(count.Id[prefix.Length..], "yyyy-MM", CultureInfo.InvariantCulture);
                if ((start is null || month >= start) && (end is null || month < end) && count.N > 0)
                    counts.Add((month, count.N));
            }
        }
        else
        {
            // Other filters: the search index counts what they leave, per day.
            foreach (var (day, count) in index.CountByDay(WordsQuery(view)!))
                counts.Add((DateTime.ParseExact(day.ToString("D8", CultureInfo.InvariantCulture), "yyyyMMdd", CultureInfo.InvariantCulture), count));
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

    // Helpers -----------------------------------------------------------------------------------------------------


    /// <summary>The ids behind the counts "f:{prefix}…" above zero: the storylines, tags or outlets published events use.</summary>
    private List<int> PublicIds(string prefix)
    {
        var from = TimelineKeys.FacetCount(prefix);
        return [.. store.CountsStartingWith(from).ToEnumerable()
            .Where(c => c.N > 0 && int.TryParse(c.Id.AsSpan(from.Length), NumberStyles.None, CultureInfo.InvariantCulture, out _))
            .Select(c => int.Parse(c.Id.AsSpan(from.Length), NumberStyles.None, CultureInfo.InvariantCulture))];
    }


    private static string Max(string a, string b) => string.CompareOrdinal(a, b) >= 0 ? a : b;

    private static string Min(string a, string b) => string.CompareOrdinal(a, b) <= 0 ? a : b;

    private static TimelineItem ToItem(Event e) => new(
        e.Id, e.Slug, e.Title, e.Excerpt, e.Start, e.End, e.StorylineId, e.Outlets, e.SourceCount, e.SortKey);

    private static StorylineSummary ToSummary(Storyline storyline) => new(storyline.Id, storyline.Slug, storyline.Title, storyline.Description, storyline.Colour, storyline.Start, storyline.End);
}
