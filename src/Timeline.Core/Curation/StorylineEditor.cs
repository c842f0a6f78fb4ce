using Timeline.Core.Dates;
using Timeline.Core.Domain;
using Timeline.Core.Seeding;
using Timeline.Core.Storage;
using Timeline.Core.Text;

namespace Timeline.Core.Curation;

/// <summary>A storyline as the editor edits it. The slug is chosen once, at creation: /eras/{slug} stays valid.</summary>
public sealed class StorylineForm
{
    public int? Id { get; set; }
    public string Title { get; set; } = "";

    /// <summary>Empty: made from the title. Only a new storyline's slug can be set.</summary>
    public string Slug { get; set; } = "";
    public string Description { get; set; } = "";
    public string Colour { get; set; } = "#5b6b7f";
    public PartialDateInput Start { get; set; } = new() { Precision = DatePrecision.Month };
    public PartialDateInput End { get; set; } = new() { Precision = DatePrecision.Month };

    /// <summary>The storyline's timeline opens at its latest events.</summary>
    public bool OpensAtLatest { get; set; }

    public static StorylineForm From(Storyline storyline) => new()
    {
        Id = storyline.Id, Title = storyline.Title, Slug = storyline.Slug, Description = storyline.Description, Colour = storyline.Colour,
        Start = PartialDateInput.From(storyline.Start), End = PartialDateInput.From(storyline.End), OpensAtLatest = storyline.OpensAtLatest,
    };

    /// <summary>What a save without a title is told (the form says it too, on leaving the field empty).</summary>
    public const string TitleMissing = "Give the storyline a title.";

    public FieldErrors Validate(out PartialDate start, out PartialDate end)
    {
        var errors = new FieldErrors();
        errors.CheckText("title", Title, Limits.TitleLength, required: TitleMissing);
        if (Id is null && Slug.Trim().Length > 0 && !Slugs.IsValid(Slug.Trim()))
            errors.Set("slug", $"Use lower-case letters, digits and single hyphens only, for example \"{Slugs.Slugify(Slug, Limits.SlugLength)}\".");
        if (Description.Length > Limits.SummaryLength)
            errors.Set("description", $"The description has {Description.Length} characters; at most {Limits.SummaryLength} fit.");
        if (!Storyline.IsHexColour(Colour.Trim()))
            errors.Set("colour", "Give the colour as #rrggbb, for example #1f5f8b.");
        if (!Start.TryBuild(out start, out var startError))
            errors.Set("start", startError!);
        if (!End.TryBuild(out end, out var endError))
            errors.Set("end", endError!);
        else if (startError is null && end.EndsBefore(start))
            errors.Set("end", $"The end ({end.Format()}) is before the start ({start.Format()}).");
        // A storyline's span has no "approximate": only its precision.
        start = new PartialDate(start.Value, start.Precision);
        end = new PartialDate(end.Value, end.Precision);
        return errors;
    }
}

/// <summary>Creates and edits storylines, with a revision for each change.</summary>
public sealed class StorylineEditor(TimelineStore store, IContentChangeListener listener, TimeProvider clock)
{
    public sealed record StorylineRow(int Id, string Slug, string Title, string Colour, PartialDate Start, PartialDate End, int Events);

    /// <summary>Every storyline (there are few), with its count of published events.</summary>
    public IReadOnlyList<StorylineRow> List()
    {
        IReadOnlyList<StorylineRow> rows = [.. store.Storylines.FindAll().OrderBy(e => e.Start).Select(e => new StorylineRow(e.Id, e.Slug, e.Title, e.Colour, e.Start, e.End,
            store.CountOf(TimelineKeys.FacetCount(TimelineKeys.StorylineFacet(e.Id)))))];
        return rows;
    }

    public StorylineForm? Load(int id) =>
        store.Storylines.FindById(id) is { } storyline ? StorylineForm.From(storyline) : null;

    public async Task<SaveOutcome> SaveAsync(StorylineForm form, string user, CancellationToken cancellationToken = default)
    {
        var errors = form.Validate(out var start, out var end);
        var now = clock.GetUtcNow();
        var outcome = store.Write<SaveOutcome>(tx =>
        {
            var stored = form.Id is { } id ? store.Storylines.FindById(id) : null;
            if (form.Id is not null && stored is null)
                return new Missing("This storyline no longer exists.");
            var title = form.Title.Trim();
            var slug = stored?.Slug ?? form.Slug.Trim();
            if (errors.Count == 0 && stored is null)
            {
                if (slug.Length == 0)
                    slug = Slugs.MakeUnique(Slugs.Slugify(title).Length > 0 ? Slugs.Slugify(title) : "storyline", s => store.StorylineBySlug(s).Exists());
                else if (store.StorylineBySlug(slug).Exists())
                    errors.Set("slug", $"\"{slug}\" is already the address of another storyline.");
            }
            if (errors.Count > 0)
                return new Invalid(errors);

            var before = stored is null ? null : StorylineSnapshot.Of(stored);
            var storyline = stored is null ? new Storyline { Slug = slug, Title = title } : tx.Copy(stored);
            storyline.Title = title;
            storyline.Description = form.Description;
            storyline.Colour = form.Colour.Trim().ToLowerInvariant();
            storyline.Start = start;
            storyline.End = end;
            storyline.OpensAtLatest = form.OpensAtLatest;
            var after = StorylineSnapshot.Of(storyline);
            var changes = RevisionDiff.Between(before, after);
            if (stored is not null && changes.Count == 0)
                return new Saved(storyline.Id, storyline.Slug, Unchanged: true);

            if (stored is null)
            {
                storyline.Id = tx.NextIntId("storylines");
                store.Storylines.Insert(storyline);
            }
            else
            {
                Snapshots.RecordBaseline(tx, before!, RevisionSubject.Storyline, storyline.Id, null, null, SeedImporter.SeedUser, now);
                store.Storylines.Update(storyline);
            }
            tx.AddRevision(Snapshots.Record(after, RevisionSubject.Storyline, storyline.Id, null, null, stored is null ? "created" : "edited",
                stored is null ? $"Created the storyline \"{title}\"" : $"Edited the storyline \"{title}\": {RevisionDiff.Labels(changes)}", user, now));
            return new Saved(storyline.Id, storyline.Slug);
        });
        if (outcome is Saved { Unchanged: false })
            await listener.ContentChangedAsync(cancellationToken);
        return outcome;
    }
}
