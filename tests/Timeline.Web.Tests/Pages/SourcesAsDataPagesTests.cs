using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using Timeline.Tests.Support;

namespace Timeline.Web.Tests.Pages;

/// <summary>
/// Where the seeded sources differ, as readers and programs get it through the real host: the event page's table
/// and date note, the marks and filters of the timeline, the API, JSON-LD, feeds and the TimelineJS export.
/// </summary>
public sealed class SourcesAsDataPagesTests(TimelineWebFactory factory) : IClassFixture<TimelineWebFactory>
{
    private const string HaltSlug = "2023-01-26-the-palestinian-authority-declares-security-coordination-over";
    private const string RaidSlug = "2023-01-26-idf-raid-on-the-jenin-refugee-camp-kills-nine-palestinians";
    private const string KerrySlug = "2014-04-08-kerry-tells-the-senate-poof-that-was-sort-of-the-moment";

    private Task<(HttpResponseMessage Response, IDocument Document)> GetAsync(string url) =>
        Html.GetAsync(factory.CreateBrowserlessClient(), url);

    private Task<JsonElement> GetJsonAsync(string url, HttpStatusCode expected = HttpStatusCode.OK) =>
        Html.GetJsonAsync(factory.CreateBrowserlessClient(), url, expected);

    [Fact]
    public async Task The_event_page_sets_the_sources_side_by_side_each_quote_linked_to_its_words_in_the_article()
    {
        var (_, page) = await GetAsync("/events/" + HaltSlug);
        var table = page.QuerySelector(".differences table")!;
        Assert.Equal("differences-heading", page.QuerySelector(".differences-scroll")!.GetAttribute("aria-labelledby"));
        Assert.Equal(["World Israel News", "The Jerusalem Post"], table.QuerySelectorAll("thead th[scope=col]").Skip(1).Select(th => th.Text()));
        Assert.Equal(["The day", "Which court", "The words quoted"], table.QuerySelectorAll("tbody th[scope=row]").Select(th => th.Text()));
        var day = table.QuerySelectorAll("tbody tr")[0].QuerySelectorAll("td");
        Assert.Equal("Wednesday 25 January", day[0].QuerySelector(".claim-value").Text());
        Assert.Equal("“The Palestinian Authority (PA) announced on Wednesday”", day[0].QuerySelector("a.claim-quote").Text());
        Assert.Equal("auto", day[0].QuerySelector("a.claim-quote")!.GetAttribute("dir"));
        Assert.Equal("Sources differ", page.QuerySelector(".event-when a[href='#differences-heading']").Text());
        Assert.Null(page.QuerySelector(".event-when a[href='#sources-heading']")); // two outlets: not single-sourced

        // The quote's link opens the article at those words, marked, with a way back to the table.
        var href = day[0].QuerySelector("a.claim-quote")!.GetAttribute("href")!;
        Assert.Matches(@"^/articles/\d+#quote-\d+-0$", href);
        var (_, article) = await GetAsync(href.Split('#')[0]);
        var mark = article.GetElementById(href.Split('#')[1])!.NextElementSibling!;
        Assert.Equal("The Palestinian Authority (PA) announced on Wednesday", mark.Text());
        Assert.Contains(article.QuerySelectorAll("a.passage-event"), a => a.GetAttribute("href") == $"/events/{HaltSlug}#differences-heading");

        // Its sources give different days: each with its words, linked to its passage; the event keeps its date.
        var dates = page.QuerySelector(".source-dates")!;
        Assert.Equal("Sources differ on the date", dates.QuerySelector("h2").Text());
        Assert.Equal(["World Israel News: 25 January 2023 (“on Wednesday”)", "The Jerusalem Post: 26 January 2023 (“On January 26”)"],
            dates.QuerySelectorAll("li").Select(li => li.Text().Trim()));
        Assert.Matches(@"^/articles/\d+#passage-\d+$", dates.QuerySelector("li a")!.GetAttribute("href")!);
        Assert.Equal("26 January 2023", page.QuerySelector(".event-when time").Text());
    }

    [Fact]
    public async Task A_single_sourced_event_says_so_on_its_page_and_on_the_timeline()
    {
        var (_, page) = await GetAsync("/events/" + KerrySlug);
        Assert.Equal("Single source", page.QuerySelector(".event-when a[href='#sources-heading']").Text());
        Assert.StartsWith("This event rests on one outlet's reporting (Arutz Sheva", page.QuerySelector(".sources-intro").Text());
        Assert.Null(page.QuerySelector(".differences"));
        Assert.Null(page.QuerySelector(".source-dates"));

        var (_, timeline) = await GetAsync("/");
        Assert.Equal("source-count one", timeline.GetElementById(KerrySlug)!.QuerySelector(".source-count")!.ClassName);
        Assert.Equal("source-count", timeline.GetElementById(HaltSlug)!.QuerySelector(".source-count")!.ClassName);
        Assert.Equal("Sources differ", timeline.GetElementById(HaltSlug)!.QuerySelector("a.differs").Text());
        Assert.Null(timeline.GetElementById(KerrySlug)!.QuerySelector("a.differs"));
    }

    [Fact]
    public async Task The_timeline_filters_to_events_whose_sources_differ_or_rest_on_one_source_in_its_form_and_links()
    {
        var (_, differ) = await GetAsync("/?differ=1");
        Assert.Equal([RaidSlug, HaltSlug], differ.QuerySelectorAll("ol.event-list > li").Select(li => li.Id));
        Assert.True(differ.QuerySelector("input[name=differ]")!.HasAttribute("checked"));
        Assert.False(differ.QuerySelector("input[name=single]")!.HasAttribute("checked"));
        Assert.NotNull(differ.QuerySelector("a[href='/']")); // "Clear filters"

        var (_, single) = await GetAsync("/?single=on"); // as the form's checkbox sends it
        var items = single.QuerySelectorAll("ol.event-list > li");
        Assert.Equal(9, items.Length);
        Assert.All(items, li => Assert.Equal("source-count one", li.QuerySelector(".source-count")!.ClassName));

        var (_, none) = await GetAsync("/?differ=1&single=1");
        Assert.Empty(none.QuerySelectorAll("ol.event-list > li"));
    }

    [Fact]
    public async Task The_api_filters_and_returns_differences_source_dates_and_single_sourcing()
    {
        var differ = await GetJsonAsync("/api/v1/events?differ=1");
        Assert.Equal([RaidSlug, HaltSlug], differ.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("slug").GetString()));
        Assert.All(differ.GetProperty("events").EnumerateArray(), e => Assert.True(e.GetProperty("sourcesDiffer").GetBoolean()));
        var single = await GetJsonAsync("/api/v1/events?single=1&limit=100");
        Assert.Equal(9, single.GetProperty("events").GetArrayLength());
        Assert.All(single.GetProperty("events").EnumerateArray(), e => Assert.True(e.GetProperty("singleSource").GetBoolean()));
        var problem = await GetJsonAsync("/api/v1/events?differ=maybe", HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("differ", out _));

        var halt = await GetJsonAsync("/api/v1/events/" + HaltSlug);
        var differences = halt.GetProperty("differences");
        Assert.Equal(["The day", "Which court", "The words quoted"], differences.EnumerateArray().Select(d => d.GetProperty("aspect").GetString()));
        var court = differences[1].GetProperty("sources");
        Assert.Equal(("World Israel News", "the International Court of Justice (ICJ)", "International Court of Justice"),
            (court[0].GetProperty("outlet").GetString(), court[0].GetProperty("quote").GetString(), court[0].GetProperty("value").GetString()));
        Assert.Matches(@"^http://localhost/articles/\d+#quote-\d+-1$", court[0].GetProperty("url").GetString()!);
        Assert.True(halt.GetProperty("sourcesDifferOnDate").GetBoolean());
        Assert.False(halt.GetProperty("singleSource").GetBoolean());
        var win = halt.GetProperty("sources").EnumerateArray().Single(s => s.GetProperty("article").GetProperty("outlet").GetString() == "World Israel News");
        Assert.Equal(("2023-01-25", "day", "on Wednesday"), (win.GetProperty("sourceDate").GetProperty("date").GetProperty("date").GetString(),
            win.GetProperty("sourceDate").GetProperty("date").GetProperty("precision").GetString(), win.GetProperty("sourceDate").GetProperty("words").GetString()));
        Assert.Equal(0, halt.GetProperty("notes").GetArrayLength());
    }

    [Fact]
    public async Task Json_ld_feeds_and_exports_carry_the_differences_and_follow_the_filter()
    {
        var (_, page) = await GetAsync("/events/" + HaltSlug);
        var jsonLd = JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent).RootElement;
        var claims = jsonLd.GetProperty("subjectOf").EnumerateArray().Where(s => s.GetProperty("@type").GetString() == "Claim").ToList();
        Assert.Equal(6, claims.Count);
        Assert.Equal(("Which court", "go to the International Criminal Court", "The Jerusalem Post"),
            (claims[3].GetProperty("name").GetString(), claims[3].GetProperty("text").GetString(),
             claims[3].GetProperty("appearance").GetProperty("publisher").GetProperty("name").GetString()));

        var export = await GetJsonAsync("/export/timelinejs.json?differ=1");
        var events = export.GetProperty("events").EnumerateArray().ToList();
        Assert.Equal(2, events.Count);
        Assert.Contains("<strong>Where the sources differ</strong>", events[1].GetProperty("text").GetProperty("text").GetString());
        Assert.Contains("World Israel News: “the International Court of Justice (ICJ)” (International Court of Justice)", events[1].GetProperty("text").GetProperty("text").GetString());

        var atom = await factory.CreateBrowserlessClient().GetStringAsync("/feeds/events.atom?single=1");
        Assert.Contains("Kerry tells the Senate", atom);
        Assert.DoesNotContain("declares security coordination over", atom);
    }
}
