using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Timeline.Core.Domain;
using Timeline.Core.Storage;
using Timeline.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Timeline.EndToEnd.Tests.Browser;

[Collection(LargeTimelineBrowserCollection.Name)]
public sealed class LargeTimelineTests(LargeTimelineBrowserFixture browser)
{
    [Fact]
    public async Task The_timeline_shows_a_page_at_a_time_and_loads_more_on_request()
    {
        var published = browser.Services.GetRequiredService<TimelineStore>().Events.Count(e => e.Status == EventStatus.Published);
        Assert.True(published > 100, $"{published} published events");

        var page = await browser.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
        await page.GotoAsync("/");
        var events = page.Locator("[data-timeline] li.event-item");
        await Expect(events).ToHaveCountAsync(50);
        var later = page.GetByRole(AriaRole.Link, new() { Name = "Show later events" });

        // The next page joins this one in place: no navigation, and keyboard focus on the first new event.
        await later.ClickAsync();
        await Expect(events).ToHaveCountAsync(100);
        Assert.EndsWith("/", page.Url);
        await Expect(page.Locator("[data-timeline] .event-link").Nth(50)).ToBeFocusedAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "50 later events added." })).ToHaveCountAsync(1);
        await later.ClickAsync();
        await Expect(events).ToHaveCountAsync(published);
        await Expect(later).ToHaveCountAsync(0);
        // One element per id, one heading per period: the pages were joined, not stacked.
        var ids = await events.EvaluateAllAsync<string[]>("items => items.map(i => i.id)");
        Assert.Equal(ids.Length, ids.Distinct().Count());
        var headings = await page.Locator("[data-timeline] .era-section").EvaluateAllAsync<string[]>(
            "sections => sections.map(s => s.dataset.era + ':' + [...s.querySelectorAll('.period-heading')].map(h => h.textContent).join(','))");
        Assert.Equal(headings.Length, headings.Distinct().Count());

        var dates = await page.Locator("[data-timeline] li.event-item .event-date time:first-child").EvaluateAllAsync<string[]>(
            "times => times.map(t => t.getAttribute('datetime'))");
        Assert.Equal(dates.Order(StringComparer.Ordinal), dates);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Earlier_events_join_a_later_page_and_long_filter_lists_fill_in()
    {
        var page = await browser.NewPageAsync(375, 800);
        await page.GotoAsync("/");
        var after = await page.GetByRole(AriaRole.Link, new() { Name = "Show later events" }).GetAttributeAsync("href");
        await page.GotoAsync(after!);
        var events = page.Locator("[data-timeline] li.event-item");
        var firstShown = await events.First.GetAttributeAsync("id");
        await page.GetByRole(AriaRole.Link, new() { Name = "Show earlier events" }).ClickAsync();
        await Expect(events).ToHaveCountAsync(100);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Show earlier events" })).ToHaveCountAsync(0);
        Assert.Equal(firstShown, await events.Nth(50).GetAttributeAsync("id"));
        var dates = await page.Locator("[data-timeline] li.event-item .event-date time:first-child").EvaluateAllAsync<string[]>(
            "times => times.map(t => t.getAttribute('datetime'))");
        Assert.Equal(dates.Order(StringComparer.Ordinal), dates);

        // The page carries only "all" and the current actor; the rest arrive from /filters, and choosing one filters.
        var actor = page.GetByLabel("Actor");
        await Expect(actor.Locator("option")).Not.ToHaveCountAsync(1);
        var values = await actor.Locator("option").EvaluateAllAsync<string[]>("options => options.map(o => o.value)");
        Assert.True(values.Length > TimelineFiltersChoices, $"{values.Length} actors");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "All filter choices" })).ToBeHiddenAsync();
        await actor.SelectOptionAsync(values[2]);
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/\\?actor=" + values[2] + "$"));
        await Expect(actor).ToHaveValueAsync(values[2]);
    }

    private const int TimelineFiltersChoices = Timeline.Web.Components.Pages.Timeline.TimelineFilters.InlineChoices;
}

/// <summary>The curators' lists are MudBlazor grids paged by keyset; on a phone the pager stays within reach.</summary>
[Collection(LargeTimelineBrowserCollection.Name)]
public sealed class CuratorGridTests(LargeTimelineBrowserFixture browser)
{
    [Theory]
    [InlineData(375)]
    [InlineData(1280)]
    public async Task The_event_list_pages_forward_to_the_last_page_and_back_and_filters_start_again_at_the_first(int width)
    {
        var page = await BrowserCurators.SignInAsync(browser, $"grid-editor-{width}", width: width);
        await page.GotoAsync("/curate/events");
        var info = page.Locator(".mud-table-pagination-caption").Last;
        var rows = page.Locator(".curate-grid tbody tr");
        await Expect(info).ToContainTextAsync("1-25 of 130");
        await Expect(rows).ToHaveCountAsync(25);
        var first = await rows.First.Locator("a").TextContentAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Next page" }).ClickAsync();
        await Expect(info).ToContainTextAsync("26-50 of 130");
        Assert.NotEqual(first, await rows.First.Locator("a").TextContentAsync());

        // On a phone MudBlazor's pager shows only previous and next; on a desktop also first and last.
        var phone = width < 600;
        if (phone)
            for (var shown = 50; shown < 130; shown += 25)
            {
                await page.GetByRole(AriaRole.Button, new() { Name = "Next page" }).ClickAsync();
                await Expect(info).ToContainTextAsync($"{shown + 1}-{Math.Min(shown + 25, 130)} of 130");
            }
        else
            await page.GetByRole(AriaRole.Button, new() { Name = "Last page" }).ClickAsync();
        await Expect(info).ToContainTextAsync("126-130 of 130");
        await Expect(rows).ToHaveCountAsync(5);
        await CleanPage.ScreenshotAsync(page, $"curate-events-last-page-{width}");

        if (phone)
            for (var from = 101; from >= 1; from -= 25)
            {
                await page.GetByRole(AriaRole.Button, new() { Name = "Previous page" }).ClickAsync();
                await Expect(info).ToContainTextAsync($"{from}-{from + 24} of 130");
            }
        else
            await page.GetByRole(AriaRole.Button, new() { Name = "First page" }).ClickAsync();
        await Expect(info).ToContainTextAsync("1-25 of 130");
        await Expect(rows.First.Locator("a")).ToHaveTextAsync(first!);

        // Sorted by date: newest first is the default. Oldest first, from the column's sort button on a desktop or the
        // order control (which also shows on a phone, where the grid hides its headers); paging follows the order.
        async Task<string[]> ShownDatesAsync() => await rows.Locator("td:first-child time").EvaluateAllAsync<string[]>(
            "times => times.map(t => t.getAttribute('datetime'))");
        var newest = await ShownDatesAsync();
        Assert.Equal(newest.OrderDescending(StringComparer.Ordinal), newest);
        var sortByDate = page.Locator(".curate-grid th").Filter(new() { HasText = "Date" }).GetByRole(AriaRole.Button, new() { Name = "Sort" });
        if (phone)
            await MudInputs.ChooseAsync(page, "events-order", "Oldest first");
        else
            await sortByDate.ClickAsync();
        await Expect(rows.First.Locator("a")).Not.ToHaveTextAsync(first!);
        await Expect(page.Locator("#events-order")).ToHaveValueAsync("Oldest first");
        var oldest = await ShownDatesAsync();
        Assert.Equal(oldest.Order(StringComparer.Ordinal), oldest);
        Assert.True(string.CompareOrdinal(oldest[0], newest[^1]) < 0, $"{oldest[0]} is not older than {newest[^1]}");
        await Expect(info).ToContainTextAsync("1-25 of 130");
        await page.GetByRole(AriaRole.Button, new() { Name = "Next page" }).ClickAsync();
        await Expect(info).ToContainTextAsync("26-50 of 130");
        var oldestNext = await ShownDatesAsync();
        Assert.True(string.CompareOrdinal(oldest[^1], oldestNext[0]) <= 0, $"{oldestNext[0]} comes before {oldest[^1]}");
        // A new order starts at its first page.
        await MudInputs.ChooseAsync(page, "events-order", "Newest first");
        if (!phone)
            await Expect(page.Locator(".curate-grid th[aria-sort=descending]")).ToHaveTextAsync("Date");
        await Expect(info).ToContainTextAsync("1-25 of 130");
        await Expect(rows.First.Locator("a")).ToHaveTextAsync(first!);

        // A filter from a later page: its first page.
        await page.GetByRole(AriaRole.Button, new() { Name = "Next page" }).ClickAsync();
        await Expect(info).ToContainTextAsync("26-50 of 130");
        await MudInputs.ChooseAsync(page, "events-status", "Published");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("status=Published"));
        await Expect(info).ToContainTextAsync(new Regex("^1-"));
        await CleanPage.AssertAccessibleAsync(page, "/curate/events (grid)");
        await page.Context.CloseAsync();
    }
}
