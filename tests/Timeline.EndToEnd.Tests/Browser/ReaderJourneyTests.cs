using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Timeline.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Timeline.EndToEnd.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class ReaderJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_reader_opens_the_timeline_clicks_an_event_and_shares_its_link()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");

        var storylines = page.GetByRole(AriaRole.Heading, new() { Level = 2 });
        await Expect(storylines).ToHaveTextAsync([
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

[Collection(BrowserCollection.Name)]
public sealed class DeepLinkJourneyTests(BrowserFixture browser)
{
    private const string RelaunchSlug = "2013-07-us-brokered-peace-talks-relaunched-after-three-years-of-impasse";

    [Fact]
    public async Task See_in_timeline_scrolls_to_and_highlights_the_event()
    {
        var page = await browser.NewPageAsync(375, 700);
        await page.GotoAsync("/events/2023-02-03-palestinian-leadership-upholds-the-halt-despite-pressure");
        await page.GetByRole(AriaRole.Link, new() { Name = "See in timeline" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"/\?focus=2023-02-03-palestinian-leadership-upholds-the-halt-despite-pressure#"));
        var focused = page.Locator("li[aria-current=true]");
        await Expect(focused).ToHaveCountAsync(1);
        await Expect(focused.GetByRole(AriaRole.Heading)).ToHaveTextAsync("Palestinian leadership upholds the halt despite pressure");
        await Expect(focused).ToBeInViewportAsync();
        await Expect(focused.Locator("time").First).ToHaveTextAsync("c. 3 February 2023");
    }

    [Fact]
    public async Task A_source_opens_the_article_at_its_passage()
    {
        var page = await browser.NewPageAsync(1280, 700);
        await page.GotoAsync("/events/" + RelaunchSlug);
        await Expect(page.Locator(".event-when time")).ToHaveTextAsync("July 2013");

        var source = page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Ma’an / AFP" });
        await source.GetByRole(AriaRole.Link, new() { Name = "Read the passage in context" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"/articles/\d+#passage-\d+$"));
        var anchor = page.Url.Split('#')[1];
        var mark = page.Locator($"#{anchor} + mark");
        await Expect(mark).ToHaveTextAsync("Peace talks between Israelis and Palestinians were relaunched in July under the auspices of the US after nearly three years of impasse.");
        await Expect(mark).ToBeInViewportAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "→ US-brokered peace talks relaunched after three years of impasse" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/events/" + RelaunchSlug + "$"));
    }
}
