using Timeline.Core.Dates;
using Timeline.Core.Domain;

namespace Timeline.Core.Seeding;

/// <summary>A manifest that has passed every check, ready to import: dates parsed, articles cleaned, slugs made.</summary>
public sealed record SeedPlan(IReadOnlyList<PlannedStoryline> Storylines, IReadOnlyList<PlannedArticle> Articles, IReadOnlyList<PlannedEvent> Events);

public sealed record PlannedStoryline(string Slug, string Title, string Description, string Colour, PartialDate Start, PartialDate End, bool OpensAtLatest = false);

public sealed record PlannedArticle(
    string File, string Title, string Outlet, string? Author, string? Url, PartialDate Published, string Language, string Body, string ContentHash);

public sealed record PlannedTag(TagKind Kind, string Name, string Slug);

public sealed record PlannedLink(string ArticleFile, LinkRole Role, string Passage, string? Note, SourceDate? SourceDate = null);

/// <summary>A checked difference; each claim names its article by file.</summary>
public sealed record PlannedDifference(string Aspect, IReadOnlyList<(string ArticleFile, string Quote, string? Value)> Claims);

public sealed record PlannedEvent(
    string Slug, string Title, string Summary, PartialDate Start, PartialDate? End, string? StorylineSlug, EventStatus Status,
    IReadOnlyList<PlannedTag> Tags, IReadOnlyList<PlannedLink> Links, IReadOnlyList<string> FormerSlugs)
{
    public IReadOnlyList<PlannedDifference> Differences { get; init; } = [];
    public IReadOnlyList<PlannedNote> Notes { get; init; } = [];
}

/// <summary>A public note; without a time, it is dated when imported.</summary>
public sealed record PlannedNote(PublicNoteKind Kind, string Text, DateTimeOffset? At);

/// <summary>The manifest cannot be imported; the message names the file, each entry and its problem.</summary>
public sealed class SeedManifestException(string path, IReadOnlyList<string> problems)
    : Exception($"The seed manifest {path} cannot be imported:{Environment.NewLine}" +
                string.Join(Environment.NewLine, problems.Select(p => "  - " + p)))
{
    public string ManifestPath { get; } = path;
    public IReadOnlyList<string> Problems { get; } = problems;
}
