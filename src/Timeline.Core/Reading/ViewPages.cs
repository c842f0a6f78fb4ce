using LiteDB;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Timeline.Core.Domain;
using Timeline.Core.Search;
using Timeline.Core.Storage;

namespace Timeline.Core.Reading;

/// <summary>
/// Resolves a reader's view and reads it a page at a time in timeline order (start, precision, id), from one index
/// range: the events' multi-key index holds, for every published event, a key per storyline, topic, actor, place
/// and outlet it belongs to, each ending in its sort key. A view with several filters ranges over the most selective
/// one and checks the others; a view with words asks the search index, which holds the same facets and sort keys.
/// </summary>
internal sealed class ViewPages(TimelineStore store, SearchIndex index)
{
    private static readonly Dictionary<string, float> TextFields = new() { [SearchIndex.TitleField] = 2f, [SearchIndex.SummaryField] = 1f };

    /// <summary>The view the reader's filters describe; what cannot be understood is added to <paramref name="problems"/>.</summary>
    public ResolvedView Resolve(TimelineViewState state, List<string> problems)
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
        if (state.Differ is not null)
            facets.Add(TimelineKeys.DifferFacet);
        if (state.Single is not null)
            facets.Add(TimelineKeys.SingleSourceFacet);
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
        return new ResolvedView(facets, low, high, words, storylineId, nothing || string.CompareOrdinal(low, high) >= 0);
    }

    /// <summary>The published event with this slug, when the view shows it.</summary>
    public TimelineItem? FindInView(ResolvedView view, string slug)
    {
        if (view.Nothing || store.Slugs.FindById(slug) is not { Current: true } record
            || store.Events.FindById(record.EventId) is not { Status: EventStatus.Published } ev)
            return null;
        return InView(view, ev) ? ToItem(ev) : null;
    }

    public bool InView(ResolvedView view, Event ev) =>
        view.Facets.All(ev.Facets.Contains)
        && string.CompareOrdinal(ev.SortKey, view.Low) >= 0 && string.CompareOrdinal(ev.SortKey, view.High) < 0
        && (view.Words is null || index.Count(new BooleanQuery
        {
            { new TermQuery(new Term(SearchIndex.KeyField, TimelineKeys.EventDocument(ev.Id))), Occur.MUST },
            { IndexQuery(view), Occur.MUST },
        }) > 0);

    /// <summary>
    /// Up to <paramref name="take"/> events of the view in timeline order after <paramref name="after"/> (or, with
    /// <paramref name="before"/>, the ones before it, nearest first). The cursor itself is left out unless
    /// <paramref name="inclusive"/>.
    /// </summary>
    public List<TimelineItem> Page(ResolvedView view, string? after, string? before, int take, bool inclusive = false)
    {
        if (view.Nothing)
            return [];
        return view.Words is null ? PageFromStore(view, after, before, take, inclusive) : PageFromIndex(view, after, before, take, inclusive);
    }

    /// <summary>The view's filters as a search-index query over published events: its words, facets and window.</summary>
    public BooleanQuery IndexQuery(ResolvedView view)
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

    public static TimelineItem ToItem(Event e) => new(
        e.Id, e.Slug, e.Title, e.Excerpt, e.Start, e.End, e.StorylineId, e.Outlets, e.SourceCount, e.SortKey, e.Differences.Count > 0);

    private List<TimelineItem> PageFromStore(ResolvedView view, string? after, string? before, int take, bool inclusive)
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

    private List<TimelineItem> PageFromIndex(ResolvedView view, string? after, string? before, int take, bool inclusive)
    {
        var descending = before is not null;
        var low = after is null ? view.Low : Max(after, view.Low);
        var high = before is null ? view.High : Min(before, view.High);
        var range = TermRangeQuery.NewStringRange(SearchIndex.SortField, low, high, includeLower: after is null || inclusive, includeUpper: false);
        var query = new BooleanQuery { { range, Occur.MUST }, { IndexQuery(view), Occur.MUST } };
        var (hits, _) = index.Find(query, new Sort(new SortField(SearchIndex.SortField, SortFieldType.STRING, descending)), take);
        return [.. store.Events.FindByDocumentKeys([.. hits.Select(h => h.Key)], e => e.Id)
            .Where(e => e.Status == EventStatus.Published).Select(ToItem)];
    }

    private static string Max(string a, string b) => string.CompareOrdinal(a, b) >= 0 ? a : b;

    private static string Min(string a, string b) => string.CompareOrdinal(a, b) <= 0 ? a : b;
}
