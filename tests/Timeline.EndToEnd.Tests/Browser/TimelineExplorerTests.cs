using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Timeline.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Timeline.EndToEnd.Tests.Browser;

/// <summary>The timeline as a reader uses it, in real Chromium against the real app: plain HTML, no circuit.</summary>
[Collection(BrowserCollection.Name)]
public sealed class TimelineExplorerTests(BrowserFixture browser)
{
    private static ILocator Events(IPage page) => page.Locator("[data-timeline] li.event-item");

    [Fact]
    public async Task Filtering_by_storyline_changes_the_url_and_reload_and_back_restore_each_view()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");
        await Expect(Events(page)).ToHaveCountAsync(18);

        await page.Locator("select[name=era]").SelectOptionAsync(new SelectOptionValue { Label = "The September 2022 IDF operation in Jenin" });
        await Expect(page).ToHaveURLAsync(new Regex(@"/\?era=2022-jenin-operation$"));
        await Expect(Events(page)).ToHaveCountAsync(3);

        await page.GetByLabel("Topic").SelectOptionAsync(new SelectOptionValue { Label = "Military operation" });
        await Expect(page).ToHaveURLAsync(new Regex(@"/\?era=2022-jenin-operation&tag=military-operation$"));
        await Expect(Events(page)).ToHaveCountAsync(1);

        await page.ReloadAsync();
        await Expect(Events(page)).ToHaveCountAsync(1);
        await Expect(page.Locator("select[name=era]")).ToHaveValueAsync("2022-jenin-operation");
        await Expect(page.GetByLabel("Topic")).ToHaveValueAsync("military-operation");

        await page.GoBackAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/\?era=2022-jenin-operation$"));
        await Expect(Events(page)).ToHaveCountAsync(3);
        await Expect(page.GetByLabel("Topic")).ToHaveValueAsync("");

        await page.GoBackAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/$"));
        await Expect(Events(page)).ToHaveCountAsync(18);

        // The evidence checkboxes apply at once too: the events whose sources differ, then all again.
        await page.GetByLabel("Sources differ").CheckAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/\?differ=1$"));
        await Expect(Events(page)).ToHaveCountAsync(2);
        await Expect(page.Locator("[data-timeline] a.differs")).ToHaveCountAsync(2);
        await page.GetByLabel("Sources differ").UncheckAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/$"));
        await Expect(Events(page)).ToHaveCountAsync(18);
    }

    [Fact]
    public async Task A_period_of_the_time_axis_zooms_into_it_and_zoom_out_returns()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "2014: 9 events" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/\?from=2014&to=2014&zoom=months$"));
        await Expect(Events(page)).ToHaveCountAsync(9);
        await Expect(page.Locator(".zoom-level")).ToHaveTextAsync("2014, by month");

        await page.GetByRole(AriaRole.Link, new() { Name = "April 2014: 8 events" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/\?from=2014-04&to=2014-04&zoom=days$"));
        await Expect(Events(page)).ToHaveCountAsync(8);

        await page.GetByRole(AriaRole.Link, new() { Name = "Zoom out" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/\?from=2014&to=2014&zoom=months$"));
    }

    [Fact]
    public async Task Arrow_keys_and_j_k_move_between_events_and_enter_opens_one()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/?era=2014-peace-talks-collapse");
        var links = page.Locator("[data-timeline] .event-link");
        await links.First.FocusAsync();

        await page.Keyboard.PressAsync("ArrowDown");
        await Expect(links.Nth(1)).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("j");
        await Expect(links.Nth(2)).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("k");
        await Expect(links.Nth(1)).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("ArrowUp");
        await Expect(links.Nth(0)).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("End");
        await Expect(links.Last).ToBeFocusedAsync();

        // Focus is always visible: the focus ring of :focus-visible is drawn.
        Assert.Equal("solid", await page.EvaluateAsync<string>("getComputedStyle(document.activeElement).outlineStyle"));

        await page.Keyboard.PressAsync("Home");
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new Regex("/events/2014-03-israel-withholds-the-fourth-and-final-prisoner-release$"));
    }

    [Fact]
    public async Task Quick_filter_changes_and_back_presses_always_end_on_the_view_in_the_address()
    {
        // With a circuit, a navigation in the moment before it attached could leave the previous view on screen.
        // Now each view is a page: whatever the order and speed, what shows is what the address says.
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");
        var storyline = page.Locator("select[name=era]");
        var topic = page.GetByLabel("Topic");
        for (var round = 0; round < 6; round++)
        {
            // Each round changes both filters (two new history entries) and goes back one: it never leaves the site.
            await storyline.SelectOptionAsync(round % 2 == 0 ? "2022-jenin-operation" : "2014-peace-talks-collapse", new() { Timeout = 2_000 });
            await topic.SelectOptionAsync(round % 2 == 0 ? "military-operation" : "", new() { Timeout = 2_000 });
            // The browser's own Back and Forward, pressed without waiting for anything to load. (Queued, so that the
            // script has returned before the browser moves: Blazor loads a page in full when a fetch is cut short.)
            try
            {
                await page.EvaluateAsync(round % 3 == 2 ? "setTimeout(() => { history.back(); history.forward(); })" : "setTimeout(() => history.back())");
            }
            catch (PlaywrightException e) when (e.Message.Contains("Execution context was destroyed"))
            {
                // A page was loading in full as the script ran (the reader's Back landed on a fresh page): fine.
            }
        }
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        var address = new Uri(page.Url).PathAndQuery;
        var expected = await (await page.APIRequest.GetAsync(address)).TextAsync();
        var expectedIds = System.Text.RegularExpressions.Regex.Matches(expected, "<li id=\"([^\"]+)\" class=\"event-item").Select(m => m.Groups[1].Value);
        await Expect(Events(page)).ToHaveCountAsync(expectedIds.Count());
        Assert.Equal(expectedIds, await Events(page).EvaluateAllAsync<string[]>("items => items.map(i => i.id)"));
        var chosen = System.Web.HttpUtility.ParseQueryString(new Uri(page.Url).Query)["era"] ?? "";
        await Expect(storyline).ToHaveValueAsync(chosen);
    }

    [Fact]
    public async Task No_reader_page_opens_a_websocket_or_a_circuit_for_readers_or_signed_in_curators()
    {
        string[] urls =
        [
            "/", "/?era=2022-jenin-operation", "/filters", "/search?q=Kerry", "/eras", "/eras/2014-peace-talks-collapse",
            "/events/2023-01-26-the-palestinian-authority-declares-security-coordination-over", "/articles/1", "/events/no-such-event",
        ];
        var anonymous = await browser.NewPageAsync(375, 800);
        var curator = await BrowserCurators.SignInAsync(browser, "websocket-reader");
        // Signing in left the curator on the dashboard's circuit: start afresh on a reader page with the cookie.
        var signedIn = await curator.Context.NewPageAsync();
        await curator.CloseAsync();
        foreach (var page in new[] { anonymous, signedIn })
        {
            var sockets = new List<string>();
            var blazorRequests = new List<string>();
            page.WebSocket += (_, socket) => sockets.Add(socket.Url);
            page.Request += (_, request) => { if (request.Url.Contains("/_blazor")) blazorRequests.Add(request.Url); };
            foreach (var url in urls)
                await page.GotoAsync(url, new() { WaitUntil = WaitUntilState.NetworkIdle });
            // And through links, as enhanced navigation fetches them.
            await page.GotoAsync("/");
            await page.GetByRole(AriaRole.Link, new() { Name = "Storylines", Exact = true }).First.ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/eras$"));
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            Assert.Empty(sockets);
            Assert.Empty(blazorRequests);
        }
        Assert.Empty(await anonymous.Context.CookiesAsync()); // and no cookie set for a reader
    }

    [Fact]
    public async Task Without_javascript_the_filters_zoom_and_pages_still_work()
    {
        var context = await browser.Browser.NewContextAsync(new() { BaseURL = browser.BaseUrl, JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await page.Locator("select[name=era]").SelectOptionAsync("2022-jenin-operation");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"era=2022-jenin-operation"));
        await Expect(Events(page)).ToHaveCountAsync(3);
        await Expect(page.Locator("select[name=era]")).ToHaveValueAsync("2022-jenin-operation");

        await page.GetByRole(AriaRole.Link, new() { Name = "Clear filters" }).ClickAsync();
        await Expect(Events(page)).ToHaveCountAsync(18);
        await page.GetByRole(AriaRole.Link, new() { Name = "2014: 9 events" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/\?from=2014&to=2014&zoom=months$"));
        await Expect(Events(page)).ToHaveCountAsync(9);
        await context.CloseAsync();
    }

    [Fact]
    public async Task A_focus_link_scrolls_to_and_highlights_its_event_on_a_phone()
    {
        var page = await browser.NewPageAsync(375, 640);
        await page.GotoAsync("/?focus=2022-09-28-palestinian-factions-demand-an-end-to-security-coordination");
        var focused = page.Locator("li[aria-current=true]");
        await Expect(focused).ToHaveCountAsync(1);
        await Expect(focused).ToHaveIdAsync("2022-09-28-palestinian-factions-demand-an-end-to-security-coordination");
        await Expect(focused).ToBeInViewportAsync();
        await Expect(focused.Locator(".event-link")).ToBeFocusedAsync();
    }

    [Fact]
    public async Task The_header_search_finds_a_seed_article_by_a_phrase()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/eras");
        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Search events and articles" }).FillAsync("\"reverse is decision\"");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"/search\?q="));
        var hit = page.Locator("li.hit");
        await Expect(hit).ToHaveCountAsync(1);
        await Expect(hit.Locator("mark").First).ToHaveTextAsync("reverse is decision");
        await hit.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 }))
            .ToHaveTextAsync("Palestinian leadership ‘rebuffs' pressure to resume security coordination");
    }

    [Fact]
    public async Task Copy_link_puts_the_event_address_on_the_clipboard()
    {
        var context = await browser.Browser.NewContextAsync(new() { BaseURL = browser.BaseUrl, Permissions = ["clipboard-read", "clipboard-write"] });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/events/2014-04-29-scheduled-end-of-the-us-brokered-talks");
        await page.GetByRole(AriaRole.Button, new() { Name = "Copy link" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Link copied." })).ToBeVisibleAsync();
        Assert.Equal(browser.BaseUrl.TrimEnd('/') + "/events/2014-04-29-scheduled-end-of-the-us-brokered-talks",
            await page.EvaluateAsync<string>("navigator.clipboard.readText()"));
        await context.CloseAsync();
    }
}
