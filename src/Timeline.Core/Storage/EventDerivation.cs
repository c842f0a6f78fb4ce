using Timeline.Core.Domain;

namespace Timeline.Core.Storage;

/// <summary>
/// The derived fields of events and articles, from their own fields and their links. One place computes them
/// for every write path (curation, seeds, the generator, upgrades) and for the audit that checks them.
/// </summary>
public static class EventDerivation
{
    /// <summary>Sets the event's derived fields from its fields, the articles linked to it and its links (whose
    /// dates are compared; none given: no link records one).</summary>
    public static void Refresh(Event ev, IReadOnlyCollection<Article> linkedArticles, IReadOnlyCollection<EventArticleLink>? links = null)
    {
        ev.SortKey = TimelineKeys.Sort(ev.Start, ev.Id);
        ev.Excerpt = ExcerptOf(ev);
        ev.SourceCount = linkedArticles.Count;
        ev.Outlets = [.. linkedArticles.Select(a => a.Outlet).Distinct().Order(StringComparer.OrdinalIgnoreCase)];
        var published = ev.Status == EventStatus.Published;
        ev.Facets = published ? FacetsOf(ev, linkedArticles) : [];
        ev.Keys = [.. ev.Facets.Select(f => TimelineKeys.Entry(f, ev.SortKey))];
        ev.StatusKey = ev.Status + ":" + ev.SortKey;
        ev.LiveKey = ev.Status == EventStatus.Deleted ? null : ev.SortKey;
        ev.UnsourcedKey = published && ev.SourceCount == 0 ? TimelineKeys.Id(ev.Id) : null;
        ev.DateDisputedKey = ev.Status != EventStatus.Deleted && DatesDisagree(ev, links ?? []) ? ev.SortKey : null;
    }

    /// <summary>The summary as plain text, shortened: what the timeline shows of it.</summary>
    public static string ExcerptOf(Event ev) => Text.TextExcerpt.Shorten(Text.SafeMarkdown.ToPlainText(ev.Summary));

    /// <summary>True when the dates its sources give differ from each other or from the event's own date.</summary>
    public static bool DatesDisagree(Event ev, IReadOnlyCollection<EventArticleLink> links) =>
        SourceDate.Disagree(ev.Start, links.Where(l => l.SourceDate is not null).Select(l => l.SourceDate!.Date));

    /// <summary>Rests on articles of one outlet only (one source in the reader's sense, however many links).</summary>
    public static bool IsSingleSourced(Event ev) => IsSingleSourced(ev.Outlets);

    public static bool IsSingleSourced(IEnumerable<string> outlets) => outlets.Distinct().Count() == 1;

    private static List<string> FacetsOf(Event ev, IEnumerable<Article> linkedArticles)
    {
        var facets = new List<string> { TimelineKeys.AllFacet };
        if (ev.StorylineId is { } storyline)
            facets.Add(TimelineKeys.StorylineFacet(storyline));
        facets.AddRange(ev.TagIds.Distinct().Select(TimelineKeys.TagFacet));
        facets.AddRange(linkedArticles.Select(a => a.OutletId).Distinct().Order().Select(TimelineKeys.OutletFacet));
        if (ev.Differences.Count > 0)
            facets.Add(TimelineKeys.DifferFacet);
        if (IsSingleSourced(ev))
            facets.Add(TimelineKeys.SingleSourceFacet);
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
        if (ev.DateDisputedKey is not null)
            yield return TimelineKeys.DateDisputedCount;
    }

    public static IEnumerable<string> CountsOf(Article article)
    {
        yield return TimelineKeys.ArticleCount;
        if (article.UnlinkedKey is not null)
            yield return TimelineKeys.UnlinkedCount;
    }
}
