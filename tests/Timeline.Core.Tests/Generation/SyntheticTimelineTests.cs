using Timeline.Core.Generation;
using Timeline.Core.Storage;
using Timeline.Tests.Support;

namespace Timeline.Core.Tests.Generation;

public sealed class SyntheticTimelineTests
{
    [Fact]
    public async Task The_same_seed_gives_the_same_timeline_with_verbatim_passages_and_consistent_derived_data()
    {
        var firstFolder = TestStore.NewFolder();
        var secondFolder = TestStore.NewFolder();
        var report = SyntheticTimeline.Generate(TestStore.StoreFile(firstFolder), new GenerateOptions(60, 25, Seed: 3));
        SyntheticTimeline.Generate(TestStore.StoreFile(secondFolder), new GenerateOptions(60, 25, Seed: 3));
        Assert.Equal((60, 25, 20), (report.Events, report.Articles, report.Storylines));
        await using var first = TestStore.Open(firstFolder);
        await using var second = TestStore.Open(secondFolder);

        static List<string> Describe(TestStore database) =>
            [.. database.Store.Events.Query().OrderBy(e => e.Id).ToEnumerable().Select(e => $"{e.Slug}|{e.Title}|{e.Start}|{e.Status}")];
        Assert.Equal(Describe(first), Describe(second));

        var links = first.Store.Links.FindAll().ToList();
        Assert.Equal(report.Links, links.Count);
        Assert.All(links, l => Assert.Contains(l.Passage, ArticleTextCodec.Decompress(first.Store.ArticleTexts.FindById(l.ArticleId).Compressed)));
        // The bulk load computes derived data and counts as every curator's write does, and builds the search index.
        Assert.Empty(StoreAudit.Check(first.Store));
        Assert.NotEmpty((first.Search().Search("the")).Hits);
    }

    [Fact]
    public async Task Generating_into_a_store_that_holds_a_timeline_is_refused()
    {
        await using var seeded = await TestStore.CreateSeededAsync();
        seeded.Close();
        var error = Assert.Throws<InvalidOperationException>(() =>
            SyntheticTimeline.Generate(seeded.Path, new GenerateOptions(5, 5)));
        Assert.Contains("already holds a timeline", error.Message);
        seeded.Reopen(); // for its disposal
    }
}
