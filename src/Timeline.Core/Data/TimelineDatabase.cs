using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Timeline.Core.Seeding;

namespace Timeline.Core.Data;

/// <summary>Where the database lives, and bringing it up to date on start.</summary>
public static class TimelineDatabase
{
    public const string DefaultConnectionString = "Data Source=App_Data/timeline.db";

    /// <summary>
    /// Makes a relative SQLite file path absolute against <paramref name="baseDirectory"/> and creates its
    /// folder, so the app finds the same file whatever the working directory.
    /// </summary>
    public static string ResolveConnectionString(string? configured, string baseDirectory)
    {
        var builder = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(configured) ? DefaultConnectionString : configured);
        var source = builder.DataSource;
        if (string.IsNullOrEmpty(source) || source == ":memory:" || builder.Mode == SqliteOpenMode.Memory)
            return builder.ToString();
        if (!Path.IsPathRooted(source))
            builder.DataSource = Path.GetFullPath(Path.Combine(baseDirectory, source));
        Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        return builder.ToString();
    }

    /// <summary>Applies the migrations, switches the file to WAL, and fills an empty database from the seeds folder.</summary>
    public static async Task<SeedReport?> InitializeAsync(
        IDbContextFactory<TimelineDbContext> contexts, SeedImporter importer, string seedsDirectory, ILogger logger,
        CancellationToken cancellationToken = default)
    {
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            await db.Database.MigrateAsync(cancellationToken);
            // WAL lets readers go on while a curator writes; the mode is stored in the file itself.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            var isEmpty = !await db.Events.AnyAsync(cancellationToken) && !await db.Articles.AnyAsync(cancellationToken)
                && !await db.Eras.AnyAsync(cancellationToken);
            if (!isEmpty)
            {
                logger.LogInformation("The timeline database already holds data; the seeds are not imported.");
                return null;
            }
        }
        var plan = SeedManifestLoader.Load(seedsDirectory);
        var report = await importer.ImportAsync(plan, cancellationToken);
        logger.LogInformation("Seeded the empty timeline database from {Seeds}: {Eras} eras, {Articles} articles, {Events} events, {Links} links.",
            seedsDirectory, report.Eras, report.Articles, report.Events, report.Links);
        return report;
    }
}
