using LiteDB;
using Microsoft.Extensions.Logging;
using Timeline.Core.Storage;

namespace Timeline.Core.Search;

/// <summary>
/// Keeps the search index in step with the store. Every write puts the keys it changed into the store's outbox in
/// its own transaction. Catching up indexes the current state of each key and refreshes the searchers (a save is
/// searchable at once, at no cost of a disk flush); flushing, every second, commits the index and only then
/// deletes those rows. A crash anywhere leaves rows that are indexed again at start, stating the state again.
/// </summary>
public sealed class SearchIndexer(TimelineStore store, SearchIndex index, ILogger<SearchIndexer> logger)
{
    private const int Batch = 1000;
    private readonly SemaphoreSlim gate = new(1, 1);

    /// <summary>Outbox rows whose state is in the index (and searchable) but not yet committed to disk.</summary>
    private readonly HashSet<long> applied = [];

    private readonly Lock lagLock = new();
    private long? waitingSince;

    /// <summary>
    /// The index's lag behind the store: how many committed changes are not searchable yet, and how long they have
    /// waited since first seen waiting (outbox rows carry no time; the health check and metrics look every few seconds).
    /// A save is normally searchable before its curator sees "Saved", so anything above a few seconds means the indexer is stuck.
    /// </summary>
    public (TimeSpan Lag, long Waiting) Lag()
    {
        var waiting = Math.Max(0, store.Outbox.Count() - Volatile.Read(ref appliedCount));
        lock (lagLock)
        {
            if (waiting == 0)
            {
                waitingSince = null;
                return (TimeSpan.Zero, 0);
            }
            waitingSince ??= System.Diagnostics.Stopwatch.GetTimestamp();
            return (System.Diagnostics.Stopwatch.GetElapsedTime(waitingSince.Value), waiting);
        }
    }

    private int appliedCount;

    /// <summary>Rebuilds the index when it must be (missing, corrupt, older analyzer, another store), then indexes and
    /// commits what the outbox holds. Run before the app serves.</summary>
    public void Start()
    {
        if (index.RebuildReason is { } reason)
            Rebuild(reason);
        Apply();
        Commit();
    }

    /// <summary>Makes everything written so far searchable; a saving curator awaits it, so the next search shows the change.</summary>
    public Task CatchUpAsync(CancellationToken cancellationToken = default) => UnderGateAsync(Apply, cancellationToken);

    /// <summary>Catches up, then commits the index and deletes the rows it now holds for good.</summary>
    public Task FlushAsync(CancellationToken cancellationToken = default) => UnderGateAsync(() =>
    {
        Apply();
        Commit();
    }, cancellationToken);

    private async Task UnderGateAsync(Action work, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            work();
        }
        finally
        {
            gate.Release();
        }
    }

    private void Apply()
    {
        var any = false;
        while (true)
        {
            // Every row not applied yet, in id order, rather than "after the last id seen": ids are taken before a
            // transaction commits, so a lower id may become visible after a higher one.
            var rows = store.OutboxInOrder().ToEnumerable().Where(r => !applied.Contains(r.Id)).Take(Batch).ToList();
            if (rows.Count == 0)
                break;
            index.Apply(rows.Select(r => r.Key).Distinct().Select(key => SearchDocuments.Current(store, key)));
            applied.UnionWith(rows.Select(r => r.Id));
            Volatile.Write(ref appliedCount, applied.Count);
            any = true;
        }
        if (any)
            index.Refresh();
    }

    private void Commit()
    {
        if (applied.Count == 0)
            return;
        index.Commit();
        var ids = applied.Select(id => new BsonValue(id)).ToList();
        store.Write(tx => tx.Store.Outbox.DeleteMany(Query.In("_id", ids)));
        applied.Clear();
        Volatile.Write(ref appliedCount, 0);
    }

    /// <summary>Indexes every event and article from the store and commits once; the outbox rows it covers go.</summary>
    public void Rebuild(string reason)
    {
        var started = DateTime.UtcNow;
        var lastRow = store.OutboxInOrder(newestFirst: true).Limit(1).FirstOrDefault()?.Id ?? 0;
        var events = 0;
        var articles = 0;
        // One thread reads the store (a LiteDB query belongs to the thread that runs it); the analysis, most of the
        // work, runs on as many threads as there are cores, into the one IndexWriter (which is thread-safe).
        using var documents = new System.Collections.Concurrent.BlockingCollection<Func<IndexEntry>>(boundedCapacity: 1000);
        var writers = Enumerable.Range(0, Math.Max(1, Environment.ProcessorCount)).Select(_ => Task.Run(() =>
        {
            foreach (var document in documents.GetConsumingEnumerable())
                index.Apply([document()]);
        })).ToList();
        try
        {
            foreach (var ev in store.Events.FindAll())
            {
                documents.Add(() => new IndexEntry(Storage.TimelineKeys.EventDocument(ev.Id), SearchDocuments.ForEvent(ev)));
                events++;
            }
            foreach (var article in store.Articles.FindAll())
            {
                var compressed = store.ArticleTexts.FindById(article.Id)?.Compressed;
                documents.Add(() => new IndexEntry(Storage.TimelineKeys.ArticleDocument(article.Id),
                    SearchDocuments.ForArticle(article, compressed is null ? "" : ArticleTextCodec.Decompress(compressed))));
                articles++;
            }
        }
        finally
        {
            documents.CompleteAdding();
            Task.WaitAll([.. writers]);
        }
        index.Commit();
        store.Write(tx => tx.Store.Outbox.DeleteMany(r => r.Id <= lastRow));
        applied.RemoveWhere(id => id <= lastRow);
        Volatile.Write(ref appliedCount, applied.Count);
        logger.LogWarning("Rebuilt the search index ({Reason}): {Events} events and {Articles} articles in {Seconds:0.0} s.",
            reason, events, articles, (DateTime.UtcNow - started).TotalSeconds);
    }
}
