using System.Text.Json.Serialization;

namespace Timeline.Core.Seeding;

// The JSON shape of seeds/timeline.json. Everything is nullable here on purpose: the loader checks
// each field and names the entry and field that is missing, rather than failing inside the parser.
// The manifest's storylines are "eras" and an event's storyline its "era": the names the format was published with.

public sealed class SeedManifest
{
    public List<SeedArticle>? Articles { get; init; }
    [JsonPropertyName("eras")]
    public List<SeedStoryline>? Storylines { get; init; }
    public List<SeedEvent>? Events { get; init; }
}

public sealed class SeedArticle
{
    public string? File { get; init; }
    public string? Title { get; init; }
    public string? Outlet { get; init; }
    public string? Author { get; init; }
    public string? Url { get; init; }
    public string? Published { get; init; }
    public bool Approximate { get; init; }
    public string? Language { get; init; }

    /// <summary>True when the file holds the text as stored (an export): it is taken as it is, not cleaned again.</summary>
    public bool Cleaned { get; init; }
}

public sealed class SeedStoryline
{
    public string? Slug { get; init; }
    public string? Title { get; init; }
    public string? Description { get; init; }
    public string? Colour { get; init; }
    public string? Start { get; init; }
    public string? End { get; init; }

    /// <summary>"latest": the storyline's timeline opens at its latest events; "first" (or none), at its first.</summary>
    public string? OpenAt { get; init; }
}

public sealed class SeedEvent
{
    public string? Slug { get; init; }
    public string? Title { get; init; }
    public string? Summary { get; init; }
    public string? Start { get; init; }
    public bool Approximate { get; init; }
    public string? End { get; init; }
    public bool EndApproximate { get; init; }
    [JsonPropertyName("era")]
    public string? Storyline { get; init; }
    public string? Status { get; init; }
    public List<string>? Tags { get; init; }
    public List<string>? Actors { get; init; }
    public List<string>? Places { get; init; }
    public List<SeedLink>? Links { get; init; }

    /// <summary>Addresses the event had before (an export keeps them): they redirect to the current one.</summary>
    public List<string>? FormerSlugs { get; init; }

    /// <summary>Where its sources differ: each aspect with what two or more of its linked articles say (added in 2026-12).</summary>
    public List<SeedDifference>? Differences { get; init; }

    /// <summary>Its public corrections and updates (an export keeps them).</summary>
    public List<SeedNote>? Notes { get; init; }
}

public sealed class SeedDifference
{
    public string? Aspect { get; init; }
    public List<SeedClaim>? Sources { get; init; }
}

/// <summary>What one linked article says: <see cref="Article"/> is its file, as in the event's links.</summary>
public sealed class SeedClaim
{
    public string? Article { get; init; }
    public string? Quote { get; init; }
    public string? Value { get; init; }
}

public sealed class SeedNote
{
    /// <summary>"correction" or "update".</summary>
    public string? Kind { get; init; }
    public string? Text { get; init; }

    /// <summary>When it was made public, ISO 8601.</summary>
    public DateTimeOffset? At { get; init; }
}

/// <summary>The date an article gives for the event: ISO text as for other dates, with its words.</summary>
public sealed class SeedSourceDate
{
    public string? Date { get; init; }
    public bool Approximate { get; init; }
    public string? Words { get; init; }
}

public sealed class SeedLink
{
    public string? Article { get; init; }
    public string? Role { get; init; }
    public string? Passage { get; init; }
    public string? Note { get; init; }
    public SeedSourceDate? SourceDate { get; init; }
}
