using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Timeline.Core.Data;
using Timeline.Core.Dates;
using Timeline.Core.Domain;
using Timeline.Core.Text;

namespace Timeline.Core.Curation;

public sealed record EraChoice(int Id, string Title);

/// <summary>What the event form offers to pick from: storylines and the tags already in use.</summary>
public sealed record EventChoices(IReadOnlyList<EraChoice> Eras, IReadOnlyList<string> Topics, IReadOnlyList<string> Actors, IReadOnlyList<string> Places);

/// <summary>Creates, edits, deletes and restores events, recording a revision for each change in the same transaction.</summary>
public sealed class EventEditor(IDbContextFactory<TimelineDbContext> contexts, IContentChangeListener listener, TimeProvider clock)
{
    public async Task<EventChoices> GetChoicesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var eras = await db.Eras.OrderBy(e => e.StartsAt).Select(e => new EraChoice(e.Id, e.Title)).ToListAsync(cancellationToken);
        var tags = await db.Tags.Select(t => new { t.Kind, t.Name }).ToListAsync(cancellationToken);
        string[] Of(TagKind kind) => [.. tags.Where(t => t.Kind == kind).Select(t => t.Name).Order(StringComparer.OrdinalIgnoreCase)];
        return new EventChoices(eras, Of(TagKind.Topic), Of(TagKind.Actor), Of(TagKind.Place));
    }

    /// <summary>The stored event as a form, or null when there is none (or it is in the trash).</summary>
    public async Task<EventForm?> LoadAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var ev = await LoadEventAsync(db, id, cancellationToken);
        return ev is null || ev.Status == EventStatus.Deleted ? null : EventSnapshot.Of(ev).ToForm(ev.Id, ev.Version);
    }

    public Task<SaveOutcome> SaveAsync(EventForm form, string user, CancellationToken cancellationToken = default) =>
        SaveAsync(form, user, action: form.Id is null ? "created" : "edited", description: null, cancellationToken);

    /// <summary>Moves the event to the trash: it disappears from every public page, and its slug stays reserved.</summary>
    public async Task<SaveOutcome> DeleteAsync(int id, int expectedVersion, string user, CancellationToken cancellationToken = default)
    {
        var form = await LoadAsync(id, cancellationToken);
        if (form is null)
            return new Missing("This event no longer exists or is already in the trash.");
        if (form.Version != expectedVersion)
            return await ConflictAsync(id, cancellationToken);
        form.Status = EventStatus.Deleted;
        return await SaveAsync(form, user, "deleted", "Moved to the trash", cancellationToken);
    }

    /// <summary>Takes the event out of the trash as a draft, to be checked before it is published again.</summary>
    public async Task<SaveOutcome> RestoreFromTrashAsync(int id, string user, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var ev = await LoadEventAsync(db, id, cancellationToken);
        if (ev is not { Status: EventStatus.Deleted })
            return new Missing("This event is not in the trash.");
        var form = EventSnapshot.Of(ev).ToForm(ev.Id, ev.Version);
        form.Status = EventStatus.Draft;
        return await SaveAsync(form, user, "restored", "Restored from the trash as a draft", cancellationToken);
    }

    /// <summary>Makes an earlier revision the current state again; the restore is itself a new revision. Links are not touched.</summary>
    public async Task<SaveOutcome> RestoreRevisionAsync(int eventId, long revisionId, string user, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var revision = await db.Revisions.AsNoTracking().SingleOrDefaultAsync(
            r => r.Id == revisionId && r.Subject == RevisionSubject.Event && r.SubjectId == eventId, cancellationToken);
        var ev = await db.Events.AsNoTracking().SingleOrDefaultAsync(e => e.Id == eventId, cancellationToken);
        if (revision is null || ev is null)
            return new Missing("That revision of this event does not exist.");
        var snapshot = Snapshots.ReadEvent(revision);
        var form = snapshot.ToForm(eventId, ev.Version);
        if (form.Status == EventStatus.Deleted)
            form.Status = EventStatus.Draft;
        if (form.EraId is { } eraId && !await db.Eras.AnyAsync(e => e.Id == eraId, cancellationToken))
            form.EraId = null; // the storyline has gone since
        return await SaveAsync(form, user, "restored",
            $"Restored the version of {revision.ChangedAt:d MMM yyyy HH:mm} by {revision.ChangedBy}", cancellationToken);
    }

    private async Task<SaveOutcome> SaveAsync(EventForm form, string user, string action, string? description, CancellationToken cancellationToken)
    {
        var errors = form.Validate(out var start, out var end);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var era = form.EraId is { } eraId ? await db.Eras.FindAsync([eraId], cancellationToken) : null;
        if (form.EraId is not null && era is null)
            errors.Set("era", "That storyline no longer exists; choose another.");

        Event? ev = null;
        if (form.Id is { } id)
        {
            ev = await LoadEventAsync(db, id, cancellationToken);
            if (ev is null || (ev.Status == EventStatus.Deleted && action != "restored"))
                return new Missing("This event no longer exists or is in the trash.");
            if (ev.Version != form.Version)
                return await ConflictAsync(id, cancellationToken);
        }

        var title = form.Title.Trim();
        var slug = form.Slug.Trim();
        if (errors.Count == 0)
        {
            if (slug.Length == 0)
            {
                slug = Slugs.MakeUnique(Slugs.ForEvent(start, title), candidate => IsSlugTaken(db, candidate, form.Id));
            }
            else if (IsSlugTaken(db, slug, form.Id))
            {
                errors.Set("slug", $"\"{slug}\" is already the address (or a former address) of another event.");
            }
        }
        if (errors.Count > 0)
            return new Invalid(errors);

        var before = ev is null ? null : EventSnapshot.Of(ev);
        var now = clock.GetUtcNow();
        var isNew = ev is null;
        ev ??= new Event { Slug = slug, Title = title, CreatedAt = now, CreatedBy = user, UpdatedBy = user };
        // One transaction for the event, its tags, its slug history and its revision: all or nothing.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            if (!isNew && ev.Slug != slug)
                await MoveSlugAsync(db, ev, slug, now, cancellationToken);
            ev.Title = title;
            ev.Summary = form.Summary;
            ev.Start = start;
            ev.End = end;
            ev.Era = era;
            ev.EraId = era?.Id;
            ev.Status = form.Status;
            await SetTagsAsync(db, ev, form, cancellationToken);

            var after = EventSnapshot.Of(ev);
            var changes = RevisionDiff.Between(before, after);
            if (!isNew && changes.Count == 0)
                return new Saved(ev.Id, ev.Slug, ev.Version, Unchanged: true);

            if (isNew)
                db.Events.Add(ev);
            else
                await Snapshots.RecordBaselineAsync(db, before!, RevisionSubject.Event, ev.Id, ev.Id, null, ev.UpdatedBy, ev.UpdatedAt, cancellationToken);
            ev.UpdatedAt = now;
            ev.UpdatedBy = user;
            await db.SaveChangesAsync(cancellationToken);
            description ??= isNew ? "Created" : "Edited " + RevisionDiff.Labels(changes);
            db.Revisions.Add(Snapshots.Record(after, RevisionSubject.Event, ev.Id, ev.Id, null, action, description, user, now));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return await ConflictAsync(ev.Id, cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is SqliteException { SqliteErrorCode: 19 })
        {
            // A unique index refused the write: another editor saved the same slug, or created the same new tag,
            // between the checks above and this save. Nothing was written; saving again resolves a tag race.
            return IsSlugTaken(db, slug, form.Id)
                ? Invalid.Because("slug", $"\"{slug}\" was just taken by another event; choose another address.")
                : Invalid.Because("title", "Another editor saved at the same moment; nothing was stored. Save again.");
        }
        await listener.ContentChangedAsync(cancellationToken);
        return new Saved(ev.Id, ev.Slug, ev.Version);
    }

    private async Task<Conflict> ConflictAsync(int id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var ev = await LoadEventAsync(db, id, cancellationToken)
            ?? throw new InvalidOperationException($"Event {id} vanished while being compared.");
        return new Conflict(EventSnapshot.Of(ev).ToForm(ev.Id, ev.Version), ev.UpdatedBy, ev.UpdatedAt);
    }

    private static Task<Event?> LoadEventAsync(TimelineDbContext db, int id, CancellationToken cancellationToken) =>
        db.Events.Include(e => e.Tags).Include(e => e.Era).Include(e => e.SlugHistory).AsSplitQuery()
            .SingleOrDefaultAsync(e => e.Id == id, cancellationToken);

    private static bool IsSlugTaken(TimelineDbContext db, string slug, int? exceptEventId) =>
        db.Events.Any(e => e.Slug == slug && e.Id != exceptEventId)
        || db.EventSlugAliases.Any(a => a.Slug == slug && a.EventId != exceptEventId);

    /// <summary>The old slug becomes an alias that answers 301 for ever; a former slug taken back stops being an alias.</summary>
    private static async Task MoveSlugAsync(TimelineDbContext db, Event ev, string slug, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var reused = ev.SlugHistory.FirstOrDefault(a => a.Slug == slug);
        if (reused is not null)
        {
            ev.SlugHistory.Remove(reused);
            db.EventSlugAliases.Remove(reused);
            // Deleted before the old slug is added, so the unique index never sees both.
            await db.SaveChangesAsync(cancellationToken);
        }
        ev.SlugHistory.Add(new EventSlugAlias { Slug = ev.Slug, RetiredAt = now });
        ev.Slug = slug;
    }

    private static async Task SetTagsAsync(TimelineDbContext db, Event ev, EventForm form, CancellationToken cancellationToken)
    {
        var wanted = Enum.GetValues<TagKind>()
            .SelectMany(kind => form.TagsOf(kind).Select(name => (Kind: kind, Name: name.Trim(), Slug: Slugs.Slugify(name))))
            .DistinctBy(t => (t.Kind, t.Slug))
            .ToList();
        var slugs = wanted.Select(t => t.Slug).ToList();
        var existing = await db.Tags.Where(t => slugs.Contains(t.Slug)).ToListAsync(cancellationToken);
        var tags = wanted.Select(w => existing.FirstOrDefault(t => t.Kind == w.Kind && t.Slug == w.Slug)
            ?? new Tag { Kind = w.Kind, Name = w.Name, Slug = w.Slug }).ToList();
        ev.Tags.RemoveAll(t => !tags.Contains(t));
        ev.Tags.AddRange(tags.Where(t => !ev.Tags.Contains(t)));
    }
}
