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
    private static readonly string[] CommonWords =
    [
        "the", "of", "and", "to", "in", "a", "said", "on", "that", "for", "with", "was", "as", "by", "security", "talks",
        "officials", "government", "minister", "after", "coordination", "meeting", "statement", "forces", "agreement",
        "leaders", "council", "international", "week", "region", "spokesman", "decision", "border", "peace",
    ];

    private static readonly string[] Syllables =
    [
        "ka", "ro", "mel", "ta", "sin", "dor", "av", "el", "qu", "ri", "na", "bar", "hel", "zu", "ot", "ma", "fen", "lio",
        "sa", "gar", "té", "vi", "ul", "chen", "pa", "dro", "is", "mon", "ye", "kar",
    ];

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
        var random = new Random(options.Seed);
        var vocabulary = Enumerable.Range(0, 6000).Select(_ => Word(random)).Distinct().ToArray();
        var now = DateTimeOffset.UtcNow;
        var counts = new Dictionary<string, int>();
        void Count(IEnumerable<string> ids)
        {
            foreach (var id in ids)
                counts[id] = counts.GetValueOrDefault(id) + 1;
        }

        // Storylines: twenty storylines of two and a half years each, 1975–2025.
        var storylineStarts = Enumerable.Range(0, 20).Select(i => new DateTime(1975, 1, 1).AddMonths(i * 30)).ToArray();
        var storylines = storylineStarts.Select((start, i) =>
        {
            var title = $"The {Capitalise(vocabulary[i])} {vocabulary[i + 20]} of {start.Year}";
            return new Storyline
            {
                Id = i + 1, Slug = $"era-{i + 1:D2}-{Slugs.Slugify(title)}", Title = title, Description = Sentence(random, vocabulary, 20),
                Colour = $"#{random.Next(0x303030, 0xC0C0C0):x6}", Start = new PartialDate(start, DatePrecision.Month),
                End = new PartialDate(start.AddMonths(29), DatePrecision.Month),
            };
        }).ToList();

        // Tags: topics, actors and places.
        var tags = new List<Tag>();
        foreach (var (kind, count) in new[] { (TagKind.Topic, 60), (TagKind.Actor, 150), (TagKind.Place, 80) })
        {
            foreach (var name in Enumerable.Range(0, count).Select(i => $"{Capitalise(vocabulary[100 + tags.Count + i])} {Capitalise(vocabulary[500 + tags.Count + i])}").ToList())
                tags.Add(new Tag { Id = tags.Count + 1, Kind = kind, Name = name, Slug = Slugs.Slugify(name), KindSlug = Tag.KindSlugOf(kind, Slugs.Slugify(name)), NameKey = Tag.NameKeyOf(kind, name) });
        }

        // Articles.
        var outlets = Enumerable.Range(0, 40)
            .Select(i => new Outlet { Id = i + 1, Name = $"The {Capitalise(vocabulary[900 + i])} {(i % 3 == 0 ? "Times" : i % 3 == 1 ? "Post" : "News")}" }).ToList();
        var articles = new Article[options.Articles];
        var texts = new ArticleText[options.Articles];
        var articleSentences = new List<string>[options.Articles];
        var hashes = new HashSet<string>();
        for (var i = 0; i < options.Articles; i++)
        {
            var paragraphs = Enumerable.Range(0, random.Next(5, 10))
                .Select(_ => Enumerable.Range(0, random.Next(2, 4)).Select(_ => Sentence(random, vocabulary, random.Next(12, 26))).ToList())
                .ToList();
            var body = string.Join('\n', paragraphs.Select(p => string.Join(' ', p)));
            while (!hashes.Add(TextExcerpt.Hash(body)))
            {
                // The same text twice (most unlikely): one more paragraph makes it another article, as the importer needs.
                paragraphs.Add([Sentence(random, vocabulary, 12)]);
                body = string.Join('\n', paragraphs.Select(p => string.Join(' ', p)));
            }
            articleSentences[i] = [.. paragraphs.SelectMany(p => p)];
            var outlet = outlets[random.Next(outlets.Count)];
            articles[i] = new Article
            {
                Id = i + 1, Title = Capitalise(Sentence(random, vocabulary, random.Next(6, 11)).TrimEnd('.')), Outlet = outlet.Name, OutletId = outlet.Id,
                Author = $"{Capitalise(vocabulary[random.Next(vocabulary.Length)])} {Capitalise(vocabulary[random.Next(vocabulary.Length)])}",
                Published = new PartialDate(RandomDate(random), DatePrecision.Day), Language = "en",
                ContentHash = TextExcerpt.Hash(body), ImportOrigin = "generated", ImportedAt = now,
            };
            texts[i] = new ArticleText { Id = i + 1, Compressed = ArticleTextCodec.Compress(body) };
        }

        // Events, with tags and links.
        string[] roles = ["FirstReport", "Report", "Confirmation", "Reaction", "Background", "Analysis"];
        var events = new Event[options.Events];
        var links = new List<EventArticleLink>();
        var linkedArticles = new List<Article>[options.Events];
        var slugs = new HashSet<string>();
        for (var i = 0; i < options.Events; i++)
        {
            var precision = random.NextDouble() switch { < 0.05 => DatePrecision.Year, < 0.2 => DatePrecision.Month, < 0.9 => DatePrecision.Day, _ => DatePrecision.Minute };
            var start = new PartialDate(RandomDate(random).AddMinutes(random.Next(0, 1440)), precision, random.NextDouble() < 0.1);
            var title = Capitalise(Sentence(random, vocabulary, random.Next(5, 10)).TrimEnd('.'));
            var slug = Slugs.MakeUnique(Slugs.ForEvent(start, title), slugs.Contains);
            slugs.Add(slug);
            var storyline = Array.FindLastIndex(storylineStarts, s => s <= start.Value);
            var ev = new Event
            {
                Id = i + 1, Slug = slug, Title = title, Start = start,
                Summary = string.Join(' ', Enumerable.Range(0, random.Next(2, 4)).Select(_ => Sentence(random, vocabulary, random.Next(12, 24)))),
                StorylineId = storyline >= 0 && start.Value < storylineStarts[storyline].AddMonths(30) ? storyline + 1 : null,
                Status = random.NextDouble() < 0.05 ? EventStatus.Draft : EventStatus.Published,
                CreatedAt = now, CreatedBy = "generator", UpdatedAt = now, UpdatedBy = "generator",
                TagIds = [.. Enumerable.Range(0, random.Next(1, 5)).Select(_ => random.Next(1, tags.Count + 1)).Distinct()],
            };
            events[i] = ev;
            linkedArticles[i] = [];
            if (options.Articles == 0)
                continue;
            foreach (var index in Enumerable.Range(0, random.Next(1, 5)).Select(_ => random.Next(options.Articles)).Distinct())
            {
                var sentences = articleSentences[index];
                var article = articles[index];
                links.Add(new EventArticleLink
                {
                    Id = links.Count + 1, EventId = ev.Id, ArticleId = article.Id, Role = Enum.Parse<LinkRole>(roles[random.Next(roles.Length)]),
                    Passage = sentences[random.Next(sentences.Count)], PairKey = EventArticleLink.PairKeyOf(ev.Id, article.Id),
                });
                linkedArticles[i].Add(article);
                article.LinkCount++;
                if (ev.Status == EventStatus.Published)
                    article.PublicLinkCount++;
            }
        }

        // Derived fields and counts, as the curators' writes keep them.
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

    /// <summary>A word from a long-tailed distribution: common words often, most of the vocabulary rarely, and now
    /// and then a one-off name, as news text has (without them no word would be rare at 100,000 articles).</summary>
    private static string Pick(Random random, string[] vocabulary) => random.NextDouble() switch
    {
        < 0.45 => CommonWords[(int)(CommonWords.Length * Math.Pow(random.NextDouble(), 2))],
        < 0.99 => vocabulary[(int)(vocabulary.Length * Math.Pow(random.NextDouble(), 3))],
        _ => Word(random) + Word(random),
    };

    private static string Sentence(Random random, string[] vocabulary, int words) =>
        Capitalise(string.Join(' ', Enumerable.Range(0, words).Select(_ => Pick(random, vocabulary)))) + ".";

    private static string Word(Random random) =>
        string.Concat(Enumerable.Range(0, random.Next(2, 5)).Select(_ => Syllables[random.Next(Syllables.Length)]));

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static DateTime RandomDate(Random random) => new DateTime(1975, 1, 1).AddDays(random.Next(0, 365 * 50));
}
