using System.Text.Json.Nodes;
using Timeline.Core.Dates;
using Timeline.Core.Domain;
using Timeline.Core.Seeding;
using Timeline.Tests.Support;

namespace Timeline.Core.Tests.Seeding;

public sealed class SeedManifestLoaderTests
{
    private static readonly SeedPlan Shipped = SeedManifestLoader.Load(Seeds.Directory);

    [Fact]
    public void The_shipped_manifest_has_three_eras_five_articles_and_at_least_twelve_events()
    {
        Assert.Equal(["2014-peace-talks-collapse", "2022-jenin-operation", "2023-security-coordination-halt"], Shipped.Storylines.Select(e => e.Slug));
        Assert.Equal(Seeds.ArticleFiles, Shipped.Articles.Select(a => a.File).Order());
        Assert.True(Shipped.Events.Count >= 12, $"only {Shipped.Events.Count} events");
        Assert.All(Shipped.Events, e => Assert.NotEmpty(e.Links));
        Assert.All(Shipped.Events, e => Assert.NotNull(e.StorylineSlug));
    }

    [Fact]
    public void Every_passage_is_quoted_word_for_word_from_its_cleaned_article()
    {
        var bodies = Shipped.Articles.ToDictionary(a => a.File, a => a.Body);
        foreach (var ev in Shipped.Events)
        {
            foreach (var link in ev.Links)
                Assert.True(bodies[link.ArticleFile].Contains(link.Passage, StringComparison.Ordinal), $"{ev.Title}: {link.Passage}");
        }
    }

    [Fact]
    public void Every_seed_article_backs_at_least_one_event()
    {
        var linked = Shipped.Events.SelectMany(e => e.Links).Select(l => l.ArticleFile).ToHashSet();
        Assert.All(Seeds.ArticleFiles, file => Assert.Contains(file, linked));
    }

    [Fact]
    public void Dates_carry_the_precision_the_sources_allow()
    {
        var relaunch = Shipped.Events.Single(e => e.Title.StartsWith("US-brokered peace talks relaunched"));
        Assert.Equal(PartialDate.Month(2013, 7), relaunch.Start);
        Assert.Equal("July 2013", relaunch.Start.Format());

        var halt = Shipped.Events.Single(e => e.Title == "The Palestinian Authority declares security coordination over");
        Assert.Equal(PartialDate.Day(2023, 1, 26), halt.Start);
        Assert.Equal(2, halt.Links.Count);

        var ramallah = Shipped.Events.Single(e => e.Title.StartsWith("Palestinian leadership upholds the halt"));
        Assert.True(ramallah.Start.Approximate);
        Assert.Equal(new DateTime(2023, 2, 3), ramallah.Start.Value);

        var kerry = Shipped.Events.Single(e => e.Title.StartsWith("Kerry tells the Senate"));
        Assert.Equal(PartialDate.Day(2014, 4, 8), kerry.Start);
    }

    [Fact]
    public void Where_the_sources_disagree_the_manifest_holds_it_as_data_and_the_summaries_no_longer_say_it()
    {
        const string win = "004_253ffd92b0958686.txt", post = "002_95383a19cb279dd7.txt";
        var halt = Shipped.Events.Single(e => e.Title == "The Palestinian Authority declares security coordination over");
        Assert.Equal(["The day", "Which court", "The words quoted"], halt.Differences.Select(d => d.Aspect));
        var day = halt.Differences[0];
        Assert.Equal([(win, "Wednesday 25 January"), (post, "Thursday 26 January")], day.Claims.Select(c => (c.ArticleFile, c.Value)));
        Assert.Contains("announced on Wednesday", day.Claims[0].Quote);
        // Each source's own date for the event, with its words: they disagree with each other.
        var dates = halt.Links.ToDictionary(l => l.ArticleFile, l => l.SourceDate);
        Assert.Equal((PartialDate.Day(2023, 1, 25), "on Wednesday"), (dates[win]!.Date, dates[win]!.Words));
        Assert.Equal(PartialDate.Day(2023, 1, 26), dates[post]!.Date);

        var raid = Shipped.Events.Single(e => e.Title.StartsWith("IDF raid on the Jenin refugee camp"));
        Assert.Equal("The dead", Assert.Single(raid.Differences).Aspect);
        Assert.All(Shipped.Events, e => Assert.DoesNotContain("The sources differ", e.Summary));
    }

    [Fact]
    public void Titles_outlets_and_dates_of_articles_come_from_the_manifest()
    {
        var wIN = Shipped.Articles.Single(a => a.File == "004_253ffd92b0958686.txt");
        Assert.Equal("World Israel News", wIN.Outlet);
        Assert.Equal(PartialDate.Day(2023, 1, 26), wIN.Published);
        Assert.Equal("World Israel News Staff", wIN.Author);
        Assert.Equal(64, wIN.ContentHash.Length);
    }

    [Fact]
    public void Event_slugs_are_made_from_date_and_title_and_are_unique()
    {
        Assert.Equal(Shipped.Events.Count, Shipped.Events.Select(e => e.Slug).Distinct().Count());
        Assert.Contains(Shipped.Events, e => e.Slug == "2013-07-us-brokered-peace-talks-relaunched-after-three-years-of-impasse");
    }

    // Each broken manifest must be refused with a message naming the file, the entry and the problem.
    [Theory]
    [InlineData("not json", "timeline.json", "not valid manifest JSON (line 1")]
    [InlineData("""{"articles": [], "events": [], "erass": []}""", "timeline.json", "erass")]
    [InlineData("""{"events": []}""", "timeline.json", "\"articles\" is missing")]
    [InlineData("""{"articles": [{"file": "a\ud800.txt"}], "events": []}""", "timeline.json", "$.articles[0].file")]
    public void Unreadable_manifests_are_refused(string json, string expectedFile, string expectedProblem)
    {
        var folder = Seeds.CopyToTemp();
        File.WriteAllText(Path.Combine(folder, SeedManifestLoader.ManifestFileName), json);
        var error = Assert.Throws<SeedManifestException>(() => SeedManifestLoader.Load(folder));
        Assert.Contains(expectedFile, error.Message);
        Assert.True(error.Message.Contains(expectedProblem, StringComparison.Ordinal), error.Message);
    }

    [Theory]
    [InlineData("events/0/title", null, "events[0] (untitled): \"title\" is missing")]
    [InlineData("events/0/start", "July 2013", "events[0] (US-brokered peace talks relaunched after three years of impasse): start \"July 2013\" is not a date")]
    [InlineData("events/0/start", "2023-02-30", "is not a real calendar date")]
    [InlineData("events/0/era", "no-such-era", "era \"no-such-era\" is not one of the manifest's eras")]
    [InlineData("events/0/status", "maybe", "status \"maybe\" is not one of draft, published and deleted")]
    [InlineData("events/0/end", "2013-01", "end 2013-01 is before start 2013-07")]
    [InlineData("events/0/links/0/passage", "Words that are not in the article.", "links[0] (000_1d9ba4b0c40e118f.txt): passage not found word for word")]
    [InlineData("events/0/links/0/role", "rumour", "role \"rumour\" is not one of first-report, report")]
    [InlineData("events/0/links/0/article", "999_missing.txt", "article \"999_missing.txt\" is not one of the manifest's articles")]
    [InlineData("events/1/slug", "2013-07-us-brokered-peace-talks-relaunched-after-three-years-of-impasse", "is used twice")]
    [InlineData("events/1/slug", "Not A Slug", "must be lower-case words joined by hyphens")]
    [InlineData("articles/0/file", "999_missing.txt", "does not exist")]
    [InlineData("articles/0/file", "../../etc/passwd", "plain file name inside the seeds folder")]
    [InlineData("articles/0/published", "yesterday", "articles[0] (000_1d9ba4b0c40e118f.txt): published \"yesterday\" is not a date")]
    [InlineData("articles/0/url", "javascript:alert(1)", "is not an http(s) address")]
    [InlineData("events/13/differences/0/sources/1/quote", "eleven Palestinians", "events[13] (IDF raid on the Jenin refugee camp kills nine Palestinians) difference[0]-claim[1]-quote: These words are not in the article's text")]
    [InlineData("events/13/differences/0/aspect", " ", "difference[0]-aspect: Say what the sources differ on")]
    [InlineData("events/13/differences/0/sources/1/article", "003_f6519f8894187896.txt", "difference[0]-claim[1]: This article is not linked to the event")]
    [InlineData("events/13/differences/0/sources/1/article", "999_missing.txt", "difference[0]-claim[1]: Choose the source")]
    [InlineData("events/14/links/0/sourceDate/date", "2023-02-30", "links[0] (004_253ffd92b0958686.txt): sourceDate.date \"2023-02-30\" is not a real calendar date")]
    [InlineData("eras/0/colour", "red", "colour \"red\" is not a #rrggbb hex colour")]
    [InlineData("eras/0/openAt", "middle", "openAt \"middle\" is neither \"first\" nor \"latest\"")]
    [InlineData("eras/0/end", "2012", "eras[0] (2014-peace-talks-collapse): end 2012 is before start 2013-07")]
    public void Broken_entries_are_named_with_their_problem(string pointer, string? value, string expectedProblem)
    {
        var folder = Seeds.CopyToTemp();
        var path = Path.Combine(folder, SeedManifestLoader.ManifestFileName);
        var manifest = JsonNode.Parse(File.ReadAllText(path))!;
        Set(manifest, pointer, value);
        File.WriteAllText(path, manifest.ToJsonString());

        var error = Assert.Throws<SeedManifestException>(() => SeedManifestLoader.Load(folder));
        Assert.Equal(path, error.ManifestPath);
        Assert.Contains(path, error.Message);
        Assert.Contains(error.Problems, p => p.Contains(expectedProblem, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var folder = Seeds.CopyToTemp();
        var path = Path.Combine(folder, SeedManifestLoader.ManifestFileName);
        var manifest = JsonNode.Parse(File.ReadAllText(path))!;
        Set(manifest, "events/0/start", "never");
        Set(manifest, "events/2/era", "nowhere");
        File.WriteAllText(path, manifest.ToJsonString());
        var error = Assert.Throws<SeedManifestException>(() => SeedManifestLoader.Load(folder));
        Assert.Equal(2, error.Problems.Count);
    }

    [Fact]
    public void Events_with_the_same_date_and_title_get_numbered_slugs()
    {
        var folder = Seeds.CopyToTemp();
        var path = Path.Combine(folder, SeedManifestLoader.ManifestFileName);
        var manifest = JsonNode.Parse(File.ReadAllText(path))!;
        manifest["events"]!.AsArray().Add(manifest["events"]![0]!.DeepClone());
        File.WriteAllText(path, manifest.ToJsonString());

        var slugs = SeedManifestLoader.Load(folder).Events.Select(e => e.Slug).ToList();
        Assert.Contains("2013-07-us-brokered-peace-talks-relaunched-after-three-years-of-impasse", slugs);
        Assert.Contains("2013-07-us-brokered-peace-talks-relaunched-after-three-years-of-impasse-2", slugs);
    }

    [Fact]
    public void A_missing_manifest_is_named()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"timeline-empty-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var error = Assert.Throws<SeedManifestException>(() => SeedManifestLoader.Load(folder));
        Assert.Contains("timeline.json", error.Message);
        Assert.Contains("does not exist", error.Message);
    }

    private static void Set(JsonNode root, string pointer, string? value)
    {
        var parts = pointer.Split('/');
        var node = root;
        foreach (var part in parts[..^1])
            node = int.TryParse(part, out var index) ? node[index]! : node[part]!;
        node[parts[^1]] = value is null ? null : JsonValue.Create(value);
    }
}
