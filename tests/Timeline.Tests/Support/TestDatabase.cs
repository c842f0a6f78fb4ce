using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Timeline.Core.Data;
using Timeline.Core.Seeding;

namespace Timeline.Tests.Support;

/// <summary>A real SQLite file in the temp folder, migrated, deleted when the test ends.</summary>
public sealed class TestDatabase : IDbContextFactory<TimelineDbContext>, IAsyncDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"timeline-test-{Guid.NewGuid():N}.db");

    public string ConnectionString => $"Data Source={Path}";

    public TimelineDbContext CreateDbContext()
    {
        var options = new DbContextOptionsBuilder<TimelineDbContext>();
        TimelineDbContextSetup.Configure(options, ConnectionString);
        return new TimelineDbContext(options.Options);
    }

    public static async Task<TestDatabase> CreateMigratedAsync()
    {
        var database = new TestDatabase();
        await using var db = database.CreateDbContext();
        await db.Database.MigrateAsync();
        return database;
    }

    /// <summary>A migrated database filled from the real seeds/ folder.</summary>
    public static async Task<TestDatabase> CreateSeededAsync()
    {
        var database = await CreateMigratedAsync();
        await new SeedImporter(database, TimeProvider.System).ImportAsync(SeedManifestLoader.Load(Seeds.Directory));
        return database;
    }

    public ValueTask DisposeAsync()
    {
        Delete(Path);
        return ValueTask.CompletedTask;
    }

    /// <summary>Removes a SQLite file with its WAL and shared-memory companions, once no pooled connection holds them.</summary>
    public static void Delete(string path)
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            File.Delete(file);
    }
}
