using Timeline.Core.Domain;
using Timeline.Core.Storage;

namespace Timeline.Core.Reading;

/// <summary>A published event with everything a page, feed or export shows of it: storyline, tags and sources.</summary>
internal sealed class PublishedEvents(TimelineStore store)
{
    /// <summary>The event with its storyline, tags and sources; <paramref name="storylines"/> and <paramref name="tags"/>
    /// keep what was read for the next event of an export (measured: the per-event reads were most of its time).</summary>
    public PublishedEvent Describe(Event ev, Dictionary<int, Storyline?>? storylines = null, Dictionary<int, Tag?>? tags = null)
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
            return new EventSource(l.Id, l.Role, l.Passage, l.Note, a.Id, a.Title, a.Outlet, a.Author, a.Url, a.Published, l.SourceDate);
        }).OrderBy(s => s.Role).ThenBy(s => s.Published).ThenBy(s => s.Outlet).ThenBy(s => s.LinkId).ToList();
        return new PublishedEvent(ev, storyline is null ? null : Summary(storyline), tagRefs, sources);
    }

    public static StorylineSummary Summary(Storyline storyline) =>
        new(storyline.Id, storyline.Slug, storyline.Title, storyline.Description, storyline.Colour, storyline.Start, storyline.End)
        {
            OpensAtLatest = storyline.OpensAtLatest,
        };
}
