using Microsoft.Extensions.Logging;
using Timeline.Core.Domain;

namespace Timeline.Core.Storage;

/// <summary>The file is newer than this app: it was written by a later version, which this one cannot read safely.</summary>
public sealed class StoreVersionException(string path, int version, int current)
    : Exception($"The timeline store {path} has version {version}, newer than this app's {current}. Run the newer app, or restore a backup or export.");

/// <summary>
/// Schema evolution in place of migrations: the file records the version of its document shapes, and each step
/// below brings a file of the version before it up to date, in one transaction, when the app opens it.
/// </summary>
public static class StoreUpgrades
{
    /// <summary>The version this code writes. Add a step to <see cref="Steps"/> whenever it grows.</summary>
    public const int CurrentVersion = 4;

    /// <summary>Step n brings a version n-1 file to version n.</summary>
    private static readonly SortedDictionary<int, (string What, Action<StoreTransaction> Run)> Steps = new()
    {
        [2] = ("tags get a folded name key, for suggestions as an editor types", tx =>
        {
            foreach (var tag in tx.Store.Tags.FindAll().ToList())
            {
                tag.NameKey = Tag.NameKeyOf(tag.Kind, tag.Name);
                tx.Store.Tags.Update(tag);
            }
        }),
        [3] = ("events keep their excerpt, so a page of the timeline parses no Markdown", tx =>
        {
            foreach (var ev in tx.Store.Events.FindAll().ToList())
            {
                EventDerivation.Refresh(ev, tx.LinkedArticles(ev.Id));
                tx.Store.Events.Update(ev);
            }
        }),
        [4] = ("no month counts for events without a storyline (\"m:e0:\"): nothing read them", tx =>
        {
            foreach (var count in tx.Store.CountsStartingWith(TimelineKeys.MonthCountPrefix(0)).ToList())
                tx.Store.Counts.Delete(count.Id);
        }),
    };

    public static void Run(TimelineStore store, bool isNew, ILogger logger)
    {
        var version = store.Version;
        if (isNew || (version == 0 && store.Database.GetCollectionNames().All(n => n == "meta")))
        {
            store.Write(tx => SetVersion(tx, CurrentVersion));
            return;
        }
        if (version > CurrentVersion)
            throw new StoreVersionException(store.FilePath, version, CurrentVersion);
        foreach (var (target, step) in Steps.Where(s => s.Key > version))
        {
            logger.LogInformation("Upgrading the store {Path} to version {Version}: {What}.", store.FilePath, target, step.What);
            store.Write(tx =>
            {
                step.Run(tx);
                SetVersion(tx, target);
            });
        }
    }

    private static void SetVersion(StoreTransaction tx, int version) =>
        tx.Store.Meta.Upsert(new MetaEntry { Id = MetaEntry.VersionKey, N = version });
}
