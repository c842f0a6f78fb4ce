using System.Globalization;
using Microsoft.Extensions.Caching.Memory;
using Timeline.Core.Domain;
using Timeline.Core.Storage;

namespace Timeline.Core.Reading;

/// <summary>The filter choices: the storylines, topics, actors, places and outlets published events use, from the
/// store's kept counts. Cached for a minute, and dropped on every change.</summary>
internal sealed class FilterChoices(TimelineStore store, IMemoryCache cache)
{
    private const string CacheKey = "timeline-facets";

    public TimelineFacets Get() => cache.GetOrCreate(CacheKey, entry =>
    {
        entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1);
        var storylines = store.Storylines.FindByIds(PublicIds("e")).Select(PublishedEvents.Summary).OrderBy(e => e.Start).ToList();
        var tags = store.Tags.FindByIds(PublicIds("t")).OrderBy(t => t.Name, StringComparer.OrdinalIgnoreCase).ToList();
        var outlets = store.Outlets.FindByIds(PublicIds("o")).Select(o => o.Name).Order(StringComparer.OrdinalIgnoreCase).ToList();
        List<FacetOption> Of(TagKind kind) => [.. tags.Where(t => t.Kind == kind).Select(t => new FacetOption(t.Slug, t.Name))];
        return new TimelineFacets(storylines, Of(TagKind.Topic), Of(TagKind.Actor), Of(TagKind.Place), [.. outlets.Select(o => new FacetOption(o, o))]);
    })!;

    public void Forget() => cache.Remove(CacheKey);

    /// <summary>The ids behind the counts "f:{prefix}…" above zero: the storylines, tags or outlets published events use.</summary>
    private List<int> PublicIds(string prefix)
    {
        var from = TimelineKeys.FacetCount(prefix);
        return [.. store.CountsStartingWith(from).ToEnumerable()
            .Where(c => c.N > 0 && int.TryParse(c.Id.AsSpan(from.Length), NumberStyles.None, CultureInfo.InvariantCulture, out _))
            .Select(c => int.Parse(c.Id.AsSpan(from.Length), NumberStyles.None, CultureInfo.InvariantCulture))];
    }
}
