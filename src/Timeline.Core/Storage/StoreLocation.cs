using LiteDB;
using Microsoft.Extensions.Logging;
using Timeline.Core.Seeding;

namespace Timeline.Core.Storage;

/// <summary>Where the store lives, and filling an empty one from the seeds on first start.</summary>
public static class StoreLocation
{
    public const string DefaultConnectionString = "Filename=App_Data/timeline.db";

    /// <summary>
    /// The store file named by a connection string in LiteDB's syntax ("Filename=/srv/timeline.db", or just a path);
    /// "Data Source=" (the SQLite era's key) is understood too. A relative path is taken from
    /// <paramref name="baseDirectory"/>, so the app finds the same file whatever the working directory.
    /// </summary>
    public static string ResolvePath(string? configured, string baseDirectory)
    {
        var text = string.IsNullOrWhiteSpace(configured) ? DefaultConnectionString : configured.Trim();
        string? path;
        if (text.Contains('='))
        {
            var values = text.Split(';', StringSplitOptions.RemoveEmptyEntries)
                .Select(part => part.Split('=', 2))
                .Where(pair => pair.Length == 2)
                .ToDictionary(pair => pair[0].Trim(), pair => pair[1].Trim(), StringComparer.OrdinalIgnoreCase);
            path = values.GetValueOrDefault("filename") ?? values.GetValueOrDefault("data source");
            if (string.IsNullOrWhiteSpace(path))
                throw new ArgumentException($"The connection string \"{text}\" names no file: write Filename=PATH.");
        }
        else
        {
            path = text;
        }
        return Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(baseDirectory, path));
    }

    /// <summary>Fills an empty store from the seeds folder; a store that holds anything is left as it is.</summary>
    public static async Task<SeedReport?> InitializeAsync(TimelineStore store, SeedImporter importer, string seedsDirectory, ILogger logger,
        CancellationToken cancellationToken = default)
    {
        var isEmpty = !store.Events.Exists(Query.All()) && !store.Articles.Exists(Query.All()) && !store.Storylines.Exists(Query.All());
        if (!isEmpty)
        {
            logger.LogInformation("The timeline store already holds data; the seeds are not imported.");
            return null;
        }
        var plan = SeedManifestLoader.Load(seedsDirectory);
        var report = await importer.ImportAsync(plan, cancellationToken);
        logger.LogInformation("Seeded the empty timeline store from {Seeds}: {Storylines} storylines, {Articles} articles, {Events} events, {Links} links.",
            seedsDirectory, report.Storylines, report.Articles, report.Events, report.Links);
        return report;
    }
}
