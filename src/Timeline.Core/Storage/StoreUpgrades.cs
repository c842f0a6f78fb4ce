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
public static partial class StoreUpgrades
{
    /// <summary>The version this code writes. Add a step to <see cref="Steps"/> whenever it grows.</summary>
    public const int CurrentVersion = 7;

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
            // The excerpt only: the other derived fields move counts, which the steps that change them keep (version 7).
            foreach (var ev in tx.Store.Events.FindAll().ToList())
            {
                ev.Excerpt = EventDerivation.ExcerptOf(ev);
                tx.Store.Events.Update(ev);
            }
        }),
        [4] = ("no month counts for events without a storyline (\"m:e0:\"): nothing read them", tx =>
        {
            foreach (var count in tx.Store.CountsStartingWith(TimelineKeys.MonthCountPrefix(0)).ToList())
                tx.Store.Counts.Delete(count.Id);
        }),
        [5] = ("storylines are called so in the store too, as in the app (they were \"eras\")", _ => { }), // see Renames
        [6] = ("the dates in each article's text are read (in the background, once the app runs)", tx =>
            // One expression over the raw documents: no article is read into a class and written back whole.
            tx.Store.Database.GetCollection("articles").UpdateMany("{ DatesPending: true }", "_id > 0")),
        [7] = ("events can be listed where their sources differ or rest on one outlet, and by the dates their sources give", tx =>
        {
            // Before this version no event held differences or a source's date, so the one derived field that changes
            // is the "one outlet" facet: the events resting on one outlet are stored again through the one write path
            // (their facets, counts and search documents follow), the others would come out the same. Storing all
            // 100,000 events of the benchmark's store took 61 s.
            foreach (var ev in tx.Store.Events.FindAll().Where(EventDerivation.IsSingleSourced).ToList())
                tx.PutEvent(tx.Copy(ev), ev);
        }),
    };

    /// <summary>
    /// Renames that step n brings, done on the raw documents. The steps read documents through the current classes,
    /// which know only the new names, so a file below version n is renamed first, before every step it lacks.
    /// Each rename can run twice (a crash before its step is recorded).
    /// </summary>
    private static readonly SortedDictionary<int, Action<StoreTransaction>> Renames = new()
    {
        [5] = RenameErasToStorylines,
    };

    /// <summary>
    /// The collection "eras" becomes "storylines" (copied: the empty new one exists already, made with its indexes when
    /// the store opened; the emptied old one is dropped after the upgrade), its id sequence follows, an event's "EraId" is its "StorylineId", and a storyline's revisions
    /// say "Storyline", in their subject, their key and the event snapshots' field names. What other keys hold ("e3" for
    /// a storyline's facet, "m:e3:2014-04" for its month counts) is unchanged: "e" is opaque there.
    /// </summary>
    private static void RenameErasToStorylines(StoreTransaction tx)
    {
        var database = tx.Store.Database;
        var old = database.GetCollection("eras");
        var storylines = database.GetCollection("storylines");
        foreach (var storyline in old.FindAll().ToList())
            storylines.Upsert(storyline);
        old.DeleteAll(); // dropped once the transaction is over (see Run): LiteDB drops no collection inside one
        if (tx.Store.Meta.FindById("seq:eras") is { } sequence)
        {
            tx.Store.Meta.Delete(sequence.Id);
            sequence.Id = "seq:storylines";
            tx.Store.Meta.Upsert(sequence);
        }

        var events = database.GetCollection("events");
        foreach (var ev in events.FindAll().Where(e => e.ContainsKey("EraId")).ToList())
        {
            ev["StorylineId"] = ev["EraId"];
            ev.Remove("EraId");
            events.Update(ev);
        }

        var revisions = database.GetCollection("revisions");
        foreach (var revision in revisions.FindAll().ToList())
        {
            var changed = false;
            if (revision["Subject"] == "Era")
            {
                revision["Subject"] = "Storyline";
                if (revision["SubjectKey"].IsString && revision["SubjectKey"].AsString.StartsWith("Era:", StringComparison.Ordinal))
                    revision["SubjectKey"] = "Storyline:" + revision["SubjectKey"].AsString["Era:".Length..];
                changed = true;
            }
            else if (revision["Subject"] == "Event" && revision["Snapshot"].IsString && revision["Snapshot"].AsString is var snapshot && EraFields().IsMatch(snapshot))
            {
                // Property names follow "{" or ","; the same words inside a text are escaped (\"era\") and stay.
                revision["Snapshot"] = EraFields().Replace(snapshot, m => m.Groups[1].Value + (m.Groups[2].Value == "eraId" ? "\"storylineId\":" : "\"storyline\":"));
                changed = true;
            }
            if (changed)
                revisions.Update(revision);
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex("""([{,])"(eraId|era)":""")]
    private static partial System.Text.RegularExpressions.Regex EraFields();

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
        foreach (var (target, rename) in Renames.Where(r => r.Key > version))
        {
            logger.LogInformation("Renaming in the store {Path} for version {Version}: {What}.", store.FilePath, target, Steps[target].What);
            store.Write(rename);
        }
        foreach (var (target, step) in Steps.Where(s => s.Key > version))
        {
            logger.LogInformation("Upgrading the store {Path} to version {Version}: {What}.", store.FilePath, target, step.What);
            store.Write(tx =>
            {
                step.Run(tx);
                SetVersion(tx, target);
            });
        }
        // Collections the steps emptied. LiteDB drops a collection only outside a transaction, and nothing else
        // writes while the store is being opened.
        foreach (var retired in RetiredCollections.Where(name => store.Database.CollectionExists(name)))
        {
            if (store.Database.GetCollection(retired).Count() == 0)
                store.Database.DropCollection(retired);
        }
    }

    private static readonly string[] RetiredCollections = ["eras"];

    private static void SetVersion(StoreTransaction tx, int version) =>
        tx.Store.Meta.Upsert(new MetaEntry { Id = MetaEntry.VersionKey, N = version });
}
