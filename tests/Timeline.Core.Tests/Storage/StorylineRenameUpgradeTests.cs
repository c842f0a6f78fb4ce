using LiteDB;
using Timeline.Core.Curation;
using Timeline.Core.Domain;
using Timeline.Core.Storage;
using Timeline.Tests.Support;

namespace Timeline.Core.Tests.Storage;

/// <summary>
/// A store written by the app before storylines were called so in the store (version 4: the "eras" collection, an
/// event's "EraId", revisions of subject "Era"), made by that version's own commands (generate, then a TimelineJS
/// import, which records revisions of storylines and events): it opens, and every storyline, link to one, revision
/// and snapshot is there under its new name.
/// </summary>
public sealed class StorylineRenameUpgradeTests
{
    private static string Fixture => Path.Combine(AppContext.BaseDirectory, "Fixtures", "stores", "version-4.db");

    [Fact]
    public async Task A_version_4_store_opens_with_its_eras_as_storylines()
    {
        var folder = TestStore.NewFolder();
        Directory.CreateDirectory(folder);
        File.Copy(Fixture, TestStore.StoreFile(folder));

        int eras, filed, eraRevisions, eventRevisions;
        Dictionary<int, int> storylineOf;
        using (var old = new LiteDatabase($"Filename={TestStore.StoreFile(folder)}"))
        {
            Assert.Equal(4, old.GetCollection("meta").FindById("version")["N"].AsInt32);
            eras = old.GetCollection("eras").Count();
            storylineOf = old.GetCollection("events").FindAll().Where(e => e.ContainsKey("EraId"))
                .ToDictionary(e => e["_id"].AsInt32, e => e["EraId"].AsInt32);
            filed = storylineOf.Count;
            eraRevisions = old.GetCollection("revisions").Count(Query.EQ("Subject", "Era"));
            eventRevisions = old.GetCollection("revisions").Find(Query.EQ("Subject", "Event")).Count(r => r["Snapshot"].AsString.Contains("\"eraId\":"));
        }
        Assert.True(eras >= 2 && filed >= 10 && eraRevisions >= 2 && eventRevisions >= 4, $"{eras} eras, {filed} filed events, {eraRevisions} + {eventRevisions} revisions");

        await using var database = TestStore.Open(folder);
        var store = database.Store;
        Assert.Equal(TimelineStore.CurrentVersion, store.Version);
        Assert.DoesNotContain("eras", store.Database.GetCollectionNames());
        Assert.Equal(eras, store.Storylines.Count());
        Assert.Equal(storylineOf, store.Events.Find(e => e.StorylineId != null).ToDictionary(e => e.Id, e => e.StorylineId!.Value));
        Assert.Equal(eraRevisions, store.Revisions.Count(r => r.Subject == RevisionSubject.Storyline));
        Assert.All(store.Revisions.Find(r => r.Subject == RevisionSubject.Storyline), r => Assert.StartsWith("Storyline:", r.SubjectKey));
        var snapshots = store.Revisions.Find(r => r.Subject == RevisionSubject.Event).Select(Snapshots.ReadEvent).ToList();
        Assert.Equal(eventRevisions, snapshots.Count(s => s.StorylineId is not null && s.Storyline is not null));
        Assert.Empty(StoreAudit.Check(store));

        // The storylines' history reads, and a new storyline takes the next id.
        var recorded = store.Revisions.FindOne(r => r.Subject == RevisionSubject.Storyline).SubjectId;
        Assert.NotEmpty(database.History().ForStoryline(recorded));
        var created = Assert.IsType<Saved>(await database.Storylines().SaveAsync(new StorylineForm
        {
            Title = "After the upgrade",
            Start = new PartialDateInput { Precision = Timeline.Core.Dates.DatePrecision.Year, Year = 2020 },
            End = new PartialDateInput { Precision = Timeline.Core.Dates.DatePrecision.Year, Year = 2021 },
        }, "ada"));
        Assert.Equal(store.Storylines.FindAll().Max(s => s.Id), created.Id);
        Assert.Equal(eras + 1, created.Id);
    }
}
