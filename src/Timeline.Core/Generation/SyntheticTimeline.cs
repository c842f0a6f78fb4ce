using System.Globalization;
using LiteDB;
using Microsoft.Extensions.Logging.Abstractions;
using Timeline.Core.Dates;
using Timeline.Core.Domain;
using Timeline.Core.Search;
using Timeline.Core.Storage;
using Timeline.Core.Text;

namespace Timeline.Core.Generation;

public sealed record GenerateOptions(int Events, int Articles, int Seed = 1);

/// <summary>What was generated; <paramref name="Stored"/> and <paramref name="Indexed"/> are the time taken by the
/// store's documents and by the search index, in <paramref name="Elapsed"/>.</summary>
public sealed record GenerateReport(int Storylines, int Tags, int Articles, int Events, int Links, TimeSpan Elapsed, TimeSpan Stored = default, TimeSpan Indexed = default);

/// <summary>
/// Fills a new database with synthetic but realistic timeline data for measuring scale: storylines across fifty
/// years, events with mixed date precision, tags, actors and places, articles from a few dozen outlets
/// with a long-tailed vocabulary (so some words are very common and most are rare), and links whose
/// passages are sentences taken word for word from their article. The same seed gives the same data.
/// Documents go in as bulk inserts, their derived fields and counts computed by the same code the curators'
/// writes use (<see cref="EventDerivation"/>); the search index is then built from the store.
/// </summary>
public static class SyntheticTimeline
{
    private const int Batch = 5_000;

    public static GenerateReport Generate(string storePath, GenerateOptions options)
    {
        var started = DateTime.UtcNow;
        if (File.Exists(storePath) && new FileInfo(storePath).Length > 0)
        {
            using var existing = TimelineStore.Open(storePath);
            if (existing.Events.Exists(Query.All()) || existing.Articles.Exists(Query.All()) || existing.Storylines.Exists(Query.All()))
                throw new InvalidOperationException($"{storePath} already holds a timeline; generate into a new file.");
        }

        // Built in memory, then written out once: see TimelineStore.CreateInMemory.
        var data = new MemoryStream();
        GenerateReport report;
        using (var memory = TimelineStore.CreateInMemory(data))
            report = Fill(memory, options);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(storePath))!);
        using (var file = new FileStream(storePath, FileMode.Create, FileAccess.Write))
        {
            data.WriteTo(file);
            file.Flush(flushToDisk: true);
        }
        var stored = DateTime.UtcNow - started;

        using var store = TimelineStore.Open(storePath);
        using var index = SearchIndex.Open(store.SearchIndexDirectory, store.StoreId, NullLogger.Instance);
        new SearchIndexer(store, index, NullLogger<SearchIndexer>.Instance).Rebuild("a generated store");
        var elapsed = DateTime.UtcNow - started;
        return report with { Elapsed = elapsed, Stored = stored, Indexed = elapsed - stored };
    }

    private static GenerateReport Fill(TimelineStore store, GenerateOptions options)
    {
        var data = new SyntheticData(options.Seed);
        var storylines = data.Storylines();
        var tags = data.Tags();
        var outlets = data.Outlets();
        var (articles, texts, sentences) = data.Articles(options.Articles, outlets);
        var (events, links, linkedArticles) = data.Events(options.Events, tags.Count, articles, sentences);

        // Derived fields and counts, as the curators' writes keep them.
        var counts = new Dictionary<string, int>();
        void Count(IEnumerable<string> ids)
        {
            foreach (var id in ids)
                counts[id] = counts.GetValueOrDefault(id) + 1;
        }
        for (var i = 0; i < events.Length; i++)
        {
            EventDerivation.Refresh(events[i], linkedArticles[i]);
            Count(EventDerivation.CountsOf(events[i]));
        }
        foreach (var article in articles)
        {
            EventDerivation.Refresh(article);
            Count(EventDerivation.CountsOf(article));
        }

        InsertInBatches(store, s => s.Storylines, storylines);
        InsertInBatches(store, s => s.Tags, tags);
        InsertInBatches(store, s => s.Outlets, outlets);
        InsertInBatches(store, s => s.Articles, articles);
        InsertInBatches(store, s => s.ArticleTexts, texts);
        InsertInBatches(store, s => s.Events, events);
        InsertInBatches(store, s => s.Slugs, events.Select(e => new SlugRecord { Id = e.Slug, EventId = e.Id, Current = true }));
        InsertInBatches(store, s => s.Links, links);
        InsertInBatches(store, s => s.Counts, counts.Select(c => new Count { Id = c.Key, N = c.Value }));
        store.Write(tx =>
        {
            foreach (var (sequence, last) in new[] { ("storylines", storylines.Count), ("tags", tags.Count), ("outlets", outlets.Count),
                         ("articles", articles.Length), ("events", events.Length), ("links", links.Count) })
                tx.Store.Meta.Upsert(new MetaEntry { Id = "seq:" + sequence, N = last });
        });
        return new GenerateReport(storylines.Count, tags.Count, options.Articles, options.Events, links.Count, TimeSpan.Zero);
    }

    /// <summary>A few thousand documents per transaction: one transaction for all would hold every page in memory.</summary>
    private static void InsertInBatches<T>(TimelineStore store, Func<TimelineStore, ILiteCollection<T>> collection, IEnumerable<T> documents)
    {
        foreach (var batch in documents.Chunk(Batch))
            store.Write(tx => collection(tx.Store).InsertBulk(batch, Batch));
    }
}
