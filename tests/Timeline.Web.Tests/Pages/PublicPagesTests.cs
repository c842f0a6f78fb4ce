using Timeline.Web.Theme;
using System.Net;
using AngleSharp.Dom;
using Timeline.Tests.Support;

namespace Timeline.Web.Tests.Pages;

/// <summary>The public pages as a reader (or a link-preview bot) gets them: complete HTML from the server.</summary>
public sealed class PublicPagesTests(TimelineWebFactory factory) : IClassFixture<TimelineWebFactory>
{
    private const string HaltSlug = "2023-01-26-the-palestinian-authority-declares-security-coordination-over";

    private Task<(HttpResponseMessage Response, IDocument Document)> GetAsync(string url) =>
        Html.GetAsync(factory.CreateBrowserlessClient(), url);

    [Fact]
    public async Task The_timeline_shows_the_eras_and_every_event_in_order()
    {
        var (response, page) = await GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(
            ["The 2014 collapse of the peace talks", "The September 2022 IDF operation in Jenin", "The 2023 halt of security coordination"],
            page.QuerySelectorAll(".era-header h2").Select(h => h.Text()));
        var items = page.QuerySelectorAll("ol.event-list > li");
        Assert.True(items.Length >= 12);
        var datetimes = items.Select(i => i.QuerySelector("time")!.GetAttribute("datetime")!).ToList();
        Assert.Equal("2013-07", datetimes[0]);
        Assert.Equal(datetimes.Order(StringComparer.Ordinal), datetimes);
        Assert.Equal(["2013", "2014"], page.QuerySelector(".era-section")!.QuerySelectorAll(".period-heading").Select(h => h.Text()));
    }

    [Fact]
    public async Task Each_timeline_entry_has_its_date_title_excerpt_and_outlets()
    {
        var (_, page) = await GetAsync("/");
        var relaunch = page.GetElementById("2013-07-us-brokered-peace-talks-relaunched-after-three-years-of-impasse")!;
        Assert.Equal("July 2013", relaunch.QuerySelector("time").Text());
        Assert.DoesNotContain("1 July 2013", page.Body.Text());

        var halt = page.GetElementById(HaltSlug)!;
        Assert.Equal("/events/" + HaltSlug, halt.QuerySelector("h4 a")!.GetAttribute("href"));
        Assert.StartsWith("Presidential spokesman Nabil Abu Rudaineh announced", halt.QuerySelector(".event-excerpt").Text());
        Assert.Equal("2 sources", halt.QuerySelector(".source-count").Text());
        Assert.Equal(["The Jerusalem Post", "World Israel News"], halt.QuerySelectorAll(".outlet").Select(o => o.Text()));
    }

    [Fact]
    public async Task Focus_highlights_one_event()
    {
        var (_, page) = await GetAsync($"/?focus={HaltSlug}");
        var focused = Assert.Single(page.QuerySelectorAll(".event-item.is-focused"));
        Assert.Equal(HaltSlug, focused.Id);
        Assert.Equal("true", focused.GetAttribute("aria-current"));
    }

    [Fact]
    public async Task An_event_page_shows_date_era_summary_sources_and_neighbours()
    {
        var (response, page) = await GetAsync("/events/" + HaltSlug);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("The Palestinian Authority declares security coordination over", page.QuerySelector("h1").Text());
        Assert.Equal("2023-01-26", page.QuerySelector(".event-when time")!.GetAttribute("datetime"));
        Assert.Equal("26 January 2023", page.QuerySelector(".event-when time").Text());
        Assert.Equal("/eras/2023-security-coordination-halt", page.QuerySelector(".event-era a")!.GetAttribute("href"));
        Assert.Null(page.QuerySelector(".prose strong")); // where the sources differ is a table now (SourcesAsDataTests)

        var sources = page.QuerySelectorAll(".source-card");
        Assert.Equal(2, sources.Length);
        Assert.Equal("2 sources", page.QuerySelector("#sources-heading").Text());
        var first = sources[0];
        Assert.Equal("World Israel News", first.QuerySelector(".source-outlet").Text());
        Assert.Equal("First report", first.QuerySelector(".badge").Text());
        Assert.Equal("Palestinians sever security ties after IDF raid in Jenin kills 8 terrorists", first.QuerySelector(".source-title").Text());
        Assert.Contains("26 January 2023", first.QuerySelector(".source-byline").Text());
        Assert.Contains("World Israel News Staff", first.QuerySelector(".source-byline").Text());
        Assert.StartsWith("“The security coordination with the Israeli occupation government is no longer existent", first.QuerySelector("blockquote").Text());
        Assert.Matches("^/articles/\\d+#passage-\\d+$", first.QuerySelector(".source-title a")!.GetAttribute("href")!);
        Assert.Equal("c. 4 February 2023", sources[1].QuerySelector(".source-byline time").Text());

        Assert.Equal("/events/2023-01-26-idf-raid-on-the-jenin-refugee-camp-kills-nine-palestinians", page.QuerySelector("a[rel=prev]")!.GetAttribute("href"));
        Assert.Equal("/events/2023-01-26-united-states-calls-the-halt-not-the-right-decision", page.QuerySelector("a[rel=next]")!.GetAttribute("href"));
        Assert.Equal($"/?focus={HaltSlug}#{HaltSlug}", page.QuerySelector("a.in-timeline")!.GetAttribute("href"));
    }

    [Fact]
    public async Task An_event_page_previews_well_when_its_link_is_pasted()
    {
        var (_, page) = await GetAsync("/events/" + HaltSlug + "?utm_source=chat");
        var canonical = "http://localhost/events/" + HaltSlug;
        Assert.Equal("The Palestinian Authority declares security coordination over (26 January 2023) · Timeline", page.Title);
        Assert.Equal(canonical, page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal(canonical, page.Meta("og:url"));
        Assert.Equal("article", page.Meta("og:type"));
        Assert.Equal(page.Title, page.Meta("og:title"));
        Assert.Equal("summary", page.Meta("twitter:card"));
        // X reads og:title and og:description when twitter:title and twitter:description are missing: not repeated.
        Assert.Null(page.Meta("twitter:title"));
        var description = page.Meta("description")!;
        Assert.StartsWith("26 January 2023. Presidential spokesman Nabil Abu Rudaineh", description);
        Assert.True(description.Length <= 240, description);
        Assert.DoesNotContain("**", description);
        Assert.Equal(description, page.Meta("og:description"));
        Assert.Null(page.Meta("twitter:description"));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/?era=2022-jenin-operation&zoom=months")]
    [InlineData("/filters")]
    [InlineData("/events/" + HaltSlug)]
    [InlineData("/search?q=Kerry")]
    [InlineData("/eras")]
    [InlineData("/eras/2023-security-coordination-halt")]
    [InlineData("/articles/1")]
    [InlineData("/events/never-was")]
    [InlineData("/no/such/page")]
    public async Task Public_pages_open_no_circuit(string url)
    {
        var html = await (await factory.CreateBrowserlessClient().GetAsync(url)).Content.ReadAsStringAsync();
        // An interactive component leaves a <!--Blazor:{"type":"server",...}--> marker for the circuit to pick up.
        Assert.DoesNotContain("\"type\":\"server\"", html);
        Assert.DoesNotContain("Blazor:{", html);
        Assert.DoesNotContain("blazor.server.js", html);
        Assert.DoesNotContain("MudBlazor.min.js", html);
        Assert.DoesNotContain("MudBlazor.min.css", html); // a reader page needs only the theme and the site's CSS
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/?tag=military-operation")]
    [InlineData("/search?q=Kerry")]
    [InlineData("/events/" + HaltSlug)]
    [InlineData("/eras/2022-jenin-operation")]
    [InlineData("/articles/2")]
    public async Task Reader_pages_set_no_cookie_and_are_served_from_the_cache(string url)
    {
        var client = factory.CreateBrowserlessClient();
        var first = await client.GetAsync(url);
        Assert.False(first.Headers.Contains("Set-Cookie"));
        Assert.NotEqual(true, first.Headers.CacheControl?.NoStore);
        var second = await client.GetAsync(url);
        Assert.NotNull(second.Headers.Age);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Not_found_pages_are_not_cached()
    {
        var client = factory.CreateBrowserlessClient();
        await client.GetAsync("/events/never-was");
        var again = await client.GetAsync("/events/never-was");
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Null(again.Headers.Age);
    }

    [Fact]
    public async Task An_era_page_lists_its_own_events()
    {
        var (response, page) = await GetAsync("/eras/2022-jenin-operation");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("The September 2022 IDF operation in Jenin", page.QuerySelector("h1").Text());
        Assert.Equal("September 2022", page.QuerySelector(".era-when time").Text());
        var titles = page.QuerySelectorAll(".event-title").Select(t => t.Text()).ToList();
        Assert.Equal(3, titles.Count);
        Assert.Contains("IDF operation in Jenin kills four Palestinian gunmen", titles);

        var (_, index) = await GetAsync("/eras");
        Assert.Equal(3, index.QuerySelectorAll(".era-cards li").Length);
    }

    [Fact]
    public async Task An_article_page_shows_the_cleaned_text_with_linked_passages_marked()
    {
        var (_, eventPage) = await GetAsync("/events/" + HaltSlug);
        var passageHref = eventPage.QuerySelectorAll(".source-title a")[1].GetAttribute("href")!;
        var anchor = passageHref.Split('#')[1];

        var (response, page) = await GetAsync(passageHref.Split('#')[0]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Palestinian leadership ‘rebuffs' pressure to resume security coordination", page.QuerySelector("h1").Text());
        Assert.Equal("The Jerusalem Post", page.QuerySelector(".article-outlet").Text());
        Assert.Equal("en", page.QuerySelector("article")!.GetAttribute("lang"));

        var body = page.QuerySelector(".article-body").Text();
        Assert.DoesNotContain("document.getElementById", body);
        Assert.DoesNotContain("Jerusalem Post Store", body);
        Assert.StartsWith("Palestinian governing bodies have decided", body);

        var target = page.GetElementById(anchor)!;
        var mark = target.NextElementSibling!;
        Assert.Equal("mark", mark.LocalName);
        Assert.StartsWith("“In light of the repeated aggression against our people", mark.Text());
        var marks = page.QuerySelectorAll("mark.passage");
        Assert.True(marks.Length >= 5);
        // Each passage leads back to its event; a difference's quote to the event's table (SourcesAsDataTests).
        var backLinks = page.QuerySelectorAll("a.passage-event").Select(a => a.GetAttribute("href")).Where(h => !h!.Contains('#')).ToList();
        Assert.Contains("/events/" + HaltSlug, backLinks);
        Assert.Equal(page.QuerySelectorAll(".article-events li").Length, backLinks.Count);
    }

    [Theory]
    [InlineData("/events/no-such-event", "Event not found")]
    [InlineData("/eras/no-such-era", "Storyline not found")]
    [InlineData("/articles/999999", "Article not found")]
    [InlineData("/articles/not-a-number", "Page not found")]
    [InlineData("/no/such/page", "Page not found")]
    public async Task Unknown_addresses_answer_404_with_a_helpful_page(string url, string heading)
    {
        var (response, page) = await GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(heading, page.QuerySelector("h1").Text());
        Assert.Equal("noindex", page.Meta("robots"));
        var links = page.QuerySelectorAll(".not-found a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/", links);
        Assert.Contains("/eras", links);
    }

    [Theory]
    [InlineData("/events/" + HaltSlug, HttpStatusCode.OK)]
    [InlineData("/", HttpStatusCode.OK)]
    [InlineData("/events/no-such-event", HttpStatusCode.NotFound)]
    public async Task Head_requests_get_the_pages_status(string url, HttpStatusCode expected)
    {
        var response = await factory.CreateBrowserlessClient().SendAsync(new HttpRequestMessage(HttpMethod.Head, url));
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Health_checks_the_database()
    {
        var response = await factory.CreateBrowserlessClient().GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Stylesheets_are_served_fingerprinted()
    {
        var client = factory.CreateBrowserlessClient();
        var (_, page) = await GetAsync("/");
        var hrefs = page.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")!).ToList();
        Assert.Contains(hrefs, h => h.StartsWith("app.") && h.EndsWith(".css") && h != "app.css");
        foreach (var href in hrefs)
        {
            var response = await client.GetAsync("/" + href);
            Assert.True(response.IsSuccessStatusCode, $"{href}: {(int)response.StatusCode}");
            Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task The_theme_is_a_stylesheet_named_by_its_content_and_kept_for_a_year()
    {
        var (_, page) = await GetAsync("/");
        var href = page.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")!).Single(h => h.StartsWith("theme.css?v="));
        var response = await factory.CreateBrowserlessClient().GetAsync("/" + href);
        var css = await response.Content.ReadAsStringAsync();

        Assert.Contains("--mud-palette-primary: rgba(31,95,139,1);", css); // the site's accent, from TimelineTheme
        Assert.DoesNotContain("<style", css);
        Assert.True(response.Headers.CacheControl!.Public);
        Assert.Equal(TimeSpan.FromDays(365), response.Headers.CacheControl.MaxAge);
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(css)))[..12];
        Assert.Equal("theme.css?v=" + hash, href);
    }
}
