using Timeline.Core.Curation;
using Timeline.Core.Domain;
using Timeline.Core.Storage;
using Timeline.Core.Text;

namespace Timeline.Core.Importing;

/// <summary>
/// Imports a TimelineJS timeline (<see cref="TimelineJsReader"/>): the title slide becomes a storyline (or the
/// events go into one the curator picks), storylines become storylines with their spans, each event keeps exactly the
/// precision its date parts give, HTML becomes safe Markdown, a group becomes a topic (or the storyline it names), and a
/// valid unique_id the slug. Planned first, as a preview; stored in one transaction, re-planned inside it, and only
/// when no entry has an error. An event already on the timeline (same title and start) is not created again.
/// </summary>
public sealed class TimelineJsImporter(TimelineStore store, IContentChangeListener listener, TimeProvider clock)
{
    public const string Action = "imported";
    private static readonly string[] Palette = ["#3d6fb6", "#b5533c", "#4f8a3c", "#8a5fb0", "#b08a2e", "#2f8a8a"];

    public TimelineJsPreview Preview(TimelineJsFile file, TimelineJsImportOptions options) =>
        new TimelineJsPlanner(store, file, options).Plan();

    public async Task<TimelineJsImportResult> ImportAsync(TimelineJsFile file, TimelineJsImportOptions options, string user, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var result = store.Write(tx =>
        {
            var plan = Preview(file, options); // inside the writer's gate: nothing can change between the checks and the writes
            if (!plan.CanImport)
                return new TimelineJsImportResult(plan, null, null);
            var storylines = new Dictionary<string, Storyline>();
            var created = 0;
            foreach (var planned in plan.Storylines)
            {
                if (planned.Exists)
                {
                    storylines[planned.Slug] = store.StorylineBySlug(planned.Slug).First();
                    continue;
                }
                var storyline = new Storyline
                {
                    Id = tx.NextIntId("storylines"), Slug = planned.Slug, Title = planned.Title, Description = planned.Description,
                    Colour = Palette[created++ % Palette.Length], Start = planned.Start, End = planned.End,
                };
                store.Storylines.Insert(storyline);
                storylines[storyline.Slug] = storyline;
                tx.AddRevision(Snapshots.Record(StorylineSnapshot.Of(storyline), RevisionSubject.Storyline, storyline.Id, null, null, Action,
                    $"Imported the storyline \"{storyline.Title}\" from TimelineJS", user, now));
            }
            foreach (var planned in plan.Events)
            {
                var storyline = planned.StorylineSlug is { } slug ? storylines[slug] : null;
                var tags = planned.Topics.Select(t => tx.EnsureTag(TagKind.Topic, t, Slugs.Slugify(t))).DistinctBy(t => t.Id).ToList();
                var ev = new Event
                {
                    Id = tx.NextIntId("events"), Slug = planned.Slug, Title = planned.Title, Summary = planned.Summary,
                    Start = planned.Start, End = planned.End, StorylineId = storyline?.Id, TagIds = [.. tags.Select(t => t.Id)], Media = planned.Media,
                    Status = plan.Publish ? EventStatus.Published : EventStatus.Draft,
                    CreatedAt = now, CreatedBy = user, UpdatedAt = now, UpdatedBy = user,
                };
                tx.SetSlug(ev.Id, null, ev.Slug, now);
                tx.PutEvent(null, ev);
                tx.AddRevision(Snapshots.Record(EventSnapshot.Of(ev, tags, storyline?.Title, EventSnapshot.SourceNames(tx.Store)), RevisionSubject.Event, ev.Id, ev.Id, null, Action,
                    "Imported from TimelineJS" + (plan.Publish ? " and published" : " as a draft"), user, now));
            }
            return new TimelineJsImportResult(plan, plan.Events.Count, created);
        });
        if (result.EventsCreated is not null)
            await listener.ContentChangedAsync(cancellationToken);
        return result;
    }
}
