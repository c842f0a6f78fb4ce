using System.Globalization;
using LiteDB;
using LiteDB.Engine;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Timeline.Core.Dates;
using Timeline.Core.Domain;

namespace Timeline.Core.Storage;

/// <summary>
/// Everything the app keeps, in one LiteDB file: the one database object of the process, its collections and the
/// write gate. Reads go to the collections directly (LiteDB serves them from any thread); every write goes through
/// <see cref="Write{T}"/>, one at a time, in one transaction with its revision, derived data and search-outbox row.
/// Rules from LiteDB 5.0.20's behaviour, each measured on this kind of machine: one LiteDatabase per file and
/// process, enforced with a lock file (on Linux LiteDB lets a second process open and write the same file); one
/// writer at a time (with two, kill -9 tests lost acknowledged commits and left files that threw "ENSURE" on read);
/// no await inside a transaction (transactions belong to the thread that began them, LiteDB #2822); Checkpoint()
/// after open and periodically. An IOException or an ENSURE failure closes the engine for the rest of the process.
/// </summary>
public sealed partial class TimelineStore : IDisposable
{
    /// <summary>The log size, in 8 KiB pages, at which LiteDB checkpoints by itself (see <see cref="Open"/>).</summary>
    public const int CheckpointPages = 100;

    /// <summary>The document shapes and derived data this code reads and writes; older files are upgraded on open.</summary>
    public const int CurrentVersion = StoreUpgrades.CurrentVersion;

    private readonly FileStream? lockFile;
    private readonly ILogger logger;
    private readonly Lock writeGate = new();

    /// <summary>LiteDB and its collections; replaced by <see cref="Recover"/> when LiteDB has closed itself after an I/O error.</summary>
    private volatile StoreEngine engine;
    private bool disposed;

    private TimelineStore(string path, FileStream? lockFile, LiteDatabase database, ILogger logger)
    {
        FilePath = path;
        this.lockFile = lockFile;
        this.logger = logger;
        engine = new StoreEngine(database);
    }

    public string FilePath { get; }

    /// <summary>A random name given to the file when it was created.</summary>
    public string StoreId { get; private set; } = "";

    /// <summary>The Lucene index folder beside the store file: timeline.db → timeline-search/.</summary>
    public string SearchIndexDirectory => SiblingPath(FilePath, "-search");

    public LiteDatabase Database => engine.Database;
    public ILiteCollection<Event> Events => engine.Events;
    public ILiteCollection<SlugRecord> Slugs => engine.Slugs;
    public ILiteCollection<Article> Articles => engine.Articles;
    public ILiteCollection<ArticleText> ArticleTexts => engine.ArticleTexts;
    /// <summary>The dates found in each article's text (derived: read again when its publication date or language changes).</summary>
    public ILiteCollection<ArticleDates> ArticleDates => engine.ArticleDates;
    public ILiteCollection<Outlet> Outlets => engine.Outlets;
    public ILiteCollection<EventArticleLink> Links => engine.Links;
    public ILiteCollection<Storyline> Storylines => engine.Storylines;
    public ILiteCollection<Tag> Tags => engine.Tags;
    public ILiteCollection<Revision> Revisions => engine.Revisions;
    public ILiteCollection<PublicNote> PublicNotes => engine.PublicNotes;
    public ILiteCollection<CuratorAccount> Accounts => engine.Accounts;
    public ILiteCollection<Count> Counts => engine.Counts;
    public ILiteCollection<OutboxEntry> Outbox => engine.Outbox;
    public ILiteCollection<MetaEntry> Meta => engine.Meta;

    /// <summary>Events' uploaded images, in LiteDB's file storage (chunked, in the same file and transactions as the rest).</summary>
    public ILiteStorage<string> Media => Database.GetStorage<string>("media_files", "media_chunks");

    /// <summary>Raised after every committed write: the search indexer drains the outbox at once.</summary>
    public event Action? Committed;

    /// <summary>"App_Data/timeline.db" beside "App_Data/timeline-keys": a folder or file named after the store.</summary>
    public static string SiblingPath(string storePath, string suffix) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(storePath))!, Path.GetFileNameWithoutExtension(storePath) + suffix);

    /// <summary>
    /// Opens (or creates) the store: takes the lock file, opens LiteDB with the app's mapper and an ordinal
    /// collation, checkpoints whatever log a crash left, makes the indexes and upgrades an older file.
    /// </summary>
    public static TimelineStore Open(string path, ILogger? logger = null)
    {
        logger ??= NullLogger.Instance;
        path = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        FileStream lockFile;
        try
        {
            // LiteDB 5.0.20 on Linux does not stop a second process (or a second LiteDatabase in this one) from opening
            // the same file, and two engines on one file lose commits. This lock file does.
            lockFile = new FileStream(path + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e)
        {
            throw new StoreLockedException(path, e);
        }
        LiteDatabase? database = null;
        try
        {
            var isNew = !File.Exists(path) || new FileInfo(path).Length == 0;
            database = OpenDatabase(path);
            // Merges the log a crash left behind and restarts transaction ids, which LiteDB 5.0.20 otherwise
            // restores from the log's last page, not the highest id, and can reuse: after a second crash, pages of old and
            // new transactions were merged under one id in a reproduction. So: before anything is written.
            database.Checkpoint();
            database.UtcDate = true;
            // LiteDB merges its log into the data file when it reaches this many pages, holding every reader off while
            // it copies them. At its default of 1,000 pages (8 MiB) that took up to half a second on a busy store; at
            // 100 a save that triggers it stays under about 50 ms (measured, performance.md).
            if (database.CheckpointSize != CheckpointPages)
                database.CheckpointSize = CheckpointPages;
            var store = new TimelineStore(path, lockFile, database, logger);
            if (database.Collation.SortOptions != System.Globalization.CompareOptions.Ordinal)
                logger.LogWarning("The store {Path} was created with the collation {Collation}, not an ordinal one; slugs compare as that collation says.", path, database.Collation);
            store.EnsureIndexes();
            StoreUpgrades.Run(store, isNew, logger);
            store.StoreId = store.Meta.FindById(MetaEntry.StoreIdKey)?.Text ?? store.NameStore();
            // Records the opening, which is also a write: LiteDB's Checkpoint skips a log without a confirmed
            // transaction, so a log holding only the pages of a save the crash cut off would otherwise stay.
            store.Write(tx => tx.Store.Meta.Upsert(new MetaEntry { Id = MetaEntry.OpenedKey, Text = DateTimeOffset.UtcNow.ToString("O") }));
            // Whatever opening wrote (settings, indexes, an upgrade) goes into the data file too: the log starts empty.
            database.Checkpoint();
            return store;
        }
        catch
        {
            database?.Dispose();
            lockFile.Dispose();
            throw;
        }
    }

    /// <summary>LiteDB on the store's file, opened as the store opens it; opening writes nothing.</summary>
    private static LiteDatabase OpenDatabase(string path) => new(new ConnectionString
    {
        Filename = path,
        Connection = ConnectionType.Direct,
        // Fixed when the file is created. Ordinal, so that slugs and keys compare byte by byte: the default
        // (the creating process's culture, ignoring case) orders "a-b" after "a b" and makes "Abc" equal "abc".
        Collation = Collation.Binary,
    }, StoreMapper.Create());

    /// <summary>
    /// A new store in <paramref name="data"/> rather than a file, for bulk loads: LiteDB 5.0.20 flushes a file to
    /// disk after every page it commits, which makes loading a hundred thousand documents take minutes. Dispose it
    /// (which checkpoints everything into <paramref name="data"/>), then write the stream out as a store file.
    /// </summary>
    public static TimelineStore CreateInMemory(Stream data, ILogger? logger = null)
    {
        var database = new LiteDatabase(new LiteEngine(new EngineSettings { DataStream = data, Collation = Collation.Binary }), StoreMapper.Create());
        database.UtcDate = true;
        var store = new TimelineStore("(memory)", null, database, logger ?? NullLogger.Instance);
        store.EnsureIndexes();
        StoreUpgrades.Run(store, isNew: true, logger ?? NullLogger.Instance);
        store.StoreId = store.NameStore();
        return store;
    }

    /// <summary>Gives a new store its id, which names the file: a search index built for another store file is
    /// rebuilt, not trusted.</summary>
    private string NameStore() => Write(tx =>
    {
        var id = Guid.NewGuid().ToString("N");
        tx.Store.Meta.Upsert(new MetaEntry { Id = MetaEntry.StoreIdKey, Text = id });
        return id;
    });

    private void EnsureIndexes()
    {
        Events.EnsureIndex("keys", "$.Keys[*]");
        Events.EnsureIndex(e => e.StatusKey);
        Events.EnsureIndex(e => e.LiveKey);
        Events.EnsureIndex(e => e.UnsourcedKey);
        Events.EnsureIndex(e => e.DateDisputedKey);
        Events.EnsureIndex(e => e.UpdatedAt);
        // Titles are at most Limits.TitleLength (300) UTF-16 units, so at most 900 bytes of UTF-8: within LiteDB's 1,023-byte key limit.
        Events.EnsureIndex(e => e.Title);
        Events.EnsureIndex("media", "$.Media.FileId");
        Slugs.EnsureIndex(s => s.EventId);
        Articles.EnsureIndex(a => a.ContentHash, unique: true);
        Articles.EnsureIndex(a => a.PublishedKey);
        Articles.EnsureIndex(a => a.UnlinkedKey);
        Articles.EnsureIndex(a => a.PublicLinkCount);
        Articles.EnsureIndex(a => a.DatesPending);
        Outlets.EnsureIndex(o => o.Name, unique: true);
        Links.EnsureIndex(l => l.EventId);
        Links.EnsureIndex(l => l.ArticleId);
        Links.EnsureIndex(l => l.PairKey, unique: true);
        Storylines.EnsureIndex(e => e.Slug, unique: true);
        Tags.EnsureIndex(t => t.KindSlug, unique: true);
        Tags.EnsureIndex(t => t.NameKey);
        Revisions.EnsureIndex(r => r.EventKey);
        Revisions.EnsureIndex(r => r.ArticleKey);
        Revisions.EnsureIndex(r => r.SubjectKey);
        Accounts.EnsureIndex(a => a.NormalizedUserName, unique: true);
        PublicNotes.EnsureIndex(n => n.EventId);
        PublicNotes.EnsureIndex(n => n.PublicKey);
    }

    /// <summary>The file's version of the document shapes (see <see cref="StoreUpgrades"/>).</summary>
    public int Version => Meta.FindById(MetaEntry.VersionKey)?.N is { } n ? (int)n : 0;

    public void Dispose()
    {
        lock (writeGate)
        {
            if (disposed)
                return;
            disposed = true;
            Database.Dispose(); // a final checkpoint
            lockFile?.Dispose();
        }
    }
}

/// <summary>A row of the search outbox: "event:12" or "article:5" changed and must be (re)indexed.</summary>
public class OutboxEntry
{
    public long Id { get; set; }
    public required string Key { get; set; }
}

/// <summary>The store's own bookkeeping: its version ("version") and the id sequences ("seq:events", …).</summary>
public class MetaEntry
{
    public const string VersionKey = "version";

    public const string StoreIdKey = "store-id";

    /// <summary>When the store was last opened (ISO 8601, UTC).</summary>
    public const string OpenedKey = "opened";

    public required string Id { get; set; }
    public long N { get; set; }
    public string? Text { get; set; }
}
