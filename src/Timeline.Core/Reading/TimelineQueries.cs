using Microsoft.Extensions.Caching.Memory;
using Timeline.Core.Domain;
using Timeline.Core.Search;
using Timeline.Core.Storage;

namespace Timeline.Core.Reading;

/// <summary>
/// What readers see: published events only, in timeline order (start, precision, id). The timeline a window at a
/// time, the API's pages, exports and the recent changes of feeds, the pages of one event, storyline or article, and
/// the filter choices. Reading a view a page at a time is <see cref="ViewPages"/>'s; the density strip is
/// <see cref="DensityStrip"/>'s. Every call is a synchronous read of the store and the search index.
/// </summary>
public sealed class TimelineQueries
{
    public const int PageSize = 50;
    private const int EarlierAroundFocus = 10;
    private const int MaxStorylineEvents = 200;

    /// <summary>Events either side of an event on its page's axis.</summary>
    private const int Neighbours = 3;

    private readonly TimelineStore store;
    private readonly ViewPages pages;
    private readonly DensityStrip density;
    private readonly PublishedEvents published;
    private readonly FilterChoices choices;

    public TimelineQueries(TimelineStore store, SearchIndex index, IMemoryCache cache)
    {
        this.store = store;
        pages = new ViewPages(store, index);
        density = new DensityStrip(store, index, pages);
        published = new PublishedEvents(store);
        choices = new FilterChoices(store, cache);
    }

    public TimelineWindow GetWindow(TimelineViewState state)
    {
        var window = PageOf(state);
        var storylines = GetFacets().Storylines.Where(e => state.Storyline is null || e.Slug == state.Storyline).ToList();
        return window with { Axis = TimeAxisLayout.Build(window.Density, window.Items, storylines, window.Zoom) };
    }

    private TimelineWindow PageOf(TimelineViewState state)
    {
        var problems = state.Problems.ToList();
        var view = pages.Resolve(state, problems);
        var zoom = DensityStrip.EffectiveZoom(state);
        var strip = density.Count(state, view, zoom);

        var (after, before) = state.Cursor;
        if (after is not null)
        {
            var later = pages.Page(view, after, null, PageSize + 1);
            var page = later.Take(PageSize).ToList();
            // Something earlier: before this page's first event or, when nothing follows the position, anywhere.
            var hasEarlier = page.Count > 0 ? pages.Page(view, null, page[0].SortKey, 1).Count > 0 : pages.Page(view, null, null, 1).Count > 0;
            return new TimelineWindow(zoom, strip, page, hasEarlier, later.Count > PageSize, null, problems);
        }
        if (before is not null)
        {
            var earlier = pages.Page(view, null, before, PageSize + 1);
            var page = earlier.Take(PageSize).Reverse().ToList();
            var hasLater = page.Count > 0 ? pages.Page(view, page[^1].SortKey, null, 1).Count > 0 : pages.Page(view, null, null, 1).Count > 0;
            return new TimelineWindow(zoom, strip, page, earlier.Count > PageSize, hasLater, null, problems);
        }

        if (state.Focus is { } focusSlug)
        {
            if (pages.FindInView(view, focusSlug) is { } focus)
            {
                var earlier = pages.Page(view, after: null, before: focus.SortKey, EarlierAroundFocus + 1);
                var later = pages.Page(view, after: focus.SortKey, before: null, PageSize - EarlierAroundFocus + 1, inclusive: true);
                var items = earlier.Take(EarlierAroundFocus).Reverse().Concat(later.Take(PageSize - EarlierAroundFocus)).ToList();
                return new TimelineWindow(zoom, strip, items, earlier.Count > EarlierAroundFocus,
                    later.Count > PageSize - EarlierAroundFocus, focus.Id, problems);
            }
            problems.Add("The event to focus on is not in this view: it may be unpublished, renamed, or outside the filters.");
        }

        if (OpensAtLatest(state))
        {
            var latest = pages.Page(view, after: null, before: TimelineKeys.Last, PageSize + 1);
            return new TimelineWindow(zoom, strip, [.. latest.Take(PageSize).Reverse()], latest.Count > PageSize, false, null, problems);
        }
        var first = pages.Page(view, after: null, before: null, PageSize + 1);
        return new TimelineWindow(zoom, strip, [.. first.Take(PageSize)], false, first.Count > PageSize, null, problems);
    }

    /// <summary>"open=latest", or a storyline's view that opens at its latest events unless the address says "open=first".</summary>
    private bool OpensAtLatest(TimelineViewState state) => state.Open switch
    {
        "latest" => true,
        "first" => false,
        _ => state.Storyline is { } slug && GetFacets().Storylines.FirstOrDefault(e => e.Slug == slug)?.OpensAtLatest == true,
    };

    /// <summary>
    /// One page of the view in timeline order, from the position <see cref="TimelineViewState.After"/> on: the public
    /// API's list. <see cref="EventListPage.Next"/> is the position of the page after it, when there is one.
    /// </summary>
    public EventListPage List(TimelineViewState state, int limit)
    {
        var view = pages.Resolve(state, []);
        var items = pages.Page(view, state.Cursor.After, null, limit + 1);
        var page = items.Take(limit).ToList();
        return new EventListPage(page, items.Count > limit ? page[^1].SortKey : null);
    }

    /// <summary>
    /// Up to <paramref name="max"/> events of the view in timeline order with everything an export writes: summary,
    /// storyline, tags, sources. <see cref="ViewExport.Truncated"/> says the view held more.
    /// </summary>
    public ViewExport Export(TimelineViewState state, int max)
    {
        var items = new List<TimelineItem>();
        var cursor = state.FiltersOnly();
        EventListPage page;
        do
        {
            page = List(cursor, Math.Min(PageSize * 4, max - items.Count + 1));
            items.AddRange(page.Items);
            cursor = cursor with { After = page.Next };
        } while (page.Next is not null && items.Count <= max);
        var truncated = items.Count > max;
        // Each storyline and tag is read once for the whole export (measured: the per-event reads were most of its time).
        var storylines = new Dictionary<int, Storyline?>();
        var tags = new Dictionary<int, Tag?>();
        return new ViewExport([.. items.Take(max).Select(i => store.Events.FindById(i.Id))
            .Where(e => e is { Status: EventStatus.Published }).Select(e => published.Describe(e!, storylines, tags))], truncated);
    }

    /// <summary>
    /// The view's events most recently published or changed first (the Atom feed): a walk down the store's index of
    /// update times, keeping what the view shows. It looks at no more than <paramref name="scan"/> events, so a narrow
    /// view of a large timeline lists the recent changes among those rather than reading the whole store.
    /// </summary>
    public IReadOnlyList<PublishedEvent> RecentlyChanged(TimelineViewState state, int take, int scan = 2000)
    {
        var view = pages.Resolve(state, []);
        if (view.Nothing)
            return [];
        return [.. store.EventsByUpdate().Limit(scan).ToEnumerable()
            .Where(e => e.Status == EventStatus.Published && pages.InView(view, e))
            .Take(take).Select(e => published.Describe(e))];
    }

    /// <summary>Published events' addresses and update times, in timeline order, for the sitemap.</summary>
    public IEnumerable<(string Slug, DateTimeOffset UpdatedAt)> PublishedEventAddresses(int max) =>
        store.EventsByKey(TimelineKeys.Entry(TimelineKeys.AllFacet, ""), TimelineKeys.Entry(TimelineKeys.AllFacet, TimelineKeys.Last), descending: false)
            .Limit(max).ToEnumerable().Select(e => (e.Slug, e.UpdatedAt));

    /// <summary>The articles readers can open (those a published event cites), for the sitemap.</summary>
    public IEnumerable<(int Id, DateTimeOffset ImportedAt)> PublicArticleAddresses(int max) =>
        store.PublicArticles().Limit(max).ToEnumerable().Select(a => (a.Id, a.ImportedAt));

    /// <summary>Drops the cached filter choices, after a curator changed tags, storylines or outlets.</summary>
    public void ForgetFacets() => choices.Forget();

    /// <summary>The filter choices: what published events use. Cached for a minute, and dropped on every change.</summary>
    public TimelineFacets GetFacets() => choices.Get();

    public IReadOnlyList<StorylineSummary> GetStorylines() =>
        GetFacets().Storylines;

    public EventLookup FindEvent(string slug)
    {
        if (store.Slugs.FindById(slug) is not { } record || store.Events.FindById(record.EventId) is not { Status: EventStatus.Published } ev)
            return new EventLookup(null, null);
        if (!record.Current)
            return new EventLookup(null, ev.Slug);

        var described = published.Describe(ev);
        var (_, storyline, tags, sources) = described;
        // Up to three either side in the whole timeline: the nearest are previous and next, and all of them the axis's
        // neighbours when the event has no storyline (one pair of reads, not two).
        var earlier = pages.Page(ResolvedView.All, null, ev.SortKey, Neighbours);
        var later = pages.Page(ResolvedView.All, ev.SortKey, null, Neighbours);
        var (previous, next) = (earlier.FirstOrDefault(), later.FirstOrDefault());
        return new EventLookup(new EventView(
            ev.Id, ev.Slug, ev.Title, ev.Summary, ev.Start, ev.End, storyline, tags, sources,
            previous is null ? null : new EventNeighbour(previous.Slug, previous.Title, previous.Start),
            next is null ? null : new EventNeighbour(next.Slug, next.Title, next.Start),
            ev.UpdatedAt, ev.Media)
        {
            Differences = described.Differences,
            Notes = [.. store.NotesOfEvent(ev.Id).ToEnumerable().OrderBy(n => n.Id).Select(n => new NoteView(n.Kind, n.Text, n.At))],
            Axis = Neighbourhood(ev, storyline, earlier, later),
        }, null);
    }

    /// <summary>The event's axis: it and up to three events either side of it in its storyline (in the whole timeline,
    /// whose neighbours the caller has read, when it has none).</summary>
    private TimeAxis Neighbourhood(Event ev, StorylineSummary? storyline, List<TimelineItem> earlier, List<TimelineItem> later)
    {
        if (ev.StorylineId is { } id)
        {
            earlier = pages.Page(ResolvedView.OfStoryline(id), null, ev.SortKey, Neighbours);
            later = pages.Page(ResolvedView.OfStoryline(id), ev.SortKey, null, Neighbours);
        }
        return TimeAxisLayout.Around([.. earlier.AsEnumerable().Reverse(), ViewPages.ToItem(ev), .. later], storyline is null ? [] : [storyline],
            current: ev.Id);
    }

    /// <summary>A storyline with a published event, and its first events (a long one continues in the timeline, filtered to it).</summary>
    public StorylineView? FindStoryline(string slug)
    {
        var storyline = store.StorylineBySlug(slug).FirstOrDefault();
        var count = storyline is null ? 0 : store.CountOf(TimelineKeys.FacetCount(TimelineKeys.StorylineFacet(storyline.Id)));
        if (storyline is null || count == 0)
            return null;
        var items = pages.Page(ResolvedView.OfStoryline(storyline.Id), null, null, MaxStorylineEvents);
        var summary = PublishedEvents.Summary(storyline);
        // Its span at the finest zoom that fits, counted from the kept counts (a long storyline lists only its first events).
        var span = new TimelineViewState { Storyline = slug, From = storyline.Start.ToIsoString(), To = storyline.End.ToIsoString(), Zoom = TimelineZoom.Days };
        var zoom = DensityStrip.EffectiveZoom(span);
        var strip = density.Count(span, ResolvedView.OfStoryline(storyline.Id), zoom);
        return new StorylineView(summary, items, count) { Axis = TimeAxisLayout.Build(strip, items, [summary], zoom) };
    }

    /// <summary>An article that backs a published event, with the passages its published events quote.</summary>
    public ArticleView? FindArticle(int id)
    {
        if (store.Articles.FindById(id) is not { PublicLinkCount: > 0 } article)
            return null;
        var body = store.ArticleText(id);
        var links = store.LinksOfArticle(id).ToList();
        var events = store.Events.FindByIds(links.Select(l => l.EventId)).Where(e => e.Status == EventStatus.Published).ToDictionary(e => e.Id);
        var views = links.Where(l => events.ContainsKey(l.EventId))
            .OrderBy(l => events[l.EventId].SortKey, StringComparer.Ordinal) // timeline order
            .Select(l => new ArticleLinkView(l.Id, l.Role, l.Passage, l.Note, events[l.EventId].Slug, events[l.EventId].Title, events[l.EventId].Start))
            .ToList();
        var quotes = events.Values.OrderBy(e => e.SortKey, StringComparer.Ordinal).SelectMany(e => e.Differences.SelectMany((d, i) =>
            d.Claims.Where(c => c.ArticleId == id).Select(c => new ArticleQuoteView(e.Id, i, d.Aspect, c.Quote, e.Slug, e.Title)))).ToList();
        return new ArticleView(article.Id, article.Title, article.Outlet, article.Author, article.Url,
            article.Published, article.Language, body, views) { Quotes = quotes };
    }
}
