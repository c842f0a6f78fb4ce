using Timeline.Core.Curation;
using Timeline.Core.Dates;
using Timeline.Core.Domain;
using Timeline.Core.Storage;
using Timeline.Tests.Support;

namespace Timeline.EndToEnd.Tests.Durability;

/// <summary>Two curators saving at the same moment (two threads through the same services, as two circuits do):
/// nothing is lost, and the conflict rule holds: of two saves from the same version, one is stored and the other
/// is told of the conflict.</summary>
public sealed class ConcurrentCuratorsTests
{
    private static EventForm NewEvent(string title) => new()
    {
        Title = title, Status = EventStatus.Published, Topics = ["Concurrency"],
        Start = new PartialDateInput { Precision = DatePrecision.Day, Year = 2021, Month = 3, Day = 1 },
    };

    [Fact]
    public async Task Saves_on_two_threads_lose_nothing()
    {
        await using var database = await TestStore.CreateSeededAsync();
        var events = database.Events();
        var saved = await Task.WhenAll(Enumerable.Range(0, 2).Select(curator => Task.Run(async () =>
        {
            var ids = new List<int>();
            for (var i = 0; i < 25; i++)
            {
                var created = Assert.IsType<Saved>(await events.SaveAsync(NewEvent($"Curator {curator} event {i}"), $"curator-{curator}"));
                var form = events.Load(created.Id)!;
                form.Summary = $"Edited by curator {curator}";
                Assert.IsType<Saved>(await events.SaveAsync(form, $"curator-{curator}"));
                ids.Add(created.Id);
            }
            return ids;
        })));

        var all = saved.SelectMany(ids => ids).ToList();
        Assert.Equal(50, all.Distinct().Count());
        foreach (var id in all)
        {
            var ev = database.Store.Events.FindById(id);
            Assert.Equal((1, true), (ev.Version, ev.Summary.StartsWith("Edited by curator")));
            Assert.Equal(2, (database.History().ForEvent(id)).Count);
        }
        Assert.Empty(StoreAudit.Check(database.Store));
        Assert.Single(database.Store.Tags.FindAll(), t => t.Name == "Concurrency"); // made once, though both asked for it at once
    }

    [Fact]
    public async Task Two_saves_of_one_version_store_one_and_report_a_conflict_for_the_other()
    {
        await using var database = await TestStore.CreateSeededAsync();
        var events = database.Events();
        var id = Assert.IsType<Saved>(await events.SaveAsync(NewEvent("Contested event"), "ada")).Id;
        for (var round = 0; round < 20; round++)
        {
            var mine = events.Load(id)!;
            var theirs = events.Load(id)!;
            mine.Title = $"Mine {round}";
            theirs.Summary = $"Theirs {round}";
            var outcomes = await Task.WhenAll(
                Task.Run(() => events.SaveAsync(mine, "ada")),
                Task.Run(() => events.SaveAsync(theirs, "bea")));
            Assert.Single(outcomes.OfType<Saved>());
            var conflict = Assert.Single(outcomes.OfType<Conflict>());
            // The refused curator is shown what the other stored, from which to merge.
            var stored = events.Load(id)!;
            Assert.Equal(stored.Version, conflict.Current.Version);
        }
        Assert.Equal(20, database.Store.Events.FindById(id).Version);
        Assert.Equal(21, (database.History().ForEvent(id)).Count);
    }
}
