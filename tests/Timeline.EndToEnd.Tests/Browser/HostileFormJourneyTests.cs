using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Timeline.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Timeline.EndToEnd.Tests.Browser;

/// <summary>
/// What ended the editor's session before: a title with a noncharacter (U+FFFE) and the year 9999 at year
/// precision. The event is created, and the form keeps working and keeps what was typed.
/// </summary>
[Collection(CurationBrowserCollection.Name)]
public sealed class HostileFormJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_noncharacter_title_and_the_year_9999_are_saved_and_the_form_keeps_working()
    {
        var page = await BrowserCurators.SignInAsync(browser, "hostile-editor");
        await page.GotoAsync("/curate/events/new");
        var title = page.GetByLabel("Title", new() { Exact = true });
        await title.FillAsync("End of the calendar \uFFFE test");
        await MudInputs.ChooseAsync(page, "start-precision", "the year");
        await page.Locator("#start-year").FillAsync("9999");
        await page.Locator("#start-year").BlurAsync();
        await Expect(page.GetByText("Shown to readers as “9999”.")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create event" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"/curate/events/\d+$"));
        await Expect(title).ToHaveValueAsync("End of the calendar \uFFFE test");
        await Expect(page.Locator("#event-slug")).ToHaveValueAsync("9999-end-of-the-calendar-test");

        // Still alive: the next edit saves too.
        await page.GetByLabel("Summary (Markdown)").FillAsync("Still *here*.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved at");
    }
}
