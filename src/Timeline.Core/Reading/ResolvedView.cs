using Timeline.Core.Search;
using Timeline.Core.Storage;

namespace Timeline.Core.Reading;

/// <summary>
/// A reader's view resolved against the store: the facet keys its filters name, its window as a range of sort keys
/// [Low, High), its words, its storyline; <see cref="Nothing"/> when a filter names something that does not exist or
/// the window is empty, so the view shows no event.
/// </summary>
internal sealed record ResolvedView(List<string> Facets, string Low, string High, SearchQuery? Words, int? StorylineId, bool Nothing)
{
    /// <summary>Every published event: the timeline without filters.</summary>
    public static ResolvedView All { get; } = new([], "", TimelineKeys.Last, null, null, false);

    /// <summary>One storyline's published events.</summary>
    public static ResolvedView OfStoryline(int storylineId) =>
        new([TimelineKeys.StorylineFacet(storylineId)], "", TimelineKeys.Last, null, storylineId, false);
}
