using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Timeline.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Timeline.Tests.Browser;

/// <summary>The interactive timeline as a reader uses it, in real Chromium against the real app.</summary>
[Collection(BrowserCollection.Name)]
public sealed class TimelineExplorerTests(BrowserFixture browser)
{
    private static ILocator Events(IPage page) => page.Locator("[data-timeline] li.event-item");

    /// <summary>The plain-form "Apply filters" button hides itself once the circuit is connected.</summary>
    private static Task WaitUntilInteractiveAsync(IPage page) =>
        Expect(page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" })).ToBeHiddenAsync();

    [Fact]
    public async Task Filtering_by_storyline_changes_the_url_and_reload_and_back_restore_each_view()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");
        await WaitUntilInteractiveAsync(page);
        await Expect(Events(page)).ToHaveCountAsync(18);

        await page.GetByLabel("Storyline").SelectOptionAsync(new SelectOptionValue { Label = "The September 2022 IDF operation in Jenin" });
        await Expect(page).ToHaveURLAsync(new Regex(@"/\?era=2022-jenin-operation$"));
        await Expect(Events(page)).ToHaveCountAsync(3);

        await page.GetByLabel("Topic").SelectOptionAsync(new SelectOptionValue { Label = "Military operation" });
        await Expect(page).ToHaveURLAsync(new Regex(@"/\?era=2022-jenin-operation&tag=military-operation$"));
        await Expect(Events(page)).ToHaveCountAsync(1);

        await page.ReloadAsync();
        // Back within moments of a reload, before the new circuit has attached, can leave the circuit on the
        // reloaded view (a Blazor start-up race); a reader pauses longer than that, and so does this test.
        await WaitUntilInteractiveAsync(page);
        await Expect(Events(page)).ToHaveCountAsync(1);
        await Expect(page.GetByLabel("Storyline")).ToHaveValueAsync("2022-jenin-operation");
        await Expect(page.GetByLabel("Topic")).ToHaveValueAsync("military-operation");

        await page.GoBackAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/\?era=2022-jenin-operation$"));
        await Expect(Events(page)).ToHaveCountAsync(3);
        await Expect(page.GetByLabel("Topic")).ToHaveValueAsync("");

        await page.GoBackAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/$"));
        await Expect(Events(page)).ToHaveCountAsync(18);
    }

    [Fact]
    public async Task A_density_bar_zooms_into_its_year_and_zoom_out_returns()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");
        // A click in the moment before the circuit attaches can be lost by Blazor (a start-up race, see the README).
        await WaitUntilInteractiveAsync(page);
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
        await WaitUntilInteractiveAsync(page);
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
    public async Task Keyboard_focus_taken_before_the_circuit_connects_is_kept()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        var third = page.Locator("[data-timeline] .event-link").Nth(2);
        await third.FocusAsync();
        await WaitUntilInteractiveAsync(page);
        await Expect(page.Locator("[data-timeline] .event-link").Nth(2)).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("j");
        await Expect(page.Locator("[data-timeline] .event-link").Nth(3)).ToBeFocusedAsync();
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
