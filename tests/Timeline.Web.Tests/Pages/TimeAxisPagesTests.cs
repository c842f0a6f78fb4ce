using System.Net;
using AngleSharp.Dom;
using Timeline.Tests.Support;

namespace Timeline.Web.Tests.Pages;

/// <summary>The time axis as the server renders it on the timeline, a storyline, an event and the embed: no script,
/// no circuit, every move a link.</summary>
public sealed class TimeAxisPagesTests(TimelineWebFactory factory) : IClassFixture<TimelineWebFactory>
{
    private const string Halt = "2023-01-26-the-palestinian-authority-declares-security-coordination-over";

    private async Task<IDocument> PageAsync(string url)
    {
        var (response, page) = await Html.GetAsync(factory.CreateBrowserlessClient(), url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return page;
    }

    private static List<string> Labels(IDocument page, string selector) =>
        [.. page.QuerySelectorAll(selector).Select(e => e.GetAttribute("aria-label")!)];

    [Fact]
    public async Task Each_mark_draws_its_precision_and_says_it_in_words()
    {
        var page = await PageAsync("/?from=2014-04&to=2014-04&zoom=days");
        var axis = page.QuerySelector(".time-axis[data-axis]")!;
        Assert.Equal("ltr", axis.GetAttribute("dir")); // time runs left to right whatever the page's direction
        Assert.Equal("Time axis, 1 April 2014 to 30 April 2014, by day", axis.GetAttribute("aria-label"));

        // The month-precise event is a bracket across the whole month; the day-precise ones are points.
        var month = page.QuerySelector(".axis-marks > a[href='/events/2014-04-plo-applies-to-join-15-international-conventions']")!;
        Assert.Equal("mk span r0", month.ClassName);
        Assert.Equal("left:0%;width:100%", month.GetAttribute("style"));
        Assert.Equal("April 2014, date known to the month", month.GetAttribute("aria-label"));
        var day = page.QuerySelector(".axis-marks > a[href='/events/2014-04-03-israel-informs-the-palestinian-authority-of-punitive-measures']")!;
        Assert.StartsWith("mk point", day.ClassName);
        Assert.Equal("3 April 2014, date known to the day", day.GetAttribute("aria-label"));
        Assert.DoesNotContain("width", day.GetAttribute("style"));
    }

    [Fact]
    public async Task An_approximate_event_with_an_end_is_a_bar_with_soft_ends()
    {
        // Its own page draws it first (three events of its day come before it in time).
        var page = await PageAsync("/events/2023-01-26-blinken-and-cia-director-burns-raise-security-coordination-with-abbas");
        var visits = page.QuerySelector(".axis-marks > a.current")!;
        Assert.Contains("bar", visits.ClassList);
        Assert.Contains("soft-start", visits.ClassList);
        Assert.Equal("c. 26 January 2023 – c. 3 February 2023, dates known to the day, approximate", visits.GetAttribute("aria-label"));
    }

    [Fact]
    public async Task A_crowded_day_is_counted_and_the_count_links_to_the_view_that_shows_its_events()
    {
        var page = await PageAsync("/?from=2014-04&to=2014-04&zoom=days");
        var crowd = Assert.Single(page.QuerySelectorAll(".axis-crowds > a"));
        Assert.Equal("+2", crowd.Text());
        // Its stretch is at least 12 % wide (a count's words at 375 px): 7 to 9 April, two of whose events are marks.
        Assert.Equal("2 more events from 7 April 2014 to 9 April 2014", crowd.GetAttribute("aria-label"));
        Assert.Equal("/?from=2014-04-07&to=2014-04-09&zoom=days", crowd.GetAttribute("href"));
        // Every event of the window is a mark or counted.
        Assert.Equal(page.QuerySelectorAll("li.event-item").Length, page.QuerySelectorAll(".axis-marks > a").Length + 2);

        var days = await PageAsync(crowd.GetAttribute("href")!);
        Assert.Equal(5, days.QuerySelectorAll("li.event-item").Length);
        // A single day's count says "on".
        var day = await PageAsync("/?from=2014-04-09&to=2014-04-09&zoom=days");
        Assert.Equal("1 more event on 9 April 2014", day.QuerySelector(".axis-crowds > a")!.GetAttribute("aria-label"));
    }

    [Fact]
    public async Task Empty_stretches_fold_and_every_period_is_a_link_announced_with_its_counts()
    {
        var page = await PageAsync("/?from=2014-04&to=2014-04&zoom=days");
        Assert.Equal("19 days without events", page.QuerySelector(".axis-periods > .fold")!.Text());
        Assert.Equal("repeat(9,1fr) 3fr repeat(2,1fr)", page.QuerySelector(".axis-periods")!.GetAttribute("style")!.Split(':')[1]);
        Assert.Equal(["1 April 2014: 1 event, 1 storyline", "2 April 2014: 0 events, 1 storyline"], Labels(page, ".axis-periods > a").Take(2));
        Assert.Equal("9 April 2014: 4 events, 1 storyline", Labels(page, ".axis-periods > a")[8]);
        Assert.Equal(["1 Apr", "3", "5", "7", "9", "29 Apr"], page.QuerySelectorAll(".axis-ticks > span").Select(a => a.Text()));
        Assert.All(page.QuerySelectorAll(".axis-periods > a"), a => Assert.Equal("", a.Text())); // the name is the whole period
    }

    [Fact]
    public async Task Earlier_and_later_pan_by_links_and_the_whole_timeline_has_neither()
    {
        var page = await PageAsync("/?era=2014-peace-talks-collapse&from=2014&to=2014&zoom=months");
        Assert.Equal("/?era=2014-peace-talks-collapse&from=2013&to=2013&zoom=months", page.QuerySelector("a[data-pan=earlier]")!.GetAttribute("href"));
        Assert.Equal("/?era=2014-peace-talks-collapse&from=2015&to=2015&zoom=months", page.QuerySelector("a[data-pan=later]")!.GetAttribute("href"));
        var earlier = await PageAsync(page.QuerySelector("a[data-pan=earlier]")!.GetAttribute("href")!);
        Assert.Equal(["July 2013"], earlier.QuerySelectorAll(".period-heading").Select(h => h.Text()));

        var all = await PageAsync("/");
        Assert.Null(all.QuerySelector("a[data-pan]"));
    }

    [Fact]
    public async Task Bands_link_to_their_storyline_and_a_storyline_view_shows_its_own_band_only()
    {
        var page = await PageAsync("/");
        Assert.Equal(["/?era=2014-peace-talks-collapse", "/?era=2022-jenin-operation", "/?era=2023-security-coordination-halt"],
            page.QuerySelectorAll(".axis-bands > a").Select(a => a.GetAttribute("href")));
        Assert.Equal(["The 2014 collapse of the peace talks", "The September 2022 IDF operation in Jenin", "The 2023 halt of security coordination"],
            Labels(page, ".axis-bands > a"));
        var storyline = await PageAsync("/?era=2022-jenin-operation");
        Assert.Equal(["The September 2022 IDF operation in Jenin"], Labels(storyline, ".axis-bands > a"));
    }

    [Fact]
    public async Task The_event_page_places_the_event_among_its_storyline_neighbours()
    {
        var page = await PageAsync("/events/" + Halt);
        var axis = page.QuerySelector(".event-axis .time-axis")!;
        Assert.Equal("In its storyline", page.QuerySelector("#axis-heading")!.Text());
        var current = axis.QuerySelector(".axis-marks > a.current")!;
        Assert.Equal("/events/" + Halt, current.GetAttribute("href"));
        Assert.Equal("26 January 2023, date known to the day", current.GetAttribute("aria-label"));
        Assert.All(axis.QuerySelectorAll(".axis-periods > a"), a => Assert.StartsWith("/?era=2023-security-coordination-halt&from=", a.GetAttribute("href")));
        Assert.Contains("by day", axis.GetAttribute("aria-label"));
    }

    [Fact]
    public async Task The_storyline_page_and_the_embed_have_their_axis_too()
    {
        var storyline = await PageAsync("/eras/2014-peace-talks-collapse");
        var axis = storyline.QuerySelector(".era-page .time-axis")!;
        Assert.Equal("Time axis, July 2013 to April 2014, by month", axis.GetAttribute("aria-label"));
        Assert.Equal("/?era=2014-peace-talks-collapse&from=2013-07&to=2013-07&zoom=days", axis.QuerySelector(".axis-periods > a")!.GetAttribute("href"));
        Assert.Equal(10, axis.QuerySelectorAll(".axis-marks > a").Length + axis.QuerySelectorAll(".axis-crowds > a").Sum(c => int.Parse(c.Text().TrimStart('+'))));

        var embed = await PageAsync("/embed?from=2014&to=2014&zoom=months");
        Assert.All(embed.QuerySelectorAll(".time-axis .axis-periods > a"), a => Assert.StartsWith("/embed?from=2014-", a.GetAttribute("href")));
        Assert.All(embed.QuerySelectorAll(".time-axis .axis-marks > a"), a => Assert.Equal("_blank", a.GetAttribute("target")));
        Assert.NotEmpty(embed.QuerySelectorAll(".time-axis .axis-marks > a"));
    }

    [Fact]
    public async Task Open_at_the_latest_is_an_address_and_a_wrong_value_is_explained()
    {
        var page = await PageAsync("/?open=latest");
        Assert.Equal(18, page.QuerySelectorAll("li.event-item").Length);
        Assert.Empty(page.QuerySelectorAll("p.problem"));
        var wrong = await PageAsync("/?open=middle");
        Assert.Contains("“open=middle” was not understood", wrong.QuerySelector("p.problem")!.Text());
    }

    [Fact]
    public async Task The_axis_needs_no_script_and_no_circuit_and_caches_like_before()
    {
        var (response, page) = await Html.GetAsync(factory.CreateBrowserlessClient(), "/?from=2014&to=2014&zoom=months");
        Assert.DoesNotContain("Blazor:{", page.Source.Text);
        Assert.Contains("public", response.Headers.CacheControl!.ToString());
        Assert.False(response.Headers.Contains("Set-Cookie"));
        Assert.Null(page.QuerySelector(".time-axis [onclick], .time-axis script"));
    }
}
