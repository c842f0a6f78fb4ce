using Timeline.Core.Dates;
using Timeline.Core.Domain;
using Timeline.Core.Storage;
using Timeline.Core.Text;

namespace Timeline.Core.Curation;

public sealed record StorylineChoice(int Id, string Title, string Slug = "");

/// <summary>What the event form offers to pick from: storylines and the tags already in use.</summary>
public sealed record EventChoices(IReadOnlyList<StorylineChoice> Storylines, IReadOnlyList<string> Topics, IReadOnlyList<string> Actors, IReadOnlyList<string> Places);

/// <summary>Creates, edits, deletes and restores events, recording a revision for each change in the same transaction.</summary>
public sealed class EventEditor(TimelineStore store, IContentChangeListener listener, TimeProvider clock)
{
    public EventChoices GetChoices()
    {
        var storylines = store.Storylines.FindAll().OrderBy(e => e.Start).Select(e => new StorylineChoice(e.Id, e.Title, e.Slug)).ToList();
        var tags = store.Tags.FindAll().ToList();
        string[] Of(TagKind kind) => [.. tags.Where(t => t.Kind == kind).Select(t => t.Name).Order(StringComparer.OrdinalIgnoreCase)];
        return new EventChoices(storylines, Of(TagKind.Topic), Of(TagKind.Actor), Of(TagKind.Place));
    }

    /// <summary>The stored event as a form, or null when there is none (or it is in the trash).</summary>
    public EventForm? Load(int id)
    {
        var ev = store.Events.FindById(id);
        return ev is null || ev.Status == EventStatus.Deleted ? null : EventSnapshot.Of(ev, store).ToForm(ev.Id, ev.Version);
    }

    public Task<SaveOutcome> SaveAsync(EventForm form, string user, CancellationToken cancellationToken = default) =>
        SaveAsync(form, user, action: form.Id is null ? "created" : "edited", description: null, cancellationToken);

    /// <summary>
    /// A new event and its first source in one transaction: "New event from this sentence" on an article. The source is
    /// checked first (the article still there, the passage in its text), so either both are stored or neither.
    /// </summary>
    public async Task<SaveOutcome> CreateWithSourceAsync(EventForm form, LinkForm source, string user, CancellationToken cancellationToken = default)
    {
        var outcome = store.Write(tx =>
        {
            if (store.Articles.FindById(source.ArticleId) is null)
                return new Missing("The article this event was started from no longer exists.");
            var sourceErrors = source.Validate();
            if (sourceErrors.For("passage") is null && LinkEditor.LocatePassage(tx.ReadText(source.ArticleId), source.Passage.Trim()) is null)
                sourceErrors.Set("passage", "This passage is not in the article's text word for word.");
            if (sourceErrors.Count > 0)
            {
                var errors = form.Validate(out _, out _);
                foreach (var (field, message) in sourceErrors)
                    errors.Set("source-" + field, message);
                return new Invalid(errors);
            }
            var saved = Save(tx, form, user, "created", null);
            if (saved is Saved created)
            {
                source.EventId = created.Id;
                source.Id = null;
                LinkEditor.Save(store, tx, source, user, clock.GetUtcNow()); // checked above: it cannot be refused now
            }
            return saved;
        });
        if (outcome is Saved)
            await listener.ContentChangedAsync(cancellationToken);
        return outcome;
    }

    /// <summary>Moves the event to the trash: it disappears from every public page, and its slug stays reserved.</summary>
    public async Task<SaveOutcome> DeleteAsync(int id, int expectedVersion, string user, CancellationToken cancellationToken = default)
    {
        var form = Load(id);
        if (form is null)
            return new Missing("This event no longer exists or is already in the trash.");
        if (form.Version != expectedVersion)
            return ConflictOf(store.Events.FindById(id));
        form.Status = EventStatus.Deleted;
        return await SaveAsync(form, user, "deleted", "Moved to the trash", cancellationToken);
    }

    /// <summary>Takes the event out of the trash as a draft, to be checked before it is published again.</summary>
    public async Task<SaveOutcome> RestoreFromTrashAsync(int id, string user, CancellationToken cancellationToken = default)
    {
        if (store.Events.FindById(id) is not { Status: EventStatus.Deleted } ev)
            return new Missing("This event is not in the trash.");
        var form = EventSnapshot.Of(ev, store).ToForm(ev.Id, ev.Version);
        form.Status = EventStatus.Draft;
        return await SaveAsync(form, user, "restored", "Restored from the trash as a draft", cancellationToken);
    }

    /// <summary>Makes an earlier revision the current state again; the restore is itself a new revision. Links are not touched.</summary>
    public async Task<SaveOutcome> RestoreRevisionAsync(int eventId, long revisionId, string user, CancellationToken cancellationToken = default)
    {
        var revision = store.Revisions.FindById(revisionId);
        var ev = store.Events.FindById(eventId);
        if (revision is not { Subject: RevisionSubject.Event } || revision.SubjectId != eventId || ev is null)
            return new Missing("That revision of this event does not exist.");
        var form = Snapshots.ReadEvent(revision).ToForm(eventId, ev.Version);
        if (form.Status == EventStatus.Deleted)
            form.Status = EventStatus.Draft;
        if (form.StorylineId is { } storylineId && store.Storylines.FindById(storylineId) is null)
            form.StorylineId = null; // the storyline has gone since
        // A source unlinked since is no longer quoted; a difference left with one source is dropped (a table needs two).
        var linked = LinkedArticleIds(eventId);
        foreach (var difference in form.Differences)
            difference.Claims.RemoveAll(c => c.ArticleId is not { } id || !linked.Contains(id));
        form.Differences.RemoveAll(d => d.Claims.Count < 2);
        return await SaveAsync(form, user, "restored",
            $"Restored the version of {revision.ChangedAt:d MMM yyyy HH:mm} by {revision.ChangedBy}", cancellationToken);
    }

    private async Task<SaveOutcome> SaveAsync(EventForm form, string user, string action, string? description, CancellationToken cancellationToken)
    {
        // One transaction for the event, its tags, its slugs, its derived data and its revision: all or nothing. The
        // checks run inside it too, under the store's single-writer gate, so no other save can slip in between.
        var outcome = store.Write(tx => Save(tx, form, user, action, description));
        if (outcome is Saved { Unchanged: false })
            await listener.ContentChangedAsync(cancellationToken);
        return outcome;
    }

    /// <summary>What a save checks against the store: the stored event (null for a new one), its storyline and address.</summary>
    private sealed record Target(Event? Stored, Storyline? Storyline, string Slug, List<SourceDifference> Differences);

    private SaveOutcome Save(StoreTransaction tx, EventForm form, string user, string action, string? description)
    {
        var errors = form.Validate(out var start, out var end);
        if (Check(tx, form, action, errors, start, out var target) is { } refusal)
            return refusal;
        var (stored, storyline, slug, differences) = target;

        var now = clock.GetUtcNow();
        var before = stored is null ? null : EventSnapshot.Of(stored, store);
        var ev = stored is null
            ? new Event { Slug = slug, Title = form.Title.Trim(), CreatedAt = now, CreatedBy = user, UpdatedAt = now, UpdatedBy = user }
            : tx.Copy(stored);
        var tags = Fill(tx, ev, form, slug, start, end, storyline);
        ev.Differences = differences;
        var after = EventSnapshot.Of(ev, tags, storyline?.Title, EventSnapshot.SourceNames(store));
        var changes = RevisionDiff.Between(before, after);
        if (stored is not null && changes.Count == 0 && form.NoteKind is null)
            return new Saved(stored.Id, stored.Slug, stored.Version, Unchanged: true);

        if (stored is null)
        {
            ev.Id = tx.NextIntId("events");
        }
        else
        {
            Snapshots.RecordBaseline(tx, before!, RevisionSubject.Event, ev.Id, ev.Id, null, stored.UpdatedBy, stored.UpdatedAt);
            ev.Version++;
        }
        if (form.Media is { Choice: MediaChoice.Image, Upload: { } upload })
            tx.StoreImage(upload.FileId, upload.FileName, upload.Bytes);
        ev.UpdatedAt = now;
        ev.UpdatedBy = user;
        tx.SetSlug(ev.Id, stored?.Slug, ev.Slug, now);
        tx.PutEvent(stored, ev);
        var noted = form.NoteKind is { } kind ? $"Published {(kind == PublicNoteKind.Correction ? "a correction" : "an update")}" : null;
        description ??= stored is null ? "Created" : changes.Count == 0 ? noted! : "Edited " + RevisionDiff.Labels(changes);
        var revision = tx.AddRevision(Snapshots.Record(after, RevisionSubject.Event, ev.Id, ev.Id, null, action, description, user, now));
        if (form.NoteKind is { } noteKind)
            tx.AddPublicNote(new PublicNote { Kind = noteKind, Text = form.NoteText.Trim(), At = now, RevisionId = revision.Id }, ev);
        return new Saved(ev.Id, ev.Slug, ev.Version);
    }

    /// <summary>Why the form cannot be saved (the event is gone, someone saved it since the form was loaded, or a
    /// field is wrong), or null and the save's <paramref name="target"/>. A new event without an address gets one from
    /// its date and title.</summary>
    private SaveOutcome? Check(StoreTransaction tx, EventForm form, string action, FieldErrors errors, PartialDate start, out Target target)
    {
        target = null!;
        var storyline = form.StorylineId is { } storylineId ? store.Storylines.FindById(storylineId) : null;
        if (form.StorylineId is not null && storyline is null)
            errors.Set("era", "That storyline no longer exists; choose another.");
        Event? stored = null;
        if (form.Id is { } id)
        {
            stored = store.Events.FindById(id);
            if (stored is null || (stored.Status == EventStatus.Deleted && action != "restored"))
                return new Missing("This event no longer exists or is in the trash.");
            if (stored.Version != form.Version)
                return ConflictOf(stored);
        }
        var slug = form.Slug.Trim();
        if (errors.Count == 0)
        {
            if (slug.Length == 0)
                slug = Slugs.MakeUnique(Slugs.ForEvent(start, form.Title.Trim()), candidate => tx.IsSlugTaken(candidate, form.Id));
            else if (tx.IsSlugTaken(slug, form.Id))
                errors.Set("slug", $"\"{slug}\" is already the address (or a former address) of another event.");
        }
        // A difference quotes the event's linked articles: a new event has none yet.
        var linked = form.Id is { } eventId ? LinkedArticleIds(eventId) : [];
        var differences = DifferenceRules.Check(form.Differences, articleId => linked.Contains(articleId) ? tx.ReadText(articleId) : null, errors);
        if (errors.Count > 0)
            return new Invalid(errors);
        target = new Target(stored, storyline, slug, differences!);
        return null;
    }

    /// <summary>The form's fields on the event, its tags created where new; the tags, for its revision.</summary>
    private static List<Tag> Fill(StoreTransaction tx, Event ev, EventForm form, string slug, PartialDate start, PartialDate? end, Storyline? storyline)
    {
        ev.Slug = slug;
        ev.Title = form.Title.Trim();
        ev.Summary = form.Summary;
        ev.Start = start;
        ev.End = end;
        ev.StorylineId = storyline?.Id;
        ev.Status = form.Status;
        var tags = Enum.GetValues<TagKind>()
            .SelectMany(kind => form.TagsOf(kind).Select(name => (Kind: kind, Name: name.Trim(), Slug: Slugs.Slugify(name))))
            .DistinctBy(t => (t.Kind, t.Slug))
            .Select(t => tx.EnsureTag(t.Kind, t.Name, t.Slug))
            .ToList();
        ev.TagIds = [.. tags.Select(t => t.Id)];
        ev.Media = form.Media.ToMedia();
        return tags;
    }

    private HashSet<int> LinkedArticleIds(int eventId) => [.. store.LinksOfEvent(eventId).ToEnumerable().Select(l => l.ArticleId)];

    private Conflict ConflictOf(Event stored) =>
        new(EventSnapshot.Of(stored, store).ToForm(stored.Id, stored.Version), stored.UpdatedBy, stored.UpdatedAt);
}
