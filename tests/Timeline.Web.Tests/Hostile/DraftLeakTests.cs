using System.Net;
using System.Text.Encodings.Web;
using Microsoft.Extensions.DependencyInjection;
using Timeline.Core.Curation;
using Timeline.Core.Dates;
using Timeline.Core.Domain;
using Timeline.Tests.Support;

namespace Timeline.Web.Tests.Hostile;

/// <summary>
/// Nothing about a draft, a trashed event or an unlinked note reaches a reader: not its title, topics, actors,
/// places, storyline or outlet, on any reader page, in search, in the filter choices, or in a count or bar.
/// Every string of the draft material holds "zqx", which nothing else in the timeline does.
/// </summary>
/// <summary>The app with the seeded timeline plus the draft material, added once for all the tests.</summary>
public sealed class DraftMaterialFactory : TimelineWebFactory, IAsyncLifetime
{
    public string StorylineSlug { get; private set; } = "";
    public string DraftSlug { get; private set; } = "";
    public string TrashedSlug { get; private set; } = "";
    public int ArticleId { get; private set; }
    public int PublicArticleId { get; private set; }
    public IReadOnlyList<string> DensityBefore { get; private set; } = [];

    async Task IAsyncLifetime.InitializeAsync()
    {
        DensityBefore = await DensityAsync("/");
        var densityMonthsBefore = await DensityAsync("/?zoom=months&from=2016&to=2016");
        var services = Services;
        var events = services.GetRequiredService<EventEditor>();
        var articles = services.GetRequiredService<ArticleEditor>();
        var links = services.GetRequiredService<LinkEditor>();
        var storylines = services.GetRequiredService<StorylineEditor>();

        var storyline = Assert.IsType<Saved>(await storylines.SaveAsync(new StorylineForm
        {
            Title = "Zqxstoryline of 2016", Description = "Zqxstoryline description", Colour = "#123456",
            Start = new PartialDateInput { Precision = DatePrecision.Year, Year = 2016 },
            End = new PartialDateInput { Precision = DatePrecision.Year, Year = 2016 },
        }, "ada"));
        StorylineSlug = storyline.Slug!;
        ArticleId = Assert.IsType<Saved>(await articles.ImportAsync(new ArticleForm
        {
            Title = "Zqxarticle headline", Outlet = "Zqxoutlet Gazette", Author = "Zqxauthor",
            Published = new PartialDateInput { Precision = DatePrecision.Day, Year = 2016, Month = 5, Day = 2 },
            Body = "Zqxbody: the ministers met in secret.\nA second paragraph with the zqxpassage in it.",
        }, "ada")).Id;

        var draft = Assert.IsType<Saved>(await events.SaveAsync(new EventForm
        {
            Title = "Zqxdraft title", Summary = "Zqxsummary of what happened.", StorylineId = storyline.Id, Status = EventStatus.Draft,
            Start = new PartialDateInput { Precision = DatePrecision.Day, Year = 2016, Month = 5, Day = 1 },
            Topics = ["Zqxtopic"], Actors = ["Zqxactor"], Places = ["Zqxplace"],
        }, "ada"));
        DraftSlug = draft.Slug!;
        Assert.IsType<Saved>(await links.SaveAsync(new LinkForm
        {
            EventId = draft.Id, ArticleId = ArticleId, Role = LinkRole.Report, Passage = "the zqxpassage", Note = "Zqxnote on the draft",
        }, "ada"));

        // The draft also cites a public seed article: a difference quoting it, that source's date and a public note,
        // none of which may reach a reader (the article's page marks the quotes of published events only).
        var store = services.GetRequiredService<Timeline.Core.Storage.TimelineStore>();
        PublicArticleId = store.Articles.FindOne(a => a.Outlet == "World Israel News").Id;
        Assert.IsType<Saved>(await links.SaveAsync(new LinkForm
        {
            EventId = draft.Id, ArticleId = PublicArticleId, Role = LinkRole.Report, Passage = "targeted a refugee camp in Jenin",
            HasSourceDate = true, SourceDate = new PartialDateInput { Precision = DatePrecision.Year, Year = 2016 }, SourceDateWords = "Zqxwords",
        }, "ada"));
        var withDifference = events.Load(draft.Id)!;
        withDifference.Differences = [new DifferenceForm
        {
            Aspect = "Zqxaspect",
            Claims = [new ClaimForm { ArticleId = PublicArticleId, Quote = "a known stronghold of terror activity", Value = "Zqxvalue" },
                      new ClaimForm { ArticleId = ArticleId, Quote = "the ministers met in secret" }],
        }];
        (withDifference.NoteKind, withDifference.NoteText) = (PublicNoteKind.Correction, "Zqxcorrection of the draft");
        Assert.IsType<Saved>(await events.SaveAsync(withDifference, "ada"));

        var trashed = Assert.IsType<Saved>(await events.SaveAsync(new EventForm
        {
            Title = "Zqxtrashed title", Summary = "Zqxtrashed summary", Status = EventStatus.Published, StorylineId = storyline.Id,
            Start = new PartialDateInput { Precision = DatePrecision.Month, Year = 2016, Month = 6 },
            Topics = ["Zqxtrashtopic"], Actors = ["Zqxtrashactor"], Places = ["Zqxtrashplace"],
        }, "ada"));
        TrashedSlug = trashed.Slug!;
        Assert.IsType<Saved>(await links.SaveAsync(new LinkForm { EventId = trashed.Id, ArticleId = ArticleId, Passage = "Zqxbody", Note = "Zqxtrashnote" }, "ada"));
        Assert.IsType<Saved>(await events.DeleteAsync(trashed.Id, events.Load(trashed.Id)!.Version, "ada"));

        // A note written on a published event's link, then the link removed.
        var seeded = links.FindEvents("security coordination over").First(e => e.Status == EventStatus.Published);
        var noted = Assert.IsType<Saved>(await links.SaveAsync(new LinkForm { EventId = seeded.Id, ArticleId = ArticleId, Passage = "ministers met", Note = "Zqxunlinked note" }, "ada"));
        Assert.IsType<Saved>(await links.UnlinkAsync(noted.Id, "ada"));

        Assert.Equal(densityMonthsBefore, await DensityAsync("/?zoom=months&from=2016&to=2016"));
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;

    public async Task<IReadOnlyList<string>> DensityAsync(string url)
    {
        var (_, page) = await Html.GetAsync(CreateBrowserlessClient(), url);
        // The time axis: its periods with their counts, its marks, counts and bands.
        var labels = page.QuerySelectorAll(".time-axis [aria-label]").Select(b => b.GetAttribute("aria-label")!).ToList();
        Assert.NotEmpty(labels);
        return labels;
    }

}

public sealed class DraftLeakTests(DraftMaterialFactory factory) : IClassFixture<DraftMaterialFactory>
{
    private const string Marker = "zqx";

    public static TheoryData<string> ReaderUrls() =>
    [
        "/", "/?zoom=months&from=2016&to=2016", "/?zoom=days&from=2016-05&to=2016-06", "/?from=2016&to=2016",
        "/?q=zqxdraft", "/?q=zqxsummary", "/?tag=zqxtopic", "/?actor=zqxactor", "/?place=zqxplace", "/?outlet=Zqxoutlet%20Gazette",
        "/?tag=zqxtrashtopic", "/?era={storyline}", "/?focus={draft}", "/?focus={trashed}",
        "/eras", "/eras/{storyline}", "/events/{draft}", "/events/{trashed}", "/articles/{article}",
        "/search?q=zqx*", "/search?q=zqxbody", "/search?q=zqxdraft&order=newest", "/search?q=zqxarticle", "/search?q=zqxoutlet",
        "/search?q=ministers", "/events/2023-01-26-the-palestinian-authority-declares-security-coordination-over",
        "/articles/{public-article}", "/changes", "/feeds/changes.atom", "/?differ=1", "/?single=1", "/api/v1/events?differ=1&limit=100",
        "/export/timelinejs.json?differ=1",
    ];

    [Theory]
    [MemberData(nameof(ReaderUrls))]
    public async Task No_reader_page_shows_anything_of_drafts_trash_or_removed_notes(string template)
    {
        var url = template.Replace("{storyline}", factory.StorylineSlug).Replace("{draft}", factory.DraftSlug).Replace("{trashed}", factory.TrashedSlug)
            .Replace("{article}", factory.ArticleId.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Replace("{public-article}", factory.PublicArticleId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var response = await factory.CreateBrowserlessClient().GetAsync(url);
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, $"{url}: {response.StatusCode}");
        // Blazor's markers and its encrypted hand-off are comments of random base64, where "zqx" turns up by chance.
        var html = System.Text.RegularExpressions.Regex.Replace(await response.Content.ReadAsStringAsync(), "<!--.*?-->", "",
            System.Text.RegularExpressions.RegexOptions.Singleline);
        // What the reader asked for is echoed back (in the search box, the filter links, "no storyline “…”"): take it out.
        foreach (var value in url.Split(['?', '&', '/', '='], StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString))
        {
            if (!value.Contains(Marker, StringComparison.OrdinalIgnoreCase))
                continue;
            foreach (var form in new[] { value, Uri.EscapeDataString(value), HtmlEncoder.Default.Encode(value), value.TrimEnd('*') })
                html = html.Replace(form, "", StringComparison.OrdinalIgnoreCase);
        }
        var at = html.IndexOf(Marker, StringComparison.OrdinalIgnoreCase);
        Assert.True(at < 0, $"{url} shows draft material: …{(at < 0 ? "" : html.Substring(Math.Max(0, at - 80), Math.Min(160, html.Length - Math.Max(0, at - 80))))}…");
    }

    [Fact]
    public async Task The_density_bars_count_published_events_only() => Assert.Equal(factory.DensityBefore, await factory.DensityAsync("/"));

    [Fact]
    public async Task A_storyline_without_published_events_and_an_article_backing_none_are_not_found()
    {
        var client = factory.CreateBrowserlessClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/eras/" + factory.StorylineSlug)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/articles/{factory.ArticleId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/events/" + factory.DraftSlug)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/events/" + factory.TrashedSlug)).StatusCode);
    }
}
