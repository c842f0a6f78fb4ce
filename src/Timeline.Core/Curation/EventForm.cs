using Timeline.Core.Dates;
using Timeline.Core.Domain;
using Timeline.Core.Text;

namespace Timeline.Core.Curation;

/// <summary>One field of the event form: how it reads (to compare and merge) and how to copy it from another form.</summary>
public sealed record EventFormField(string Key, string Label, Func<EventForm, string> Read, Action<EventForm, EventForm> CopyFrom);

/// <summary>The event as the editor is editing it. Everything stays as typed until it is saved.</summary>
public sealed class EventForm
{
    public int? Id { get; set; }

    /// <summary>The stored version this form started from; a save against a newer version is a conflict.</summary>
    public int Version { get; set; }
    public string Title { get; set; } = "";

    /// <summary>Empty: made from the date and title on save.</summary>
    public string Slug { get; set; } = "";
    public string Summary { get; set; } = "";
    public PartialDateInput Start { get; set; } = new();
    public bool HasEnd { get; set; }
    public PartialDateInput End { get; set; } = new();
    public int? StorylineId { get; set; }
    public EventStatus Status { get; set; } = EventStatus.Draft;
    public List<string> Topics { get; set; } = [];
    public List<string> Actors { get; set; } = [];
    public List<string> Places { get; set; } = [];
    public MediaInput Media { get; set; } = new();

    /// <summary>Where the sources differ (checked against the linked articles when saved).</summary>
    public List<DifferenceForm> Differences { get; set; } = [];

    /// <summary>A public correction or update to publish with this save (none: a private change, as always).</summary>
    public PublicNoteKind? NoteKind { get; set; }
    public string NoteText { get; set; } = "";

    public List<string> TagsOf(TagKind kind) => kind switch
    {
        TagKind.Topic => Topics,
        TagKind.Actor => Actors,
        _ => Places,
    };

    public static IReadOnlyList<EventFormField> Fields { get; } =
    [
        new("title", "Title", f => f.Title, (to, from) => to.Title = from.Title),
        new("slug", "Address (slug)", f => f.Slug, (to, from) => to.Slug = from.Slug),
        new("start", "Date", f => Describe(f.Start), (to, from) => to.Start = from.Start.Clone()),
        new("end", "End date", f => f.HasEnd ? Describe(f.End) : "", (to, from) => (to.HasEnd, to.End) = (from.HasEnd, from.End.Clone())),
        new("era", "Storyline", f => f.StorylineId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "", (to, from) => to.StorylineId = from.StorylineId),
        new("status", "Status", f => f.Status.ToString(), (to, from) => to.Status = from.Status),
        new("topics", "Topics", f => string.Join(", ", f.Topics), (to, from) => to.Topics = [.. from.Topics]),
        new("actors", "Actors", f => string.Join(", ", f.Actors), (to, from) => to.Actors = [.. from.Actors]),
        new("places", "Places", f => string.Join(", ", f.Places), (to, from) => to.Places = [.. from.Places]),
        new("summary", "Summary", f => f.Summary, (to, from) => to.Summary = from.Summary),
        new("media", "Media", f => f.Media.Describe(), (to, from) => to.Media = from.Media.Clone()),
        new("differences", "Where the sources differ", f => DifferenceForm.Describe(f.Differences), (to, from) => to.Differences = [.. from.Differences.Select(d => d.Clone())]),
    ];

    public const int NoteLength = 2_000;

    public EventForm Clone()
    {
        var copy = new EventForm { Id = Id, Version = Version, NoteKind = NoteKind, NoteText = NoteText };
        foreach (var field in Fields)
            field.CopyFrom(copy, this);
        return copy;
    }

    /// <summary>What a save without a title is told (the form says it too, on leaving the field empty).</summary>
    public const string TitleMissing = "Give the event a title.";

    /// <summary>Checks what can be checked without the database; the dates come out when they are valid.</summary>
    public FieldErrors Validate(out PartialDate start, out PartialDate? end)
    {
        var errors = new FieldErrors();
        errors.CheckText("title", Title, Limits.TitleLength, required: TitleMissing);

        var slug = Slug.Trim();
        if (slug.Length > 0 && !Slugs.IsValid(slug))
            errors.Set("slug", $"Use lower-case letters, digits and single hyphens only, at most {Limits.SlugLength} characters, for example \"{Slugs.Slugify(slug, Limits.SlugLength)}\".");

        if (Summary.Length > Limits.SummaryLength)
            errors.Set("summary", $"The summary has {Summary.Length} characters; at most {Limits.SummaryLength} fit.");
        Media.Validate(errors);
        CheckNote(NoteKind, NoteText, errors);

        if (!Start.TryBuild(out start, out var startError))
            errors.Set("start", startError!);
        end = null;
        if (HasEnd)
        {
            if (!End.TryBuild(out var last, out var endError))
                errors.Set("end", endError!);
            else if (startError is null && last.EndsBefore(start))
                errors.Set("end", $"The end ({last.Format()}) is before the start ({start.Format()}).");
            else
                end = last;
        }

        foreach (var (kind, key) in new[] { (TagKind.Topic, "topics"), (TagKind.Actor, "actors"), (TagKind.Place, "places") })
        {
            foreach (var name in TagsOf(kind))
            {
                if (name.Trim().Length > Limits.NameLength)
                    errors.Set(key, $"\"{TextExcerpt.Shorten(name, 40)}\" is too long: at most {Limits.NameLength} characters.");
                else if (Slugs.Slugify(name).Length == 0)
                    errors.Set(key, $"\"{name}\" needs at least one letter or digit.");
            }
        }
        return errors;
    }

    /// <summary>A public note's rules (the form's and the seed manifest's): a kind, and its text, which readers see.</summary>
    public static void CheckNote(PublicNoteKind? kind, string text, FieldErrors errors)
    {
        if (kind is not { } noteKind)
            return;
        if (!Enum.IsDefined(noteKind))
            errors.Set("note", "Choose “Correction” or “Update”.");
        else
            errors.CheckText("note", text, NoteLength, required: $"Say what the {noteKind.ToString().ToLowerInvariant()} is: readers see this text.");
    }

    public static string Describe(PartialDateInput input) =>
        input.TryBuild(out var date, out _) ? date.Format() : "(incomplete date)";
}
