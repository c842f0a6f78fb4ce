using Timeline.Core.Domain;

namespace Timeline.Core.Storage;

/// <summary>
/// Recomputes every derived field and count from the base data and names each place where the store disagrees:
/// the proof, in tests and after a crash, that derived data is kept in the same transaction as its change. It
/// reads every collection, so it is for checks, never for a request.
/// </summary>
public static class StoreAudit
{
    public static IReadOnlyList<string> Check(TimelineStore store)
    {
        var problems = new List<string>();
        var articles = store.Articles.FindAll().ToDictionary(a => a.Id);
        var links = store.Links.FindAll().ToList();
        var linksByEvent = links.ToLookup(l => l.EventId);
        var events = store.Events.FindAll().ToDictionary(e => e.Id);
        var counts = new Dictionary<string, int>();
        void Count(IEnumerable<string> ids)
        {
            foreach (var id in ids)
                counts[id] = counts.GetValueOrDefault(id) + 1;
        }

        foreach (var ev in events.Values)
        {
            var expected = store.Database.Mapper.ToObject<Event>(store.Database.Mapper.ToDocument(ev));
            EventDerivation.Refresh(expected, [.. linksByEvent[ev.Id].Select(l => articles[l.ArticleId])], [.. linksByEvent[ev.Id]]);
            if (expected.SortKey != ev.SortKey || expected.Excerpt != ev.Excerpt || !expected.Keys.SequenceEqual(ev.Keys) || !expected.Facets.SequenceEqual(ev.Facets)
                || !expected.Outlets.SequenceEqual(ev.Outlets) || expected.SourceCount != ev.SourceCount || expected.StatusKey != ev.StatusKey
                || expected.LiveKey != ev.LiveKey || expected.UnsourcedKey != ev.UnsourcedKey || expected.DateDisputedKey != ev.DateDisputedKey)
                problems.Add($"event {ev.Id}: derived fields differ from its data");
            Count(EventDerivation.CountsOf(expected));
            if (store.Slugs.FindById(ev.Slug) is not { Current: true } slug || slug.EventId != ev.Id)
                problems.Add($"event {ev.Id}: its slug \"{ev.Slug}\" is not recorded as its current address");
        }
        foreach (var link in links)
        {
            if (!events.ContainsKey(link.EventId) || !articles.ContainsKey(link.ArticleId))
                problems.Add($"link {link.Id}: it points to an event or article that does not exist");
        }
        foreach (var article in articles.Values)
        {
            var ofArticle = links.Where(l => l.ArticleId == article.Id).ToList();
            var expected = store.Database.Mapper.ToObject<Article>(store.Database.Mapper.ToDocument(article));
            expected.LinkCount = ofArticle.Count;
            expected.PublicLinkCount = ofArticle.Count(l => events.TryGetValue(l.EventId, out var e) && e.Status == EventStatus.Published);
            EventDerivation.Refresh(expected);
            if (expected.LinkCount != article.LinkCount || expected.PublicLinkCount != article.PublicLinkCount
                || expected.PublishedKey != article.PublishedKey || expected.UnlinkedKey != article.UnlinkedKey)
                problems.Add($"article {article.Id}: derived fields differ from its data");
            if (store.Outlets.FindById(article.OutletId)?.Name != article.Outlet)
                problems.Add($"article {article.Id}: its outlet id does not name \"{article.Outlet}\"");
            if (store.ArticleTexts.FindById(article.Id) is null)
                problems.Add($"article {article.Id}: its text is missing");
            Count(EventDerivation.CountsOf(expected));
        }
        foreach (var tag in store.Tags.FindAll())
        {
            if (tag.NameKey != Tag.NameKeyOf(tag.Kind, tag.Name) || tag.KindSlug != Tag.KindSlugOf(tag.Kind, tag.Slug))
                problems.Add($"tag {tag.Id}: its keys differ from its kind, name and slug");
        }
        foreach (var stored in store.Counts.FindAll())
        {
            if (counts.GetValueOrDefault(stored.Id) != stored.N)
                problems.Add($"count {stored.Id}: stored {stored.N}, counted {counts.GetValueOrDefault(stored.Id)}");
            counts.Remove(stored.Id);
        }
        problems.AddRange(counts.Where(c => c.Value != 0).Select(c => $"count {c.Key}: missing, counted {c.Value}"));
        return problems;
    }
}
