using LiteDB;
using Microsoft.Extensions.Logging;
using Timeline.Core.Storage;

namespace Timeline.Core.Search;

/// <summary>
/// Keeps the search index in step with the store. Every write puts the keys it changed into the store's outbox in
/// its own transaction; this drains the outbox in order: it indexes the current state of each key, commits the
/// index, and only then deletes those rows. A crash anywhere replays rows whose state is then simply stated again.
/// </summary>
public sealed class SearchIndexer(TimelineStore store, SearchIndex index, ILogger<SearchIndexer> logger)
{
    private const int Batch = 1000;
    private readonly SemaphoreSlim gate = new(1, 1);

    /// <summary>Rebuilds the index when it must be (missing, corrupt, older analyzer, another store), then drains the outbox.
    /// Run before the app serves.</summary>
    public void Start()
    {
        if (index.RebuildReason is { } reason)
            Rebuild(reason);
        Drain();
    }

    /// <summary>Indexes everything written so far; a saving curator awaits it, so the next search shows the change.</summary>
    public async Task CatchUpAsync(CancellationToken cancellationToken = default)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            Drain();
        }
        finally
        {
            gate.Release();
        }
    }

    private void Drain()
    {
        while (true)
        {
            // Every remaining row in id order, not "after the last id seen": ids are taken before a transaction
            // commits, so a lower id may become visible after a higher one.
            var rows = store.OutboxInOrder().Limit(Batch).ToList();
            if (rows.Count == 0)
                return;
            index.Apply(rows.Select(r => r.Key).Distinct().Select(key => SearchDocuments.Current(store, key)));
            index.Commit();
            var ids = rows.Select(r => new BsonValue(r.Id)).ToList();
            store.Write(tx => tx.Store.Outbox.DeleteMany(Query.In("_id", ids)));
            if (rows.Count < Batch)
                return;
        }
    }

    /// <summary>Indexes every event and article from the store and commits once; the outbox rows it covers go.</summary>
    public void Rebuild(string reason)
    {
        var started = DateTime.UtcNow;
        var lastRow = store.OutboxInOrder(newestFirst: true).Limit(1).FirstOrDefault()?.Id ?? 0;
        var events = 0;
        var articles = 0;
        foreach (var ev in store.Events.FindAll())
        {
            index.Apply([new IndexEntry(Storage.TimelineKeys.EventDocument(ev.Id), SearchDocuments.ForEvent(ev))]);
            events++;
        }
        foreach (var article in store.Articles.FindAll())
        {
            var text = store.ArticleTexts.FindById(article.Id);
            index.Apply([new IndexEntry(Storage.TimelineKeys.ArticleDocument(article.Id),
                SearchDocuments.ForArticle(article, text is null ? "" : ArticleTextCodec.Decompress(text.Compressed)))]);
            articles++;
        }
        index.Commit();
        store.Write(tx => tx.Store.Outbox.DeleteMany(r => r.Id <= lastRow));
        logger.LogWarning("Rebuilt the search index ({Reason}): {Events} events and {Articles} articles in {Seconds:0.0} s.",
            reason, events, articles, (DateTime.UtcNow - started).TotalSeconds);
    }
}
