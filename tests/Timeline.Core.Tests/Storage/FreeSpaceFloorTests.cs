using Timeline.Core.Curation;
using Timeline.Core.Dates;
using Timeline.Core.Storage;
using Timeline.Tests.Support;

namespace Timeline.Core.Tests.Storage;

public sealed class FreeSpaceFloorTests
{
    [Fact]
    public async Task Below_the_floor_a_write_is_refused_before_it_starts_and_nothing_is_written()
    {
        await using var database = await TestStore.CreateSeededAsync();
        var store = database.Store;
        Assert.True(store.FreeSpace > 0);
        var events = store.Events.Count();
        var revisions = store.Revisions.Count();
        store.FreeSpaceFloor = store.FreeSpace!.Value + 1_000_000_000_000;

        var refused = await Assert.ThrowsAsync<StoreFullException>(() => database.Events().SaveAsync(new EventForm
        {
            Title = "Not on a full disk", Start = new PartialDateInput { Precision = DatePrecision.Year, Year = 2024 },
        }, "ada"));
        Assert.StartsWith("Not saved: the disk that holds the store has ", refused.Message);
        Assert.Contains("MB free, below the ", refused.Message);
        Assert.Equal((events, revisions), (store.Events.Count(), store.Revisions.Count()));
        Assert.Empty(StoreAudit.Check(store));

        store.FreeSpaceFloor = 0;
        Assert.IsType<Saved>(await database.Events().SaveAsync(new EventForm
        {
            Title = "Saved once space is back", Start = new PartialDateInput { Precision = DatePrecision.Year, Year = 2024 },
        }, "ada"));
        Assert.Equal(events + 1, store.Events.Count());
    }
}
