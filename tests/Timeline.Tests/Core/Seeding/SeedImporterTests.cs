using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Timeline.Core.Data;
using Timeline.Core.Dates;
using Timeline.Core.Domain;
using Timeline.Core.Seeding;
using Timeline.Tests.Support;

namespace Timeline.Tests.Core.Seeding;

public sealed class SeedImporterTests
{
    private static readonly SeedPlan Shipped = SeedManifestLoader.Load(Seeds.Directory);

    [Fact]
    public async Task Imports_the_seeds_into_an_empty_database()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        var report = await new SeedImporter(database, TimeProvider.System).ImportAsync(Shipped);

        Assert.Equal(new SeedReport(3, 5, Shipped.Events.Count, Shipped.Events.Sum(e => e.Links.Count)), report);
        await using var db = database.CreateDbContext();
        Assert.Equal(5, await db.Articles.CountAsync());
        Assert.Equal(report.Links, await db.Links.CountAsync());
        var relaunch = await db.Events.Include(e => e.Tags).SingleAsync(e => e.Slug.StartsWith("2013-07-"));
        Assert.Equal(DatePrecision.Month, relaunch.StartPrecision);
        Assert.Equal(EventStatus.Published, relaunch.Status);
        Assert.Equal(SeedImporter.SeedUser, relaunch.CreatedBy);
        Assert.Contains(relaunch.Tags, t => t.Kind == TagKind.Actor && t.Name == "John Kerry");
        var article = await db.Articles.SingleAsync(a => a.ImportOrigin == "seed:002_95383a19cb279dd7.txt");
        Assert.DoesNotContain("document.getElementById", article.Body);
        Assert.Equal("The Jerusalem Post", article.Outlet);
    }

    [Fact]
    public async Task Importing_twice_creates_nothing_twice()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        var importer = new SeedImporter(database, TimeProvider.System);
        await importer.ImportAsync(Shipped);
        var second = await importer.ImportAsync(SeedManifestLoader.Load(Seeds.Directory));

        Assert.Equal(new SeedReport(0, 0, 0, 0), second);
        await using var db = database.CreateDbContext();
        Assert.Equal(Shipped.Events.Count, await db.Events.CountAsync());
        Assert.Equal(5, await db.Articles.CountAsync());
        Assert.Equal(3, await db.Eras.CountAsync());
        Assert.Equal(await db.Tags.Select(t => new { t.Kind, t.Slug }).Distinct().CountAsync(), await db.Tags.CountAsync());
    }

    [Fact]
    public async Task A_failed_import_leaves_the_database_as_it_was()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        var article = Shipped.Articles[0];
        var ev = Shipped.Events[0];
        // Linking one article twice to one event breaks the unique index, at the very end of the import.
        var doubled = ev with { Links = [ev.Links[0] with { ArticleFile = article.File }, new PlannedLink(article.File, LinkRole.Report, "x", null)] };
        var plan = Shipped with { Events = [doubled] };

        await Assert.ThrowsAsync<DbUpdateException>(() => new SeedImporter(database, TimeProvider.System).ImportAsync(plan));

        await using var db = database.CreateDbContext();
        Assert.Equal(0, await db.Eras.CountAsync());
        Assert.Equal(0, await db.Articles.CountAsync());
        Assert.Equal(0, await db.Events.CountAsync());
    }

    [Fact]
    public async Task Initialize_migrates_uses_wal_and_seeds_only_an_empty_database()
    {
        await using var database = new TestDatabase();
        var importer = new SeedImporter(database, TimeProvider.System);

        var first = await TimelineDatabase.InitializeAsync(database, importer, Seeds.Directory, NullLogger.Instance);
        Assert.NotNull(first);
        Assert.Equal(Shipped.Events.Count, first.Events);

        // A curator's change must survive a restart: a non-empty database is never touched.
        await using (var db = database.CreateDbContext())
        {
            var ev = await db.Events.FirstAsync();
            ev.Title = "Edited by a curator";
            db.Articles.Remove(await db.Articles.FirstAsync());
            await db.SaveChangesAsync();
        }
        var second = await TimelineDatabase.InitializeAsync(database, importer, Seeds.Directory, NullLogger.Instance);
        Assert.Null(second);
        await using (var db = database.CreateDbContext())
        {
            Assert.Equal(4, await db.Articles.CountAsync());
            Assert.True(await db.Events.AnyAsync(e => e.Title == "Edited by a curator"));
        }

        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task A_broken_manifest_stops_initialization_and_writes_nothing()
    {
        await using var database = new TestDatabase();
        var folder = Seeds.CopyToTemp();
        File.WriteAllText(Path.Combine(folder, SeedManifestLoader.ManifestFileName), """{"articles": [], "events": [{"title": "x"}]}""");

        var error = await Assert.ThrowsAsync<SeedManifestException>(() =>
            TimelineDatabase.InitializeAsync(database, new SeedImporter(database, TimeProvider.System), folder, NullLogger.Instance));
        Assert.Contains("events[0] (x): \"start\" is missing", error.Message);

        await using var db = database.CreateDbContext();
        Assert.Equal(0, await db.Events.CountAsync());
    }

    [Fact]
    public async Task Saving_an_event_bumps_its_version_so_a_stale_edit_is_refused()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        await using var first = database.CreateDbContext();
        await using var second = database.CreateDbContext();
        var mine = await first.Events.OrderBy(e => e.Id).FirstAsync();
        var theirs = await second.Events.OrderBy(e => e.Id).FirstAsync();

        mine.Title = "First edit";
        await first.SaveChangesAsync();
        Assert.Equal(1, mine.Version);

        theirs.Title = "Second edit, from a stale copy";
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
    }
}
