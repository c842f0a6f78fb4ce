using Timeline.Core.Dates;
using Timeline.Core.Domain;

namespace Timeline.Core.Importing;

/// <summary>A message about one entry of an imported file: "event 3", "row 7", "the title slide".</summary>
public sealed record ImportNote(string Entry, string Message)
{
    /// <summary>The entry as a message starts with it: "Event 3".</summary>
    public string Where => Entry.Length == 0 ? Entry : char.ToUpperInvariant(Entry[0]) + Entry[1..];
}

public sealed record PlannedImportStoryline(string Slug, string Title, string Description, PartialDate Start, PartialDate End, bool Exists)
{
    /// <summary>A storyline already in the store: kept as it is, and shown as stored.</summary>
    public static PlannedImportStoryline Of(Storyline storyline) => new(storyline.Slug, storyline.Title, storyline.Description, storyline.Start, storyline.End, Exists: true);
}

public sealed record PlannedImportEvent(
    string Title, string Slug, string Summary, PartialDate Start, PartialDate? End, string? StorylineSlug,
    IReadOnlyList<string> Topics, EventMedia? Media);

/// <summary>What an import would do: the preview a curator checks, and the plan the import writes.</summary>
public sealed record TimelineJsPreview(
    IReadOnlyList<PlannedImportEvent> Events, IReadOnlyList<PlannedImportStoryline> Storylines, IReadOnlyList<ImportNote> AlreadyThere,
    IReadOnlyList<ImportNote> Dropped, IReadOnlyList<ImportNote> Errors, bool Publish)
{
    public int Media => Events.Count(e => e.Media is not null);
    public IEnumerable<PlannedImportStoryline> NewStorylines => Storylines.Where(s => !s.Exists);
    public bool CanImport => Errors.Count == 0 && (Events.Count > 0 || NewStorylines.Any());
}

/// <summary><paramref name="StorylineSlug"/>: the storyline the events go into instead of one made from the title slide.</summary>
public sealed record TimelineJsImportOptions(string? StorylineSlug = null, bool Publish = false);

/// <summary>The preview the import was made from, and what it stored (null when it stored nothing).</summary>
public sealed record TimelineJsImportResult(TimelineJsPreview Preview, int? EventsCreated, int? StorylinesCreated);
