using Timeline.Core.Dates;
using Timeline.Core.Domain;

namespace Timeline.Core.Seeding;

/// <summary>A manifest that has passed every check, ready to import: dates parsed, articles cleaned, slugs made.</summary>
public sealed record SeedPlan(IReadOnlyList<PlannedStoryline> Storylines, IReadOnlyList<PlannedArticle> Articles, IReadOnlyList<PlannedEvent> Events);

public sealed record PlannedStoryline(string Slug, string Title, string Description, string Colour, PartialDate Start, PartialDate End);

public sealed record PlannedArticle(
    string File, string Title, string Outlet, string? Author, string? Url, PartialDate Published, string Language, string Body, string ContentHash);

public sealed record PlannedTag(TagKind Kind, string Name, string Slug);

public sealed record PlannedLink(string ArticleFile, LinkRole Role, string Passage, string? Note);

public sealed record PlannedEvent(
    string Slug, string Title, string Summary, PartialDate Start, PartialDate? End, string? StorylineSlug, EventStatus Status,
    IReadOnlyList<PlannedTag> Tags, IReadOnlyList<PlannedLink> Links, IReadOnlyList<string> FormerSlugs);

/// <summary>The manifest cannot be imported; the message names the file, each entry and its problem.</summary>
public sealed class SeedManifestException(string path, IReadOnlyList<string> problems)
    : Exception($"The seed manifest {path} cannot be imported:{Environment.NewLine}" +
                string.Join(Environment.NewLine, problems.Select(p => "  - " + p)))
{
    public string ManifestPath { get; } = path;
    public IReadOnlyList<string> Problems { get; } = problems;
}
