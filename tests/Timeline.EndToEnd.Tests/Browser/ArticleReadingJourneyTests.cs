using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Timeline.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Timeline.EndToEnd.Tests.Browser;

/// <summary>The app reads articles for the curator: a new event from a sentence, a suggested event linked with its
/// passage, an article imported from its address. On the seeded timeline, in Chromium.</summary>
[Collection(CurationBrowserCollection.Name)]
public sealed class ArticleReadingJourneyTests(BrowserFixture browser)
{
    private const string JeninPage = """
        <!doctype html>
        <html lang="en"><head>
          <title>Jenin raid | The Test Gazette</title>
          <meta property="og:title" content="Israeli forces kill four gunmen in Jenin operation">
          <meta property="og:site_name" content="The Test Gazette">
          <meta name="author" content="Rana Haddad">
          <meta property="article:published_time" content="2022-09-29T08:00:00Z">
        </head><body>
          <nav><a href="/">Home</a> <a href="/world">World</a></nav>
          <article>
            <h1>Israeli forces kill four gunmen in Jenin operation</h1>
            <p>Four Palestinian gunmen were killed and dozens injured on Wednesday during an IDF military operation in Jenin, the Palestinian Health Ministry said.</p>
            <p>Palestinian factions renewed their demand that the Palestinian Authority stop security coordination with Israel after the operation in Jenin.</p>
            <p>The army said the operation targeted the home of a suspect in a recent shooting attack.</p>
          </article>
          <footer>© The Test Gazette</footer>
        </body></html>
        """;

    [Fact]
    public async Task A_curator_starts_a_new_event_from_a_sentence_of_a_seed_article()
    {
        var page = await BrowserCurators.SignInAsync(browser, "reading-editor");
        var articleId = await OpenSeedArticleAsync(page, "Palestinians sever security ties after IDF raid in Jenin kills 8 terrorists");
        var dates = page.Locator(".dates-table tbody tr");
        await Expect(dates.First).ToBeVisibleAsync();
        var thursdayEvening = dates.Filter(new() { HasText = "“Thursday evening”" });
        await Expect(thursdayEvening.Locator("td").First).ToContainTextAsync("26 January 2023");
        // Marked in the text, its date shown on focus.
        await CleanPage.ScreenshotAsync(page, "curate-article-dates-1280");
        var mark = page.Locator("mark.date-mention", new() { HasText = "Thursday evening" });
        await mark.FocusAsync();
        await Expect(mark).ToHaveAttributeAsync("data-date", "26 January 2023");

        await thursdayEvening.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("New event from this sentence") }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($@"/curate/events/new\?article={articleId}&date=\d+$"));
        await Expect(page.Locator("#start-year")).ToHaveValueAsync("2023");
        await Expect(page.Locator("#start-day")).ToHaveValueAsync("26");
        await Expect(page.Locator("#event-era")).ToHaveValueAsync("The 2023 halt of security coordination");
        var passage = await page.Locator("#source-passage").InputValueAsync();
        Assert.Contains("Thursday evening", passage);
        Assert.False(string.IsNullOrWhiteSpace(await page.Locator("#event-title").InputValueAsync()));
        await page.Locator("#event-title").FillAsync("Abbas announces the end of security coordination on television");
        await CleanPage.ScreenshotAsync(page, "curate-new-event-from-sentence-1280");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create event" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"/curate/events/\d+$"));
        var source = page.Locator(".link-row").Filter(new() { HasText = "Palestinians sever security ties" });
        await Expect(source.Locator("blockquote")).ToContainTextAsync("Thursday evening");
        await Expect(source.Locator(".role-badge")).ToHaveTextAsync("First report");
    }

    [Fact]
    public async Task A_curator_links_an_event_the_app_suggests_right_after_pasting_an_article()
    {
        var page = await BrowserCurators.SignInAsync(browser, "suggest-editor", width: 375);
        await page.GotoAsync("/curate/articles/import");
        await Expect(page.Locator(".import-sources[data-ready=true]")).ToHaveCountAsync(1);
        await page.Locator("#import-paste").FillAsync("""
            Gunmen killed in Jenin as factions press the PA

            Four Palestinian gunmen were killed on Wednesday in an Israeli military operation in Jenin, medics said.
            After the operation, Palestinian groups demanded again that the Palestinian Authority end security coordination with Israel.
            """);
        await page.GetByRole(AriaRole.Button, new() { Name = "Read pasted text" }).ClickAsync();
        await page.Locator("#import-1-outlet").FillAsync("Test Wire");
        await page.Locator("#import-1-published-year").FillAsync("2022");
        await MudInputs.ChooseAsync(page, "import-1-published-month", "September");
        await page.Locator("#import-1-published-day").FillAsync("29");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save article" }).ClickAsync();
        await Expect(page.GetByText("Saved. Open the article to link it to events")).ToBeVisibleAsync();

        var suggestion = page.Locator(".suggestion").Filter(new() { HasText = "IDF operation in Jenin kills four Palestinian gunmen" });
        await Expect(suggestion).ToBeVisibleAsync();
        await Expect(suggestion.Locator("blockquote")).ToContainTextAsync("Four Palestinian gunmen were killed");
        await CleanPage.ScreenshotAsync(page, "curate-import-suggestions-375");
        await suggestion.GetByRole(AriaRole.Button, new() { Name = "Link with this passage" }).ClickAsync();
        var roleInput = await suggestion.Locator("input[id$='-role']").First.GetAttributeAsync("id");
        await MudInputs.ChooseAsync(page, roleInput!, "First report");
        await suggestion.GetByRole(AriaRole.Button, new() { Name = "Link", Exact = true }).ClickAsync();
        await Expect(page.GetByText("Linked").First).ToBeVisibleAsync();
        await Expect(page.Locator(".suggestion").Filter(new() { HasText = "IDF operation in Jenin kills four Palestinian gunmen" })).ToHaveCountAsync(0);

        // The article's own view: linked, and the same story from The Jerusalem Post listed.
        await page.GetByRole(AriaRole.Link, new() { Name = "Open the article to link it to events" }).ClickAsync();
        await Expect(page.Locator(".link-row").Filter(new() { HasText = "IDF operation in Jenin kills four Palestinian gunmen" })).ToHaveCountAsync(1);
        await Expect(page.Locator(".same-story")).ToContainTextAsync("The Jerusalem Post");
        await CleanPage.ScreenshotAsync(page, "curate-article-reading-375");
        await AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task A_curator_imports_an_article_from_its_address_and_is_shown_the_events_it_reports()
    {
        await using var site = await ArticleSite.StartAsync(new Dictionary<string, string> { ["/world/jenin-raid"] = JeninPage });
        var page = await BrowserCurators.SignInAsync(browser, "link-editor");
        await page.GotoAsync("/curate/articles/import");
        await Expect(page.Locator(".import-sources[data-ready=true]")).ToHaveCountAsync(1);

        // A refusal keeps what was typed and says why.
        await page.Locator("#import-address").FillAsync("ftp://files.example/article.txt");
        await page.GetByRole(AriaRole.Button, new() { Name = "Fetch article" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Only http and https" })).ToBeVisibleAsync();
        await Expect(page.Locator("#import-address")).ToHaveValueAsync("ftp://files.example/article.txt");

        // Through a redirect, as shared links often are.
        await page.Locator("#import-address").FillAsync(site.BaseUrl + "/moved");
        await page.GetByRole(AriaRole.Button, new() { Name = "Fetch article" }).ClickAsync();
        await Expect(page.Locator("#import-1-title")).ToHaveValueAsync("Israeli forces kill four gunmen in Jenin operation");
        await Expect(page.Locator("#import-1-outlet")).ToHaveValueAsync("The Test Gazette");
        await Expect(page.Locator("#import-1-author")).ToHaveValueAsync("Rana Haddad");
        await Expect(page.Locator("#import-1-url")).ToHaveValueAsync(site.BaseUrl + "/world/jenin-raid");
        await Expect(page.Locator("#import-1-published-day")).ToHaveValueAsync("29");
        await Expect(page.Locator(".import-item .article-text")).Not.ToContainTextAsync("World");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save article" }).ClickAsync();
        await Expect(page.Locator(".suggestion").First).ToContainTextAsync("Jenin");
        await CleanPage.ScreenshotAsync(page, "curate-import-from-link-1280");
    }

    /// <summary>axe-core on the article view as it is (at the journey's width), and no sideways scrolling.</summary>
    private static async Task AssertAccessibleAsync(IPage page)
    {
        await CleanPage.AssertAccessibleAsync(page, page.Url);
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow, $"{page.Url} scrolls sideways");
    }

    private static async Task<int> OpenSeedArticleAsync(IPage page, string title)
    {
        await page.GotoAsync("/curate/articles");
        await page.GetByRole(AriaRole.Link, new() { Name = title }).First.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/curate/articles/\d+$"));
        return int.Parse(Regex.Match(page.Url, @"(\d+)$").Value);
    }
}
