using LiteDB;
using Microsoft.Extensions.Logging.Abstractions;
using Timeline.Core.Curation;
using Timeline.Core.Dates;
using Timeline.Core.Domain;
using Timeline.Core.Seeding;
using Timeline.Core.Storage;
using Timeline.Tests.Support;

namespace Timeline.Core.Tests.Seeding;

public sealed class SeedImporterTests
{
    private static readonly SeedPlan Shipped = SeedManifestLoader.Load(Seeds.Directory);

    [Fact]
    public async Task Imports_the_seeds_into_an_empty_store()
    {
        await using var database = TestStore.CreateEmpty();
        var report = new SeedImporter(database.Store, TimeProvider.System).Import(Shipped);

        Assert.Equal(new SeedReport(3, 5, Shipped.Events.Count, Shipped.Events.Sum(e => e.Links.Count)), report);
        var store = database.Store;
        Assert.Equal(5, store.Articles.Count());
        Assert.Equal(report.Links, store.Links.Count());
        var relaunch = store.Events.FindAll().Single(e => e.Slug.StartsWith("2013-07-"));
        Assert.Equal(DatePrecision.Month, relaunch.Start.Precision);
        Assert.Equal(EventStatus.Published, relaunch.Status);
        Assert.Equal(SeedImporter.SeedUser, relaunch.CreatedBy);
        Assert.Contains(store.Tags.FindByIds(relaunch.TagIds), t => t.Kind == TagKind.Actor && t.Name == "John Kerry");
        var article = store.Articles.FindOne(a => a.ImportOrigin == "seed:002_95383a19cb279dd7.txt");
        Assert.DoesNotContain("document.getElementById", ArticleTextCodec.Decompress(store.ArticleTexts.FindById(article.Id).Compressed));
        Assert.Equal("The Jerusalem Post", article.Outlet);
    }

    [Fact]
    public async Task Importing_twice_creates_nothing_twice()
    {
        await using var database = TestStore.CreateEmpty();
        var importer = new SeedImporter(database.Store, TimeProvider.System);
        importer.Import(Shipped);
        var second = importer.Import(SeedManifestLoader.Load(Seeds.Directory));

        Assert.Equal(new SeedReport(0, 0, 0, 0), second);
        var store = database.Store;
        Assert.Equal(Shipped.Events.Count, store.Events.Count());
        Assert.Equal(5, store.Articles.Count());
        Assert.Equal(3, store.Storylines.Count());
        Assert.Equal(store.Tags.FindAll().Select(t => (t.Kind, t.Slug)).Distinct().Count(), store.Tags.Count());
    }

    [Fact]
    public async Task A_failed_import_leaves_the_store_as_it_was()
    {
        await using var database = TestStore.CreateEmpty();
        var article = Shipped.Articles[0];
        var ev = Shipped.Events[0];
        // Linking one article twice to one event breaks the unique index, at the very end of the import.
        var doubled = ev with { Links = [ev.Links[0] with { ArticleFile = article.File }, new PlannedLink(article.File, LinkRole.Report, "x", null)] };
        var plan = Shipped with { Events = [doubled] };

        Assert.Throws<LiteException>(() => new SeedImporter(database.Store, TimeProvider.System).Import(plan));

        Assert.Equal(0, database.Store.Storylines.Count());
        Assert.Equal(0, database.Store.Articles.Count());
        Assert.Equal(0, database.Store.Events.Count());
        Assert.Equal(0, database.Store.Counts.Count());
    }

    [Fact]
    public async Task Initialize_seeds_only_an_empty_store()
    {
        await using var database = TestStore.CreateEmpty();
        var importer = new SeedImporter(database.Store, TimeProvider.System);

        var first = importer.SeedIfEmpty(Seeds.Directory, NullLogger.Instance);
        Assert.NotNull(first);
        Assert.Equal(Shipped.Events.Count, first.Events);

        // A curator's change must survive a restart: a non-empty store is never touched.
        var events = database.Events();
        var form = events.Load(1)!;
        form.Title = "Edited by a curator";
        Assert.IsType<Saved>(await events.SaveAsync(form, "ada"));
        database.Store.Write(tx => tx.RemoveArticle(tx.Store.Articles.FindById(1)));
        database.Reopen();
        var second = new SeedImporter(database.Store, TimeProvider.System).SeedIfEmpty(Seeds.Directory, NullLogger.Instance);
        Assert.Null(second);
        Assert.Equal(4, database.Store.Articles.Count());
        Assert.True(database.Store.Events.Exists(e => e.Title == "Edited by a curator"));
    }

    [Fact]
    public async Task A_broken_manifest_stops_initialization_and_writes_nothing()
    {
        await using var database = TestStore.CreateEmpty();
        var folder = Seeds.CopyToTemp();
        File.WriteAllText(Path.Combine(folder, SeedManifestLoader.ManifestFileName), """{"articles": [], "events": [{"title": "x"}]}""");

        var error = Assert.Throws<SeedManifestException>(() =>
            new SeedImporter(database.Store, TimeProvider.System).SeedIfEmpty(folder, NullLogger.Instance));
        Assert.Contains("events[0] (x): \"start\" is missing", error.Message);
        Assert.Equal(0, database.Store.Events.Count());
    }

    [Fact]
    public async Task Saving_an_event_bumps_its_version_so_a_stale_edit_is_refused()
    {
        await using var database = await TestStore.CreateSeededAsync();
        var events = database.Events();
        var mine = events.Load(1)!;
        var theirs = events.Load(1)!;

        mine.Title = "First edit";
        Assert.Equal(1, Assert.IsType<Saved>(await events.SaveAsync(mine, "ada")).Version);

        theirs.Title = "Second edit, from a stale copy";
        Assert.IsType<Conflict>(await events.SaveAsync(theirs, "bea"));
    }
}
