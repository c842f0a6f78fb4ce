using Timeline.Core.Domain;

namespace Timeline.Core.Storage;

/// <summary>
/// The derived fields of events and articles, from their own fields and their links. One place computes them
/// for every write path (curation, seeds, the generator, upgrades) and for the audit that checks them.
/// </summary>
public static class EventDerivation
{
    /// <summary>Sets the event's derived fields from its fields and the articles linked to it.</summary>
    public static void Refresh(Event ev, IReadOnlyCollection<Article> linkedArticles)
    {
        ev.SortKey = TimelineKeys.Sort(ev.Start, ev.Id);
        ev.Excerpt = Text.TextExcerpt.Shorten(Text.SafeMarkdown.ToPlainText(ev.Summary));
        ev.SourceCount = linkedArticles.Count;
        ev.Outlets = [.. linkedArticles.Select(a => a.Outlet).Distinct().Order(StringComparer.OrdinalIgnoreCase)];
        var published = ev.Status == EventStatus.Published;
        ev.Facets = published ? FacetsOf(ev, linkedArticles) : [];
        ev.Keys = [.. ev.Facets.Select(f => TimelineKeys.Entry(f, ev.SortKey))];
        ev.StatusKey = ev.Status + ":" + ev.SortKey;
        ev.LiveKey = ev.Status == EventStatus.Deleted ? null : ev.SortKey;
        ev.UnsourcedKey = published && ev.SourceCount == 0 ? TimelineKeys.Id(ev.Id) : null;
    }

    private static List<string> FacetsOf(Event ev, IEnumerable<Article> linkedArticles)
    {
        var facets = new List<string> { TimelineKeys.AllFacet };
        if (ev.StorylineId is { } storyline)
            facets.Add(TimelineKeys.StorylineFacet(storyline));
        facets.AddRange(ev.TagIds.Distinct().Select(TimelineKeys.TagFacet));
        facets.AddRange(linkedArticles.Select(a => a.OutletId).Distinct().Order().Select(TimelineKeys.OutletFacet));
        return facets;
    }

    public static void Refresh(Article article)
    {
        article.PublishedKey = TimelineKeys.Sort(article.Published, article.Id);
        article.UnlinkedKey = article.LinkCount == 0 ? article.PublishedKey : null;
    }

    /// <summary>The counts an event adds to: its facets, its month (for all and for its storyline), and the dashboard's.</summary>
    public static IEnumerable<string> CountsOf(Event ev)
    {
        foreach (var facet in ev.Facets)
            yield return TimelineKeys.FacetCount(facet);
        if (ev.Status == EventStatus.Published)
        {
            var month = new DateTime(ev.Start.Value.Year, ev.Start.Value.Month, 1);
            yield return TimelineKeys.MonthCount(null, month);
            if (ev.StorylineId is { } storylineId)
                yield return TimelineKeys.MonthCount(storylineId, month);
        }
        yield return TimelineKeys.StatusCount(ev.Status);
        if (ev.UnsourcedKey is not null)
            yield return TimelineKeys.UnsourcedCount;
    }

    public static IEnumerable<string> CountsOf(Article article)
    {
        yield return TimelineKeys.ArticleCount;
        if (article.UnlinkedKey is not null)
            yield return TimelineKeys.UnlinkedCount;
    }
}
