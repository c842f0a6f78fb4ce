using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Timeline.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Timeline.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class ReaderJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_reader_opens_the_timeline_clicks_an_event_and_shares_its_link()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");

        var eras = page.GetByRole(AriaRole.Heading, new() { Level = 2 });
        await Expect(eras).ToHaveTextAsync([
            "The 2014 collapse of the peace talks",
            "The September 2022 IDF operation in Jenin",
            "The 2023 halt of security coordination",
        ]);

        await page.GetByRole(AriaRole.Link, new() { Name = "The Palestinian Authority declares security coordination over" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/events/2023-01-26-the-palestinian-authority-declares-security-coordination-over$"));
        var heading = page.GetByRole(AriaRole.Heading, new() { Level = 1 });
        await Expect(heading).ToHaveTextAsync("The Palestinian Authority declares security coordination over");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "2 sources" })).ToBeVisibleAsync();
        var sharedUrl = page.Url;

        // The shared link, opened by someone else: a new context with no history or cookies.
        var other = await browser.NewPageAsync(375, 800);
        var response = await other.GotoAsync(sharedUrl);
        Assert.Equal(200, response!.Status);
        await Expect(other.GetByRole(AriaRole.Heading, new() { Level = 1 }))
            .ToHaveTextAsync("The Palestinian Authority declares security coordination over");
        await Expect(other.GetByText("26 January 2023").First).ToBeVisibleAsync();
        await Expect(other).ToHaveTitleAsync(new Regex("^The Palestinian Authority declares security coordination over"));
    }
}
