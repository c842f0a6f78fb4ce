using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Timeline.Core.Curation;
using Timeline.Core.Domain;
using Timeline.Core.Reading;
using Timeline.Core.Search;
using Timeline.Core.Seeding;
using Timeline.Core.Storage;

namespace Timeline.Tests.Support;

/// <summary>Counts the change notifications (which the web app turns into cache evictions) and, as the app does,
/// brings the search index up to date at each one.</summary>
public sealed class CountingListener(Func<SearchIndexer> indexer) : IContentChangeListener
{
    public int Count { get; private set; }

    public async Task ContentChangedAsync(CancellationToken cancellationToken = default)
    {
        Count++;
        await indexer().CatchUpAsync(cancellationToken);
    }
}

/// <summary>A real LiteDB store file and its search index in a temp folder of their own, deleted when the test ends.</summary>
public sealed class TestStore : IAsyncDisposable
{
    private TestStore(string? folder = null)
    {
        Folder = folder ?? NewFolder();
        Directory.CreateDirectory(Folder);
        Listener = new CountingListener(() => Indexer);
        Open();
    }

    public string Folder { get; }
    public string Path => System.IO.Path.Combine(Folder, "timeline.db");
    public TimelineStore Store { get; private set; } = null!;
    public SearchIndex Index { get; private set; } = null!;
    public SearchIndexer Indexer { get; private set; } = null!;
    public CountingListener Listener { get; }

    public static TestStore CreateEmpty() => new();

    /// <summary>A temp folder for a store that something else (the generator, the app) creates; open it with <see cref="Open(string)"/>.</summary>
    public static string NewFolder() => System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"timeline-test-{Guid.NewGuid():N}");

    /// <summary>The store in <paramref name="folder"/> (its timeline.db), opened as the app opens it; the folder goes with it.</summary>
    public static TestStore Open(string folder) => new(folder);

    public static string StoreFile(string folder) => System.IO.Path.Combine(folder, "timeline.db");

    /// <summary>A store filled from the real seeds/ folder, as a fresh install fills it.</summary>
    public static async Task<TestStore> CreateSeededAsync()
    {
        var store = new TestStore();
        new SeedImporter(store.Store, TimeProvider.System).Import(SeedManifestLoader.Load(Seeds.Directory));
        await store.Indexer.CatchUpAsync();
        return store;
    }

    private void Open()
    {
        Store = TimelineStore.Open(Path);
        Index = SearchIndex.Open(Store.SearchIndexDirectory, Store.StoreId, NullLogger.Instance);
        Indexer = new SearchIndexer(Store, Index, NullLogger<SearchIndexer>.Instance);
        Indexer.Start();
    }

    /// <summary>Closes and opens the store and index again, as a restart of the app does.</summary>
    public void Reopen()
    {
        Close();
        Open();
    }

    /// <summary>
    /// Closes the search index (cleanly, or as a crash leaves it: without the clean-shutdown marker), lets
    /// <paramref name="damage"/> work on its folder, and opens it again as the app does at start, rebuilding it when it
    /// must. Gives the reason it was rebuilt (null: it was used as it was).
    /// </summary>
    public string? ReopenIndex(bool cleanStop, Action<string> damage, Microsoft.Extensions.Logging.ILogger logger)
    {
        Index.Dispose();
        if (!cleanStop)
            File.Delete(System.IO.Path.Combine(Store.SearchIndexDirectory, "clean-shutdown"));
        damage(Store.SearchIndexDirectory);
        Index = SearchIndex.Open(Store.SearchIndexDirectory, Store.StoreId, logger);
        var reason = Index.RebuildReason;
        Indexer = new SearchIndexer(Store, Index, new Microsoft.Extensions.Logging.Logger<SearchIndexer>(new SingleLoggerFactory(logger)));
        Indexer.Start();
        return reason;
    }

    private sealed class SingleLoggerFactory(Microsoft.Extensions.Logging.ILogger logger) : Microsoft.Extensions.Logging.ILoggerFactory
    {
        public void AddProvider(Microsoft.Extensions.Logging.ILoggerProvider provider)
        {
        }

        public Microsoft.Extensions.Logging.ILogger CreateLogger(string categoryName) => logger;

        public void Dispose()
        {
        }
    }

    /// <summary>Closes the store and index (a clean stop) and leaves the files, for another process or a reopen.</summary>
    public void Close()
    {
        Index.Dispose();
        Store.Dispose();
    }

    public TimelineQueries Queries() => new(Store, Index, new MemoryCache(Options.Create(new MemoryCacheOptions())));

    public SearchService Search() => new(Store, Index);

    public EventEditor Events(TimeProvider? clock = null) => new(Store, Listener, clock ?? TimeProvider.System);

    public ArticleEditor Articles() => new(Store, Index, Listener, TimeProvider.System);

    public LinkEditor Links() => new(Store, Index, Listener, TimeProvider.System);

    public StorylineEditor Storylines() => new(Store, Listener, TimeProvider.System);

    public CurationHistory History() => new(Store);

    public CurationDashboard Dashboard() => new(Store, History(), Articles());

    public CuratorEventList EventList() => new(Store, Index);

    /// <summary>Stores an event as written (id, slug and derived data made as the editors make them) with its links,
    /// and indexes it: for tests that need an event in a shape the editor form would not make.</summary>
    public async Task<Event> AddEventAsync(Event ev, params EventArticleLink[] links)
    {
        Store.Write(tx =>
        {
            ev.Id = tx.NextIntId("events");
            tx.SetSlug(ev.Id, null, ev.Slug, DateTimeOffset.UtcNow);
            tx.PutEvent(null, ev);
            foreach (var link in links)
            {
                link.EventId = ev.Id;
                tx.AddLink(link);
            }
        });
        await Indexer.CatchUpAsync();
        return Store.Events.FindById(ev.Id);
    }

    public async ValueTask DisposeAsync()
    {
        Close();
        await TempFolders.DeleteAsync(Folder);
    }
}
