using Timeline.Core.Importing;
using System.Text;
using System.Text.Json.Nodes;
using Timeline.Core.Curation;
using Timeline.Core.Dates;
using Timeline.Core.Domain;
using Timeline.Core.Publishing;
using Timeline.Core.Seeding;
using Timeline.Core.Storage;
using Timeline.Core.Text;
using Timeline.Tests.Support;

namespace Timeline.Core.Tests.Storage;

/// <summary>
/// LiteDB refuses an index key of 1,023 bytes or more ("Index key must be less than 1023 bytes"), and the refusal
/// comes from inside a write. Every indexed text (event titles, addresses, outlets, tag names and their folded keys,
/// storyline addresses) is therefore written here at the longest length its rules allow, in 3-byte characters, on
/// every path that writes it; one character more is refused with a message naming the field.
/// </summary>
public sealed class IndexKeyLimitTests
{
    /// <summary>A Hangul syllable: a letter, 3 bytes in UTF-8, and three 3-byte jamo once decomposed (as folding does).</summary>
    private const char Wide = '한';

    private static string Longest(int length) => new(Wide, length);

    /// <summary>Every string key of the store's indexed fields fits, read back from the file.</summary>
    private static void AssertEveryKeyFits(TimelineStore store)
    {
        static int Bytes(string? s) => Encoding.UTF8.GetByteCount(s ?? "");
        var keys = store.Events.FindAll().SelectMany(e => new[] { e.Title, e.StatusKey, e.LiveKey, e.UnsourcedKey }.Concat(e.Keys))
            .Concat(store.Slugs.FindAll().Select(s => s.Id))
            .Concat(store.Outlets.FindAll().Select(o => o.Name))
            .Concat(store.Tags.FindAll().SelectMany(t => new[] { t.KindSlug, t.NameKey }))
            .Concat(store.Storylines.FindAll().Select(e => e.Slug))
            .Concat(store.Accounts.FindAll().Select(a => a.NormalizedUserName))
            .ToList();
        Assert.NotEmpty(keys);
        Assert.All(keys, k => Assert.True(Bytes(k) < 1_000, $"{Bytes(k)} bytes: {TextExcerpt.Shorten(k ?? "", 40)}"));
    }

    [Fact]
    public void A_tag_name_of_the_longest_length_keeps_its_folded_key_within_the_limit()
    {
        // The fold decomposes to drop the marks, then recomposes: 200 syllables stay 200 (600 bytes), not 600 jamo.
        foreach (var name in new[] { Longest(Limits.NameLength), string.Concat(Enumerable.Repeat("ế", Limits.NameLength)), string.Concat(Enumerable.Repeat("𝄞", Limits.NameLength / 2)) })
            Assert.True(Encoding.UTF8.GetByteCount(Tag.NameKeyOf(TagKind.Topic, name)) <= 3 * Limits.NameLength + 6);
    }

    [Fact]
    public async Task The_curator_forms_store_their_longest_values_and_refuse_one_character_more()
    {
        await using var database = TestStore.CreateEmpty();
        var storyline = Assert.IsType<Saved>(await database.Storylines().SaveAsync(new StorylineForm
        {
            Title = Longest(Limits.TitleLength), Slug = Longest(Limits.SlugLength),
            Start = new PartialDateInput { Precision = DatePrecision.Year, Year = 2014 }, End = new PartialDateInput { Precision = DatePrecision.Year, Year = 2015 },
        }, "ada"));
        var article = Assert.IsType<Saved>(await database.Articles().ImportAsync(new ArticleForm
        {
            Title = Longest(Limits.TitleLength), Outlet = Longest(Limits.NameLength), Author = Longest(Limits.NameLength),
            Published = new PartialDateInput { Precision = DatePrecision.Day, Year = 2014, Month = 4, Day = 9 }, Body = "Talks stopped.",
        }, "ada"));
        var form = new EventForm
        {
            Title = Longest(Limits.TitleLength), Slug = Longest(Limits.SlugLength), StorylineId = storyline.Id, Status = EventStatus.Published,
            Start = new PartialDateInput { Precision = DatePrecision.Day, Year = 2014, Month = 4, Day = 9 },
            Topics = [Longest(Limits.NameLength)], Actors = [Longest(Limits.NameLength)], Places = [Longest(Limits.NameLength)],
        };
        var saved = Assert.IsType<Saved>(await database.Events().SaveAsync(form, "ada"));
        Assert.IsType<Saved>(await database.Links().SaveAsync(new LinkForm { EventId = saved.Id, ArticleId = article.Id, Passage = "Talks stopped." }, "ada"));
        AssertEveryKeyFits(database.Store);

        form.Id = null;
        form.Slug = "";
        form.Title = Longest(Limits.TitleLength + 1);
        form.Topics = [Longest(Limits.NameLength + 1)];
        var refused = Assert.IsType<Invalid>(await database.Events().SaveAsync(form, "ada"));
        Assert.Contains("at most 300", refused.Errors.For("title"));
        Assert.Contains("at most 200", refused.Errors.For("topics"));
        var outlet = Assert.IsType<Invalid>(await database.Articles().ImportAsync(new ArticleForm
        {
            Title = "Another", Outlet = Longest(Limits.NameLength + 1),
            Published = new PartialDateInput { Precision = DatePrecision.Year, Year = 2014 }, Body = "Other words.",
        }, "ada"));
        Assert.Contains("at most 200", outlet.Errors.For("outlet"));
    }

    [Fact]
    public async Task A_manifest_with_the_longest_values_loads_and_one_with_longer_names_the_entry_and_field()
    {
        var folder = Seeds.CopyToTemp();
        var path = Path.Combine(folder, SeedManifestLoader.ManifestFileName);
        var manifest = JsonNode.Parse(File.ReadAllText(path))!;
        manifest["articles"]![0]!["outlet"] = Longest(Limits.NameLength);
        manifest["articles"]![0]!["title"] = Longest(Limits.TitleLength);
        manifest["eras"]![0]!["title"] = Longest(Limits.TitleLength);
        manifest["events"]![0]!["title"] = Longest(Limits.TitleLength);
        manifest["events"]![0]!["tags"] = new JsonArray(Longest(Limits.NameLength));
        manifest["events"]![0]!["actors"] = new JsonArray(Longest(Limits.NameLength));
        manifest["events"]![0]!["places"] = new JsonArray(Longest(Limits.NameLength));
        File.WriteAllText(path, manifest.ToJsonString());
        await using (var database = TestStore.CreateEmpty())
        {
            new SeedImporter(database.Store, TimeProvider.System).Import(SeedManifestLoader.Load(folder));
            AssertEveryKeyFits(database.Store);
        }

        // The finding: an outlet of 1,100 characters ended the first start with LiteDB's exception.
        manifest["articles"]![0]!["outlet"] = new string('o', 1_100);
        manifest["articles"]![1]!["author"] = new string('a', Limits.NameLength + 1);
        manifest["articles"]![2]!["url"] = "https://example.org/" + new string('p', Limits.UrlLength);
        manifest["eras"]![0]!["description"] = new string('d', Limits.SummaryLength + 1);
        manifest["events"]![0]!["tags"] = new JsonArray(new string('t', 1_100));
        manifest["events"]![1]!["actors"] = new JsonArray("!!!");
        manifest["events"]![2]!["summary"] = new string('s', Limits.SummaryLength + 1);
        File.WriteAllText(path, manifest.ToJsonString());
        var error = Assert.Throws<SeedManifestException>(() => SeedManifestLoader.Load(folder));
        string[] expected =
        [
            "articles[0] (000_1d9ba4b0c40e118f.txt): outlet: This has 1100 characters; at most 200 fit.",
            "articles[1] (001_17b7cd9cfa2d65ad.txt): author: This has 201 characters; at most 200 fit.",
            "articles[2] (002_95383a19cb279dd7.txt): url: The address is longer than 2048 characters.",
            "eras[0] (2014-peace-talks-collapse): description: The description has 20001 characters; at most 20000 fit.",
            "topics: \"tttttttttt",
            "…\" is too long: at most 200 characters.",
            "actors: \"!!!\" needs at least one letter or digit.",
            "summary: The summary has 20001 characters; at most 20000 fit.",
        ];
        AssertSaid(expected, error.Problems);

        // A link's note and passage, on an article that is itself in order.
        manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(Seeds.Directory, SeedManifestLoader.ManifestFileName)))!;
        manifest["events"]![0]!["links"]![0]!["note"] = new string('n', Limits.SummaryLength + 1);
        manifest["events"]![1]!["links"]![0]!["passage"] = new string('q', Limits.PassageLength + 1);
        File.WriteAllText(path, manifest.ToJsonString());
        error = Assert.Throws<SeedManifestException>(() => SeedManifestLoader.Load(folder));
        AssertSaid(["links[0] (000_1d9ba4b0c40e118f.txt): note: The note has 20001 characters; at most 20000 fit.",
                    "passage: The passage has 4001 characters; at most 4000 fit."], error.Problems);
    }

    private static void AssertSaid(IEnumerable<string> expected, IReadOnlyList<string> problems)
    {
        var missing = expected.Where(problem => !problems.Any(p => p.Contains(problem, StringComparison.Ordinal))).ToList();
        Assert.True(missing.Count == 0, $"Not said: {string.Join(" | ", missing)}\nSaid: {string.Join("\n", problems)}");
    }

    [Fact]
    public async Task A_TimelineJS_file_with_the_longest_headlines_and_groups_imports()
    {
        var json = new JsonObject
        {
            ["events"] = new JsonArray(new JsonObject
            {
                ["start_date"] = new JsonObject { ["year"] = 2014, ["month"] = 4, ["day"] = 9 },
                ["text"] = new JsonObject { ["headline"] = Longest(Limits.TitleLength), ["text"] = "Talks stopped." },
                ["group"] = Longest(Limits.NameLength),
            }),
            ["eras"] = new JsonArray(new JsonObject
            {
                ["start_date"] = new JsonObject { ["year"] = 2014 },
                ["end_date"] = new JsonObject { ["year"] = 2015 },
                ["text"] = new JsonObject { ["headline"] = Longest(Limits.TitleLength) },
            }),
        };
        await using var database = TestStore.CreateEmpty();
        var result = await new TimelineJsImporter(database.Store, database.Listener, TimeProvider.System)
            .ImportAsync(TimelineJsReader.Read(json.ToJsonString()), new TimelineJsImportOptions(Publish: true), "ada");
        Assert.Equal(1, result.EventsCreated);
        Assert.Single(database.Store.Tags.FindAll(), t => t.Name == Longest(Limits.NameLength));
        AssertEveryKeyFits(database.Store);
    }

    [Fact]
    public async Task Upgrading_a_store_gives_tags_of_the_longest_names_keys_that_fit()
    {
        await using var database = TestStore.CreateEmpty();
        // A version 1 file had no name keys: the upgrade makes them, for names as long as the forms allowed.
        database.Store.Write(tx =>
        {
            foreach (var kind in Enum.GetValues<TagKind>())
            {
                var slug = Slugs.Slugify(Longest(Limits.NameLength));
                tx.Store.Tags.Insert(new Tag { Id = tx.NextIntId("tags"), Kind = kind, Name = Longest(Limits.NameLength), Slug = slug, KindSlug = Tag.KindSlugOf(kind, slug), NameKey = "" });
            }
            tx.Store.Meta.Upsert(new MetaEntry { Id = MetaEntry.VersionKey, N = 1 });
        });
        database.Reopen();
        Assert.Equal(TimelineStore.CurrentVersion, database.Store.Version);
        Assert.All(database.Store.Tags.FindAll(), t => Assert.Equal(Tag.NameKeyOf(t.Kind, t.Name), t.NameKey));
        Assert.Empty(StoreAudit.Check(database.Store));
        AssertEveryKeyFits(database.Store);
    }
}
