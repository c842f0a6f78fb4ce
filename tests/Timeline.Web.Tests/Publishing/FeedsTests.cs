using Timeline.Core.Curation;
using System.Net;
using System.ServiceModel.Syndication;
using System.Xml;
using System.Xml.Linq;
using Ical.Net;
using Timeline.Tests.Support;

namespace Timeline.Web.Tests.Publishing;

/// <summary>Atom, iCalendar, TimelineJS exports, sitemap, robots.txt, JSON-LD and the embed's headers, parsed with real parsers.</summary>
public sealed class FeedsTests(TimelineWebFactory factory) : IClassFixture<TimelineWebFactory>
{
    private async Task<HttpResponseMessage> GetAsync(string url)
    {
        var response = await factory.CreateBrowserlessClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response;
    }

    [Fact]
    public async Task The_atom_feed_parses_newest_change_first_and_follows_the_filters()
    {
        var response = await GetAsync("/feeds/events.atom");
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl!.Public);
        using var reader = XmlReader.Create(await response.Content.ReadAsStreamAsync());
        var feed = SyndicationFeed.Load(reader);
        var items = feed.Items.ToList();
        Assert.NotEmpty(items);
        Assert.Equal(items.Select(i => i.LastUpdatedTime).OrderDescending(), items.Select(i => i.LastUpdatedTime));
        Assert.All(items, i => Assert.Contains("/events/", i.Links.Single(l => l.RelationshipType == "alternate").Uri.ToString()));

        using var filtered = XmlReader.Create(await (await GetAsync("/feeds/events.atom?era=2022-jenin-operation")).Content.ReadAsStreamAsync());
        var jenin = SyndicationFeed.Load(filtered).Items.ToList();
        Assert.NotEmpty(jenin);
        Assert.True(jenin.Count < items.Count);
        Assert.All(jenin, i => Assert.Contains(i.Categories, c => c.Name == "The September 2022 IDF operation in Jenin"));
    }

    [Fact]
    public async Task A_control_character_in_a_title_does_not_break_the_feed()
    {
        var form = new Timeline.Core.Curation.EventForm
        {
            Title = "Talks\vresume\u0001 in Cairo", Status = Timeline.Core.Domain.EventStatus.Published,
            Start = new Timeline.Core.Curation.PartialDateInput { Precision = Timeline.Core.Dates.DatePrecision.Year, Year = 2024 },
        };
        var editor = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Timeline.Core.Curation.EventEditor>(factory.Services);
        Assert.IsType<Timeline.Core.Curation.Saved>(await editor.SaveAsync(form, "ada"));
        using var reader = XmlReader.Create(await (await GetAsync("/feeds/events.atom")).Content.ReadAsStreamAsync());
        Assert.Contains(SyndicationFeed.Load(reader).Items, i => i.Title.Text == "Talksresume in Cairo");
        var calendar = Calendar.Load(await (await GetAsync("/feeds/events.ics")).Content.ReadAsStringAsync())!;
        Assert.Contains(calendar.Events, e => e.Summary == "Talksresume in Cairo (date known only to the year)");
        Assert.Equal("ab\U0001F54Ac", Timeline.Core.Publishing.AtomFeed.XmlText("a\u000Bb\uD800\U0001F54Ac"));
    }

    [Fact]
    public async Task The_calendar_parses_with_all_day_days_and_month_spans_that_say_so()
    {
        var response = await GetAsync("/feeds/events.ics");
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var calendar = Calendar.Load(await response.Content.ReadAsStringAsync())!;
        var events = calendar.Events.ToList();
        Assert.NotEmpty(events);

        var day = events.Single(e => e.Summary == "The Palestinian Authority declares security coordination over");
        Assert.False(day.DtStart!.HasTime);
        Assert.Equal(new DateOnly(2023, 1, 26), day.DtStart.Date);
        Assert.Equal(new DateOnly(2023, 1, 27), day.DtEnd!.Date); // the day after: iCalendar's ends are exclusive

        var month = events.Single(e => e.Summary!.StartsWith("US-brokered peace talks relaunched"));
        Assert.Contains("date known only to the month", month.Summary);
        Assert.Equal((new DateOnly(2013, 7, 1), new DateOnly(2013, 8, 1)), (month.DtStart!.Date, month.DtEnd!.Date));
        Assert.All(events, e => Assert.NotNull(e.Url));
    }

    [Fact]
    public async Task The_TimelineJS_exports_follow_the_view()
    {
        var json = System.Text.Json.JsonDocument.Parse(await (await GetAsync("/export/timelinejs.json?era=2022-jenin-operation")).Content.ReadAsStringAsync()).RootElement;
        var events = json.GetProperty("events").EnumerateArray().ToList();
        Assert.NotEmpty(events);
        Assert.All(events, e => Assert.Equal("The September 2022 IDF operation in Jenin", e.GetProperty("group").GetString()));
        var storyline = json.GetProperty("eras")[0];
        Assert.Equal("The September 2022 IDF operation in Jenin", storyline.GetProperty("text").GetProperty("headline").GetString());
        // TimelineJS drops an end equal to the start, then refuses the storyline: a display_date keeps them apart.
        Assert.Equal("September 2022", storyline.GetProperty("start_date").GetProperty("display_date").GetString());
        Assert.Equal(("2022", "9"), (storyline.GetProperty("end_date").GetProperty("year").GetString(), storyline.GetProperty("end_date").GetProperty("month").GetString()));
        // The first source as media TimelineJS can show: the passage quoted, the article linked, the outlet credited.
        var media = events[0].GetProperty("media");
        Assert.StartsWith("<blockquote>", media.GetProperty("url").GetString());
        Assert.StartsWith("<a href=\"http://localhost/articles/", media.GetProperty("caption").GetString());

        var csv = await GetAsync("/export/timelinejs.csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var text = await csv.Content.ReadAsStringAsync();
        Assert.StartsWith("Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text,Media", text);
        Assert.Contains("2022,9,,,2022,9,30,,,The September 2022 IDF operation in Jenin,", text); // the sheet's storyline ends on its last day
    }

    [Fact]
    public async Task The_sitemap_lists_published_pages_and_robots_keeps_crawlers_out_of_the_curator_area()
    {
        var sitemap = XDocument.Parse(await (await GetAsync("/sitemap.xml")).Content.ReadAsStringAsync());
        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var urls = sitemap.Root!.Elements(ns + "url").Select(u => new Uri(u.Element(ns + "loc")!.Value).AbsolutePath).ToList();
        Assert.Contains("/events/2023-01-26-the-palestinian-authority-declares-security-coordination-over", urls);
        Assert.Contains("/eras/2022-jenin-operation", urls);
        Assert.Contains("/changes", urls);
        Assert.Contains(urls, u => u.StartsWith("/articles/"));
        Assert.DoesNotContain(urls, u => u.StartsWith("/curate"));
        Assert.All(sitemap.Root.Elements(ns + "url").Where(u => u.Element(ns + "loc")!.Value.Contains("/events/")),
            u => Assert.NotNull(u.Element(ns + "lastmod")));

        var robots = await (await GetAsync("/robots.txt")).Content.ReadAsStringAsync();
        Assert.Contains("Disallow: /curate", robots);
        Assert.Contains("Sitemap: http://localhost/sitemap.xml", robots);
    }

    [Fact]
    public async Task Event_pages_carry_JSON_LD_and_every_reader_page_links_its_feeds()
    {
        var html = await (await GetAsync("/events/2023-01-26-the-palestinian-authority-declares-security-coordination-over")).Content.ReadAsStringAsync();
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        var jsonLd = System.Text.Json.JsonDocument.Parse(document.QuerySelector("script[type='application/ld+json']")!.TextContent).RootElement;
        Assert.Equal("Event", jsonLd.GetProperty("@type").GetString());
        Assert.Equal("2023-01-26", jsonLd.GetProperty("startDate").GetString());
        Assert.All(jsonLd.GetProperty("citation").EnumerateArray(), c => Assert.Equal("NewsArticle", c.GetProperty("@type").GetString()));
        Assert.NotNull(document.QuerySelector("link[rel=alternate][type='application/atom+xml']"));

        var timeline = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(
            await (await GetAsync("/?era=2022-jenin-operation&focus=x")).Content.ReadAsStringAsync());
        Assert.Equal("/feeds/events.ics?era=2022-jenin-operation", timeline.QuerySelector("link[rel=alternate][type='text/calendar']")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Only_the_embed_may_be_framed()
    {
        var embed = await GetAsync("/embed?era=2022-jenin-operation");
        Assert.Contains("frame-ancestors *", embed.Headers.GetValues("Content-Security-Policy").Single());
        Assert.False(embed.Headers.Contains("X-Frame-Options"));
        var timeline = await GetAsync("/");
        Assert.Contains("frame-ancestors 'none'", timeline.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("DENY", timeline.Headers.GetValues("X-Frame-Options").Single());
    }
}
