using System.Text.Json;
using System.Text.RegularExpressions;
using Timeline.Core.Domain;
using Timeline.Core.Generation;
using Timeline.Core.Reading;
using Timeline.Core.Seeding;
using Timeline.Core.Storage;
using Timeline.Tests.Support;

namespace Timeline.Core.Tests.Seeding;

/// <summary>
/// The export writes the whole timeline in the seed format; an empty store filled from it shows the same public
/// pages (the same events, dates, sources, storylines, tags and redirects), and keeps the drafts and the trash.
/// </summary>
public sealed partial class ExportTests
{
    [GeneratedRegex(@"""(\w*Id)"":\d+")]
    private static partial Regex Ids();

    [GeneratedRegex(@"""UpdatedAt"":""[^""]*""")]
    private static partial Regex UpdatedAt();

    /// <summary>A reader's view as JSON, without the numbers a new store gives anew (ids) or the moment of import.</summary>
    private static string Describe(object? view) => UpdatedAt().Replace(Ids().Replace(JsonSerializer.Serialize(view), "\"$1\":0"), "");

    private static string PublicPages(TestStore database)
    {
        var queries = database.Queries();
        var pages = new List<string> { Describe((queries.GetWindow(new TimelineViewState())).Items), Describe(queries.GetFacets()) };
        foreach (var ev in database.Store.Events.Query().OrderBy(e => e.SortKey).ToEnumerable())
            pages.Add(ev.Slug + " " + Describe(queries.FindEvent(ev.Slug)));
        foreach (var former in database.Store.Slugs.Query().Where(s => !s.Current).ToEnumerable())
            pages.Add(former.Id + " → " + queries.FindEvent(former.Id).MovedTo);
        foreach (var storyline in database.Store.Storylines.FindAll())
            pages.Add(storyline.Slug + " " + Describe(queries.FindStoryline(storyline.Slug)));
        foreach (var article in database.Store.Articles.Query().OrderBy(a => a.ContentHash).ToEnumerable())
            pages.Add(article.ContentHash + " " + Describe(queries.FindArticle(article.Id)));
        // The same hits (their order by relevance may differ slightly, as an index that saw updates counts terms of
        // replaced documents until it merges them).
        foreach (var ev in database.Store.Events.Query().Where(e => e.Status == EventStatus.Published).OrderBy(e => e.SortKey).Limit(3).ToEnumerable())
            pages.Add(Describe((database.Search().Search($"\"{ev.Title}\"")).Hits.Select(h => h.Href.StartsWith("/events/") ? h.Href : h.Title).Order()));
        return string.Join("\n", pages);
    }

    private static async Task AssertRoundTripAsync(TestStore original)
    {
        var folder = Path.Combine(original.Folder, "export");
        var report = TimelineExport.Write(original.Store, folder);
        Assert.Equal((original.Store.Events.Count(), original.Store.Articles.Count()), (report.Events, report.Articles));

        await using var copy = TestStore.CreateEmpty();
        new SeedImporter(copy.Store, TimeProvider.System).Import(SeedManifestLoader.Load(folder));
        await copy.Indexer.CatchUpAsync();
        Assert.Equal(PublicPages(original), PublicPages(copy));
        foreach (var status in Enum.GetValues<EventStatus>())
            Assert.Equal(original.Store.Events.Count(e => e.Status == status), copy.Store.Events.Count(e => e.Status == status));
        Assert.Empty(StoreAudit.Check(copy.Store));
    }

    [Fact]
    public async Task The_seeded_timeline_with_curators_changes_comes_back_the_same()
    {
        await using var database = await TestStore.CreateSeededAsync();
        var events = database.Events();
        // A renamed event (its old address redirects), a draft and an event in the trash, and text as curators type it.
        var form = events.Load(1)!;
        form.Slug = "2013-07-talks-relaunched";
        form.Summary = "  Spaces, \"quotes\", العربية and עברית.\n";
        Assert.IsType<Timeline.Core.Curation.Saved>(await events.SaveAsync(form, "ada"));
        var draft = events.Load(2)!;
        draft.Status = EventStatus.Draft;
        await events.SaveAsync(draft, "ada");
        await events.DeleteAsync(3, events.Load(3)!.Version, "ada");
        // A storyline that opens at its latest events.
        var halt = database.Storylines().Load(database.Store.StorylineBySlug("2023-security-coordination-halt").First().Id)!;
        halt.OpensAtLatest = true;
        Assert.IsType<Timeline.Core.Curation.Saved>(await database.Storylines().SaveAsync(halt, "ada"));
        Assert.Contains("\"OpensAtLatest\":true", PublicPages(database));
        await AssertRoundTripAsync(database);
    }

    [Fact]
    public async Task A_generated_timeline_comes_back_the_same()
    {
        var folder = TestStore.NewFolder();
        SyntheticTimeline.Generate(TestStore.StoreFile(folder), new GenerateOptions(80, 30, Seed: 5));
        await using var database = TestStore.Open(folder);
        await AssertRoundTripAsync(database);
    }
}
