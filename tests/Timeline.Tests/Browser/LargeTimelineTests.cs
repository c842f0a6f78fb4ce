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
        var later = page.GetByRole(AriaRole.Button, new() { Name = "Show later events" });
        await Expect(later).ToBeEnabledAsync(); // enabled once the circuit is connected

        await later.ClickAsync();
        await Expect(events).ToHaveCountAsync(100);
        await later.ClickAsync();
        await Expect(events).ToHaveCountAsync(published);
        await Expect(later).ToHaveCountAsync(0);

        var dates = await page.Locator("[data-timeline] li.event-item .event-date time:first-child").EvaluateAllAsync<string[]>(
            "times => times.map(t => t.getAttribute('datetime'))");
        Assert.Equal(dates.Order(StringComparer.Ordinal), dates);
        Assert.Empty(errors);
    }
}
