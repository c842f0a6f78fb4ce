using Microsoft.EntityFrameworkCore;
using Timeline.Core.Generation;
using Timeline.Core.Search;
using Timeline.Tests.Support;

namespace Timeline.Tests.Core.Generation;

public sealed class SyntheticTimelineTests
{
    [Fact]
    public async Task The_same_seed_gives_the_same_timeline_with_verbatim_passages()
    {
        await using var first = new TestDatabase();
        await using var second = new TestDatabase();
        var report = await SyntheticTimeline.GenerateAsync(first.Path, new GenerateOptions(60, 25, Seed: 3));
        await SyntheticTimeline.GenerateAsync(second.Path, new GenerateOptions(60, 25, Seed: 3));
        Assert.Equal((60, 25, 20), (report.Events, report.Articles, report.Eras));

        async Task<List<string>> DescribeAsync(TestDatabase database)
        {
            await using var db = database.CreateDbContext();
            return await db.Events.OrderBy(e => e.Id).Select(e => e.Slug + "|" + e.Title + "|" + e.StartsAt + "|" + e.Status).ToListAsync();
        }
        Assert.Equal(await DescribeAsync(first), await DescribeAsync(second));

        await using var context = first.CreateDbContext();
        var links = await context.Links.Select(l => new { l.Passage, l.Article!.Body }).ToListAsync();
        Assert.Equal(report.Links, links.Count);
        Assert.All(links, l => Assert.Contains(l.Passage, l.Body));
        Assert.NotEmpty((await new SearchService(first).SearchAsync("the")).Hits);
    }

    [Fact]
    public async Task Generating_into_a_database_that_holds_a_timeline_is_refused()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            SyntheticTimeline.GenerateAsync(database.Path, new GenerateOptions(5, 5)));
        Assert.Contains("already holds a timeline", error.Message);
    }
}
