using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Timeline.Core.Domain;
using Timeline.Core.Storage;
using Timeline.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Timeline.Tests.Browser;

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

    private const int TimelineFiltersChoices = Timeline.Web.Components.Pages.Home.TimelineFilters.InlineChoices;
}
