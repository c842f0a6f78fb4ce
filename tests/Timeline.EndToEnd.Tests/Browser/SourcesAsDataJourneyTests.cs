using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Timeline.Core.Storage;
using Timeline.Core.Text;
using Timeline.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Timeline.EndToEnd.Tests.Browser;

/// <summary>A curator sets two sources side by side and publishes a correction, at phone and desktop width; readers
/// then see the table (each quote leading to its words in the article) and the correction, and /changes lists it.</summary>
[Collection(CurationBrowserCollection.Name)]
public sealed class SourcesAsDataJourneyTests(BrowserFixture browser)
{
    public static TheoryData<int, string, string, string, string, string, string?> Journeys() => new()
    {
        // Width, event, aspect, World Israel News's words and value, The Jerusalem Post's words, the date WIN's passage gives.
        { 1280, "2023-01-26-idf-raid-on-the-jenin-refugee-camp-kills-nine-palestinians", "What the raid aimed at",
          "aimed at preventing a planned large-scale bombing attack", "a bombing", "during an Israeli military operation in Jenin Refugee Camp", "26 January 2023" },
        { 375, "2023-01-26-united-states-calls-the-halt-not-the-right-decision", "Who spoke for Washington",
          "US Assistant Secretary of State for Near Eastern Affairs Barbara Leaf", "Barbara Leaf", "the pressure from the US administration", null },
    };

    [Theory]
    [MemberData(nameof(Journeys))]
    public async Task A_curator_adds_a_difference_and_a_correction_that_readers_then_see(int width, string slug, string aspect, string winQuote, string winValue, string postQuote, string? passageDate)
    {
        var store = browser.Services.GetRequiredService<TimelineStore>();
        var id = store.Slugs.FindById(slug).EventId;
        string Option(string outlet) => $"{outlet}: " + TextExcerpt.Shorten(store.LinksOfEvent(id).ToList()
            .Select(l => store.Articles.FindById(l.ArticleId)).Single(a => a.Outlet == outlet).Title, 60);
        var page = await BrowserCurators.SignInAsync(browser, $"sources-editor-{width}", width: width);
        // The article's dates read now (the background reader may not have come to it yet): its passage's date is offered.
        var win = store.LinksOfEvent(id).ToList().Select(l => store.Articles.FindById(l.ArticleId)).Single(a => a.Outlet == "World Israel News");
        browser.Services.GetRequiredService<Timeline.Core.ArticleReading.PendingArticleDates>().ReadNow(win.Id);
        await page.GotoAsync($"/curate/events/{id}");
        var differences = page.GetByRole(AriaRole.Group, new() { Name = "Where the sources differ" });
        await Expect(differences).ToBeVisibleAsync();

        // From the keyboard: the button takes Enter; each new field has its label.
        var count = await page.Locator(".difference-card").CountAsync();
        await differences.GetByRole(AriaRole.Button, new() { Name = "Add a difference" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var n = count; // the new difference's number in the field ids
        await page.Locator($"#difference-{n}-aspect").FillAsync(aspect);
        await MudInputs.ChooseAsync(page, $"difference-{n}-claim-0-source", Option("World Israel News"));
        await page.Locator($"#difference-{n}-claim-0-quote").FillAsync(winQuote);
        await page.Locator($"#difference-{n}-claim-0-value").FillAsync(winValue);
        await MudInputs.ChooseAsync(page, $"difference-{n}-claim-1-source", Option("The Jerusalem Post"));
        await page.Locator($"#difference-{n}-claim-1-quote").FillAsync(postQuote + " (my own words)");

        await page.GetByLabel("Correction: something it said was wrong").CheckAsync();
        await page.Locator("#event-note").FillAsync($"An earlier version did not set out {aspect.ToLowerInvariant()}.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();

        // Words that are not the article's: refused under the field, everything kept.
        await Expect(page.Locator($"#difference-{n}-claim-1-quote-error")).ToContainTextAsync("not in the article");
        await Expect(page.Locator($"#difference-{n}-aspect")).ToHaveValueAsync(aspect);
        await Expect(page.Locator("#event-note")).ToHaveValueAsync($"An earlier version did not set out {aspect.ToLowerInvariant()}.");
        await page.Locator($"#difference-{n}-claim-1-quote").FillAsync(postQuote);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasTextRegex = new("^Saved at") })).ToBeVisibleAsync();
        await Expect(page.Locator("#event-note")).ToHaveCountAsync(0); // the form starts afresh

        // The date World Israel News's passage gives, if any, recorded with one click from the sources panel.
        var winRow = page.Locator(".link-row").Filter(new() { HasText = "World Israel News" });
        if (passageDate is null)
        {
            await Expect(winRow.Locator(".passage-date")).ToHaveCountAsync(0);
        }
        else
        {
            await winRow.GetByRole(AriaRole.Button, new() { Name = "Record as this source's date" }).ClickAsync();
            await Expect(winRow).ToContainTextAsync("Its date for the event: " + passageDate);
        }
        await CleanPage.ScreenshotAsync(page, $"curate-event-differences-{width}");

        // The reader: the table with the new row, its quote leading to the words in the article; the correction.
        var reader = await browser.NewPageAsync(width, 900);
        await reader.GotoAsync("/events/" + slug);
        var row = reader.Locator(".differences tbody tr").Filter(new() { HasText = aspect });
        await Expect(row.Locator(".claim-value")).ToHaveTextAsync(winValue);
        await Expect(reader.Locator(".public-notes")).ToContainTextAsync($"did not set out {aspect.ToLowerInvariant()}");
        Assert.True(await reader.EvaluateAsync<bool>("document.documentElement.scrollWidth <= innerWidth"), "nothing wider than the screen");
        await CleanPage.ScreenshotAsync(reader, $"event-differences-{width}");
        await CleanPage.AssertAccessibleAsync(reader, $"/events/{slug} with differences and a correction");

        await row.Locator("a.claim-quote").First.ClickAsync();
        await Expect(reader.Locator("mark.passage").Filter(new() { HasText = winQuote })).ToBeVisibleAsync();

        // Single-sourced events marked and filtered; this one rests on two outlets.
        await reader.GotoAsync("/?single=1");
        await Expect(reader.Locator("li.event-item .source-count.one").First).ToBeVisibleAsync();
        Assert.Equal(await reader.Locator("li.event-item").CountAsync(), await reader.Locator("li.event-item .source-count.one").CountAsync());
        await Expect(reader.Locator($"li.event-item[id='{slug}']")).ToHaveCountAsync(0);

        await reader.GotoAsync("/changes");
        await Expect(reader.Locator(".changes li").Filter(new() { HasText = aspect.ToLowerInvariant() }).GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href", "/events/" + slug);
        await CleanPage.ScreenshotAsync(reader, $"changes-after-correction-{width}");
        await page.Context.CloseAsync();
        await reader.Context.CloseAsync();
    }
}
