using Microsoft.EntityFrameworkCore;
using Timeline.Core.Data;
using Timeline.Core.Dates;
using Timeline.Core.Domain;
using Timeline.Core.Seeding;
using Timeline.Core.Text;

namespace Timeline.Core.Curation;

/// <summary>A storyline as the editor edits it. The slug is chosen once, at creation: /eras/{slug} stays valid.</summary>
public sealed class EraForm
{
    public int? Id { get; set; }
    public string Title { get; set; } = "";

    /// <summary>Empty: made from the title. Only a new storyline's slug can be set.</summary>
    public string Slug { get; set; } = "";
    public string Description { get; set; } = "";
    public string Colour { get; set; } = "#5b6b7f";
    public PartialDateInput Start { get; set; } = new() { Precision = DatePrecision.Month };
    public PartialDateInput End { get; set; } = new() { Precision = DatePrecision.Month };

    public static EraForm From(Era era) => new()
    {
        Id = era.Id, Title = era.Title, Slug = era.Slug, Description = era.Description, Colour = era.Colour,
        Start = PartialDateInput.From(era.Start), End = PartialDateInput.From(era.End),
    };

    public FieldErrors Validate(out PartialDate start, out PartialDate end)
    {
        var errors = new FieldErrors();
        errors.CheckText("title", Title, Limits.TitleLength, required: "Give the storyline a title.");
        if (Id is null && Slug.Trim().Length > 0 && !Slugs.IsValid(Slug.Trim()))
            errors.Set("slug", $"Use lower-case letters, digits and single hyphens only, for example \"{Slugs.Slugify(Slug, Limits.SlugLength)}\".");
        if (Description.Length > Limits.SummaryLength)
            errors.Set("description", $"The description has {Description.Length} characters; at most {Limits.SummaryLength} fit.");
        if (!Era.IsHexColour(Colour.Trim()))
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
public sealed class EraEditor(IDbContextFactory<TimelineDbContext> contexts, IContentChangeListener listener, TimeProvider clock)
{
    public sealed record EraRow(int Id, string Slug, string Title, string Colour, PartialDate Start, PartialDate End, int Events);

    public async Task<IReadOnlyList<EraRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Eras.OrderBy(e => e.StartsAt)
            .Select(e => new { e.Id, e.Slug, e.Title, e.Colour, e.StartsAt, e.StartPrecision, e.EndsAt, e.EndPrecision, Events = e.Events.Count(ev => ev.Status != EventStatus.Deleted) })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(e => new EraRow(e.Id, e.Slug, e.Title, e.Colour, new PartialDate(e.StartsAt, e.StartPrecision), new PartialDate(e.EndsAt, e.EndPrecision), e.Events))];
    }

    public async Task<EraForm?> LoadAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Eras.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, cancellationToken) is { } era ? EraForm.From(era) : null;
    }

    public async Task<SaveOutcome> SaveAsync(EraForm form, string user, CancellationToken cancellationToken = default)
    {
        var errors = form.Validate(out var start, out var end);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var era = form.Id is { } id ? await db.Eras.SingleOrDefaultAsync(e => e.Id == id, cancellationToken) : null;
        if (form.Id is not null && era is null)
            return new Missing("This storyline no longer exists.");
        var title = form.Title.Trim();
        var slug = era?.Slug ?? form.Slug.Trim();
        if (errors.Count == 0 && era is null)
        {
            if (slug.Length == 0)
                slug = Slugs.MakeUnique(Slugs.Slugify(title).Length > 0 ? Slugs.Slugify(title) : "storyline", s => db.Eras.Any(e => e.Slug == s));
            else if (await db.Eras.AnyAsync(e => e.Slug == slug, cancellationToken))
                errors.Set("slug", $"\"{slug}\" is already the address of another storyline.");
        }
        if (errors.Count > 0)
            return new Invalid(errors);

        var isNew = era is null;
        var before = isNew ? null : EraSnapshot.Of(era!);
        era ??= new Era { Slug = slug, Title = title };
        era.Title = title;
        era.Description = form.Description;
        era.Colour = form.Colour.Trim().ToLowerInvariant();
        era.Start = start;
        era.End = end;
        var after = EraSnapshot.Of(era);
        var changes = RevisionDiff.Between(before, after);
        if (!isNew && changes.Count == 0)
            return new Saved(era.Id, era.Slug, Unchanged: true);

        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (isNew)
            db.Eras.Add(era);
        else
            await Snapshots.RecordBaselineAsync(db, before!, RevisionSubject.Era, era.Id, null, null, SeedImporter.SeedUser, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        db.Revisions.Add(Snapshots.Record(after, RevisionSubject.Era, era.Id, null, null, isNew ? "created" : "edited",
            isNew ? $"Created the storyline \"{title}\"" : $"Edited the storyline \"{title}\": {RevisionDiff.Labels(changes)}", user, now));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await listener.ContentChangedAsync(cancellationToken);
        return new Saved(era.Id, era.Slug);
    }
}
