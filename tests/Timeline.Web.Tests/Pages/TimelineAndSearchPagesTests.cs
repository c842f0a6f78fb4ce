using System.Net;
using Timeline.Tests.Support;

namespace Timeline.Web.Tests.Pages;

/// <summary>The timeline's views and the search page as the server renders them (the HTML is complete before any circuit).</summary>
public sealed class TimelineAndSearchPagesTests(TimelineWebFactory factory) : IClassFixture<TimelineWebFactory>
{
    [Fact]
    public async Task A_filtered_url_renders_the_filtered_view_with_its_controls_set()
    {
        var (response, page) = await Html.GetAsync(factory.CreateBrowserlessClient(), "/?era=2022-jenin-operation&tag=military-operation");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["2022-09-28-idf-operation-in-jenin-kills-four-palestinian-gunmen"], page.QuerySelectorAll("li.event-item").Select(li => li.Id));
        Assert.Equal("2022-jenin-operation", page.QuerySelector("select[name=era] option[selected]")?.GetAttribute("value"));
        Assert.Equal("military-operation", page.QuerySelector("select[name=tag] option[selected]")?.GetAttribute("value"));
        Assert.NotNull(page.QuerySelector("a[href='/']"));
        Assert.StartsWith("Filtered timeline", page.Title);
    }

    [Fact]
    public async Task The_timeline_is_an_ordered_list_with_machine_readable_dates_and_a_time_axis()
    {
        var (_, page) = await Html.GetAsync(factory.CreateBrowserlessClient(), "/");
        Assert.NotNull(page.QuerySelector("[data-timeline] ol.event-list > li.event-item time[datetime='2013-07']"));
        var periods = page.QuerySelectorAll(".time-axis .axis-periods > a");
        Assert.Equal(["2013", "2014", "2022", "2023"], page.QuerySelectorAll(".time-axis .axis-ticks > span").Select(p => p.Text()));
        Assert.Equal(4, periods.Length);
        var link = page.QuerySelector(".axis-periods > a[aria-label='2014: 9 events, 1 storyline']")!;
        Assert.Equal("/?from=2014&to=2014&zoom=months", link.GetAttribute("href"));
        Assert.Equal("7 years without events", page.QuerySelector(".axis-periods > .fold")!.Text());
        Assert.Equal(3, page.QuerySelectorAll(".axis-bands > a").Length);
        // Plain HTML: the filters are a GET form to "/", and nothing waits for a circuit.
        var form = page.QuerySelector("form[data-filters]")!;
        Assert.Equal(("get", "/"), (form.GetAttribute("method"), form.GetAttribute("action")));
        Assert.NotNull(form.QuerySelector("button[type=submit]"));
        Assert.DoesNotContain("Blazor:{", page.Source.Text);
    }

    [Fact]
    public async Task A_zoomed_view_groups_by_month()
    {
        var (_, page) = await Html.GetAsync(factory.CreateBrowserlessClient(), "/?from=2014&to=2014&zoom=months");
        Assert.Equal("2014, by month", page.QuerySelector(".zoom-level").Text());
        Assert.Equal(["March 2014", "April 2014"], page.QuerySelectorAll(".period-heading").Select(h => h.Text()));
        Assert.Equal("/", page.QuerySelector(".zoom a[data-zoom-out]")!.GetAttribute("href"));
        // January and February are empty, but only two months: not folded. May to December are.
        Assert.Equal(["January 2014", "February 2014", "March 2014", "April 2014"],
            page.QuerySelectorAll(".axis-periods > a").Select(a => a.GetAttribute("aria-label")!.Split(':')[0]));
        Assert.Equal("8 months without events", page.QuerySelector(".axis-periods > .fold")!.Text());
    }

    [Theory]
    [InlineData("/?from=yesterday", "“yesterday” was not understood")]
    [InlineData("/?from=2023&to=2014", "before the start date")]
    [InlineData("/?era=atlantis", "There is no storyline “atlantis”")]
    [InlineData("/?focus=no-such-event", "not in this view")]
    [InlineData("/?q=***", "Type a word")]
    public async Task A_view_that_cannot_be_honoured_says_why(string url, string message)
    {
        var (response, page) = await Html.GetAsync(factory.CreateBrowserlessClient(), url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(page.QuerySelectorAll(".problem"), p => p.Text().Contains(message));
    }

    [Fact]
    public async Task Search_shows_events_and_articles_with_highlighted_snippets()
    {
        var (response, page) = await Html.GetAsync(factory.CreateBrowserlessClient(), "/search?q=%22give+full+rein%22");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var hits = page.QuerySelectorAll("li.hit");
        Assert.Equal(3, hits.Length);
        Assert.All(hits, h => Assert.NotNull(h.QuerySelector("mark")));
        Assert.Contains(hits, h => h.QuerySelector(".kind").Text() == "Event");
        Assert.Contains(hits, h => h.QuerySelector(".hit-meta").Text().Contains("Arutz Sheva"));
        Assert.Equal("\"give full rein\"", page.QuerySelector("#search-q")!.GetAttribute("value"));
        Assert.Equal("noindex", page.Meta("robots"));
    }

    [Fact]
    public async Task Search_results_can_be_newest_first_and_paged()
    {
        var client = factory.CreateBrowserlessClient();
        var (_, newest) = await Html.GetAsync(client, "/search?q=a*&order=newest");
        var dates = newest.QuerySelectorAll(".hit time").Select(t => t.GetAttribute("datetime")!).ToList();
        Assert.Equal(dates.OrderDescending(StringComparer.Ordinal), dates);
        var next = newest.QuerySelector("a[rel=next]")!.GetAttribute("href");
        Assert.Equal("/search?q=a%2A&order=newest&page=2", next);
        var (response, second) = await Html.GetAsync(client, next!);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("21", second.QuerySelector("ol.hits")!.GetAttribute("start"));
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("NEAR(")]
    [InlineData("*")]
    [InlineData("title:Kerry")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("%00%01%02")]
    [InlineData("'; DROP TABLE Events; --")]
    public async Task Hostile_search_input_never_breaks_the_page(string query)
    {
        var response = await factory.CreateBrowserlessClient().GetAsync("/search?q=" + Uri.EscapeDataString(query) + "&page=-4");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>alert", html);
        Assert.Contains("<h1", html);
        var timeline = await factory.CreateBrowserlessClient().GetAsync("/?q=" + Uri.EscapeDataString(query));
        Assert.Equal(HttpStatusCode.OK, timeline.StatusCode);
    }

    [Fact]
    public async Task The_header_search_box_is_on_every_public_page()
    {
        foreach (var url in new[] { "/", "/eras", "/articles/1", "/events/no-such-event" })
        {
            var (_, page) = await Html.GetAsync(factory.CreateBrowserlessClient(), url);
            var form = page.QuerySelector("header form[role=search]")!;
            Assert.Equal("/search", form.GetAttribute("action"));
            Assert.NotNull(form.QuerySelector("input[name=q]"));
        }
    }

    [Fact]
    public async Task An_event_page_offers_its_link_to_copy()
    {
        var (_, page) = await Html.GetAsync(factory.CreateBrowserlessClient(), "/events/2014-04-08-kerry-tells-the-senate-poof-that-was-sort-of-the-moment");
        Assert.Equal("http://localhost/events/2014-04-08-kerry-tells-the-senate-poof-that-was-sort-of-the-moment",
            page.QuerySelector("button[data-copy-link]")!.GetAttribute("data-copy-link"));
    }
}
