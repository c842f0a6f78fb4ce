using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Timeline.Core.Data;
using Timeline.Core.Dates;
using Timeline.Core.Text;

namespace Timeline.Core.Generation;

public sealed record GenerateOptions(int Events, int Articles, int Seed = 1);

public sealed record GenerateReport(int Eras, int Tags, int Articles, int Events, int Links, TimeSpan Elapsed);

/// <summary>
/// Fills a new database with synthetic but realistic timeline data for measuring scale: eras across fifty
/// years, events with mixed date precision, tags, actors and places, articles from a few dozen outlets
/// with a long-tailed vocabulary (so some words are very common and most are rare), and links whose
/// passages are sentences taken word for word from their article. The same seed gives the same data.
/// Rows go in through prepared SQLite commands in one transaction; the triggers keep search and
/// month counts in step exactly as they do for curators' writes.
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

    public static async Task<GenerateReport> GenerateAsync(string databasePath, GenerateOptions options, CancellationToken cancellationToken = default)
    {
        var started = DateTime.UtcNow;
        var connectionString = TimelineDatabase.ResolveConnectionString($"Data Source={databasePath}", Directory.GetCurrentDirectory());
        var contextOptions = new DbContextOptionsBuilder<TimelineDbContext>();
        TimelineDbContextSetup.Configure(contextOptions, connectionString);
        await using (var db = new TimelineDbContext(contextOptions.Options))
        {
            await db.Database.MigrateAsync(cancellationToken);
            if (await db.Events.AnyAsync(cancellationToken) || await db.Articles.AnyAsync(cancellationToken))
                throw new InvalidOperationException($"{databasePath} already holds a timeline; generate into a new file.");
        }

        var random = new Random(options.Seed);
        var vocabulary = Enumerable.Range(0, 6000).Select(_ => Word(random)).Distinct().ToArray();
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await Execute(connection, null, "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF;");
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var now = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);

        // Eras: twenty storylines of two and a half years each, 1975–2025.
        var eraStarts = Enumerable.Range(0, 20).Select(i => new DateTime(1975, 1, 1).AddMonths(i * 30)).ToArray();
        var insertEra = Prepare(connection, transaction,
            """INSERT INTO "Eras" ("Slug","Title","Description","Colour","StartsAt","StartPrecision","EndsAt","EndPrecision") VALUES ($slug,$title,$description,$colour,$start,1,$end,1)""");
        for (var i = 0; i < eraStarts.Length; i++)
        {
            var title = $"The {Capitalise(vocabulary[i])} {vocabulary[i + 20]} of {eraStarts[i].Year}";
            await Run(insertEra, ("$slug", $"era-{i + 1:D2}-{Slugs.Slugify(title)}"), ("$title", title), ("$description", Sentence(random, vocabulary, 20)),
                ("$colour", $"#{random.Next(0x303030, 0xC0C0C0):x6}"), ("$start", Stamp(eraStarts[i])), ("$end", Stamp(eraStarts[i].AddMonths(29))));
        }

        // Tags: topics, actors and places.
        var insertTag = Prepare(connection, transaction, """INSERT INTO "Tags" ("Kind","Name","Slug") VALUES ($kind,$name,$slug)""");
        var tagCount = 0;
        foreach (var (kind, count) in new[] { ("Topic", 60), ("Actor", 150), ("Place", 80) })
        {
            foreach (var name in Enumerable.Range(0, count).Select(i => $"{Capitalise(vocabulary[100 + tagCount + i])} {Capitalise(vocabulary[500 + tagCount + i])}"))
                await Run(insertTag, ("$kind", kind), ("$name", name), ("$slug", Slugs.Slugify(name)));
            tagCount += count;
        }

        // Articles.
        var outlets = Enumerable.Range(0, 40).Select(i => $"The {Capitalise(vocabulary[900 + i])} {(i % 3 == 0 ? "Times" : i % 3 == 1 ? "Post" : "News")}").ToArray();
        var insertArticle = Prepare(connection, transaction,
            """
            INSERT INTO "Articles" ("Title","Outlet","Author","Url","PublishedAt","PublishedPrecision","PublishedApproximate","Language","Body","ContentHash","ImportOrigin","ImportedAt")
            VALUES ($title,$outlet,$author,NULL,$published,2,0,'en',$body,$hash,'generated',$now)
            """);
        var articleSentences = new List<string>[options.Articles];
        var articleDates = new DateTime[options.Articles];
        for (var i = 0; i < options.Articles; i++)
        {
            var paragraphs = Enumerable.Range(0, random.Next(5, 10))
                .Select(_ => Enumerable.Range(0, random.Next(2, 4)).Select(_ => Sentence(random, vocabulary, random.Next(12, 26))).ToList())
                .ToList();
            articleSentences[i] = paragraphs.SelectMany(p => p).ToList();
            var body = string.Join('\n', paragraphs.Select(p => string.Join(' ', p)));
            articleDates[i] = RandomDate(random);
            await Run(insertArticle, ("$title", Capitalise(Sentence(random, vocabulary, random.Next(6, 11)).TrimEnd('.'))),
                ("$outlet", outlets[random.Next(outlets.Length)]), ("$author", $"{Capitalise(vocabulary[random.Next(vocabulary.Length)])} {Capitalise(vocabulary[random.Next(vocabulary.Length)])}"),
                ("$published", Stamp(articleDates[i])), ("$body", body), ("$hash", TextExcerpt.Hash(body + "#" + i)), ("$now", now));
        }

        // Events, with tags and links.
        var insertEvent = Prepare(connection, transaction,
            """
            INSERT INTO "Events" ("Slug","Title","Summary","StartsAt","StartPrecision","StartApproximate","EndsAt","EndPrecision","EndApproximate","EraId","Status","CreatedAt","CreatedBy","UpdatedAt","UpdatedBy","Version")
            VALUES ($slug,$title,$summary,$start,$precision,$approximate,NULL,NULL,0,$era,$status,$now,'generator',$now,'generator',0)
            """);
        var insertEventTag = Prepare(connection, transaction, """INSERT OR IGNORE INTO "EventTags" ("EventsId","TagsId") VALUES ($event,$tag)""");
        var insertLink = Prepare(connection, transaction,
            """INSERT OR IGNORE INTO "Links" ("EventId","ArticleId","Role","Passage","Note") VALUES ($event,$article,$role,$passage,NULL)""");
        string[] roles = ["FirstReport", "Report", "Confirmation", "Reaction", "Background", "Analysis"];
        var links = 0;
        var slugs = new HashSet<string>();
        for (var i = 1; i <= options.Events; i++)
        {
            var precision = random.NextDouble() switch { < 0.05 => DatePrecision.Year, < 0.2 => DatePrecision.Month, < 0.9 => DatePrecision.Day, _ => DatePrecision.Minute };
            var start = new PartialDate(RandomDate(random).AddMinutes(random.Next(0, 1440)), precision, random.NextDouble() < 0.1);
            var title = Capitalise(Sentence(random, vocabulary, random.Next(5, 10)).TrimEnd('.'));
            var slug = Slugs.MakeUnique(Slugs.ForEvent(start, title), slugs.Contains);
            slugs.Add(slug);
            var era = Array.FindLastIndex(eraStarts, s => s <= start.Value);
            await Run(insertEvent, ("$slug", slug), ("$title", title),
                ("$summary", string.Join(' ', Enumerable.Range(0, random.Next(2, 4)).Select(_ => Sentence(random, vocabulary, random.Next(12, 24))))),
                ("$start", Stamp(start.Value)), ("$precision", (int)start.Precision), ("$approximate", start.Approximate ? 1 : 0),
                ("$era", era >= 0 && start.Value < eraStarts[era].AddMonths(30) ? era + 1 : DBNull.Value),
                ("$status", random.NextDouble() < 0.05 ? "Draft" : "Published"), ("$now", now));
            foreach (var tag in Enumerable.Range(0, random.Next(1, 5)).Select(_ => random.Next(1, tagCount + 1)))
                await Run(insertEventTag, ("$event", i), ("$tag", tag));
            if (options.Articles == 0)
                continue;
            foreach (var article in Enumerable.Range(0, random.Next(1, 5)).Select(_ => random.Next(options.Articles)))
            {
                var sentences = articleSentences[article];
                links += await Run(insertLink, ("$event", i), ("$article", article + 1), ("$role", roles[random.Next(roles.Length)]),
                    ("$passage", sentences[random.Next(sentences.Count)]));
            }
        }

        await transaction.CommitAsync(cancellationToken);
        // A bulk load leaves the FTS5 index in many segments, each of which every term lookup must probe;
        // merging them into one is what a loader should finish with (curators' writes are merged as they go).
        await Execute(connection, null, """INSERT INTO "SearchIndex"("SearchIndex") VALUES('optimize');""");
        await Execute(connection, null, "PRAGMA synchronous=NORMAL; PRAGMA optimize;");
        return new GenerateReport(eraStarts.Length, tagCount, options.Articles, options.Events, links, DateTime.UtcNow - started);
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

    // EF Core's SQLite text format for DateTime, so that generated rows compare and sort like the app's own.
    private static string Stamp(DateTime value) => value.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private static async Task<int> Run(SqliteCommand command, params (string Name, object Value)[] values)
    {
        command.Parameters.Clear();
        foreach (var (name, value) in values)
            command.Parameters.AddWithValue(name, value);
        return await command.ExecuteNonQueryAsync();
    }

    private static async Task Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
