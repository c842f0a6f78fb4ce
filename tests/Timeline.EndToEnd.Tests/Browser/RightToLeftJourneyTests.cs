using Microsoft.Playwright;
using Timeline.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Timeline.EndToEnd.Tests.Browser;

/// <summary>An Arabic article, imported and linked by a passage picked from its text, reads right to left in place on
/// curator and reader pages (dir="auto" on content), inside pages that stay left to right.</summary>
[Collection(CurationBrowserCollection.Name)]
public sealed class RightToLeftJourneyTests(BrowserFixture browser)
{
    private const string Title = "السلطة الفلسطينية توقف التنسيق الأمني مع إسرائيل";
    private const string Passage = "وقال المتحدث باسم الرئاسة إن القرار يسري فوراً.";

    private static Task<string> DirectionAsync(ILocator element) => element.EvaluateAsync<string>("e => getComputedStyle(e).direction");

    [Fact]
    public async Task An_editor_imports_an_Arabic_article_and_links_a_passage_that_readers_see_right_to_left()
    {
        var page = await BrowserCurators.SignInAsync(browser, "rtl-editor");

        await page.GotoAsync("/curate/articles/import");
        await page.Locator("#import-paste").FillAsync($"{Title}\n\nأعلنت السلطة الفلسطينية يوم الخميس وقف التنسيق الأمني مع إسرائيل بعد عملية جنين.\n\n{Passage}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Read pasted text" }).ClickAsync();
        await Expect(page.Locator("#import-1-title")).ToHaveValueAsync(Title);
        Assert.Equal("rtl", await DirectionAsync(page.Locator("#import-1-title")));
        Assert.Equal("rtl", await DirectionAsync(page.Locator(".import-item .article-text p").First));
        await page.Locator("#import-1-outlet").FillAsync("وكالة وفا");
        await page.Locator("#import-1-published-year").FillAsync("2023");
        await page.Locator("#import-1-published-year").BlurAsync();
        await MudInputs.ChooseAsync(page, "import-1-published-month", "January");
        await page.Locator("#import-1-published-day").FillAsync("26");
        await page.Locator("#import-1-published-day").BlurAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save article" }).ClickAsync();
        await Expect(page.GetByText("Saved. Open the article to link it to events")).ToBeVisibleAsync();

        // Link it to a published event, the passage selected in the Arabic text.
        await page.GotoAsync("/curate/events/3");
        var slug = await page.Locator("#event-slug").InputValueAsync();
        await page.GetByLabel("Find articles by title, outlet or text").FillAsync("التنسيق");
        await page.GetByRole(AriaRole.Button, new() { Name = "Find" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = Title }).ClickAsync();
        await Expect(page.Locator("#link-article-text")).ToContainTextAsync(Passage);
        Assert.Equal("rtl", await DirectionAsync(page.Locator("#link-article-text")));
        await page.EvaluateAsync("""
            (passage) => {
                const paragraph = [...document.querySelectorAll('#link-article-text p')].find(p => p.textContent === passage);
                const range = document.createRange();
                range.selectNodeContents(paragraph);
                getSelection().removeAllRanges();
                getSelection().addRange(range);
            }
            """, Passage);
        await page.GetByRole(AriaRole.Button, new() { Name = "Use selected text" }).ClickAsync();
        await Expect(page.Locator("#link-passage")).ToHaveValueAsync(Passage);
        Assert.Equal("rtl", await DirectionAsync(page.Locator("#link-passage")));
        await MudInputs.ChooseAsync(page, "link-role", "Report");
        await page.GetByRole(AriaRole.Button, new() { Name = "Link", Exact = true }).ClickAsync();
        var linked = page.Locator(".link-row blockquote").Filter(new() { HasText = Passage });
        await Expect(linked).ToBeVisibleAsync();
        Assert.Equal("rtl", await DirectionAsync(linked));
        await CleanPage.ScreenshotAsync(page, "curate-event-arabic-source-1280");

        // The reader: the Arabic title and passage right to left, the page around them left to right.
        var reader = await browser.NewPageAsync(375, 900);
        await reader.GotoAsync("/events/" + slug);
        var passage = reader.Locator(".passage p").Filter(new() { HasText = Passage });
        await Expect(passage).ToBeVisibleAsync();
        Assert.Equal("rtl", await DirectionAsync(passage));
        Assert.Equal("rtl", await DirectionAsync(reader.Locator(".source-title").Filter(new() { HasText = Title })));
        Assert.Equal("ltr", await DirectionAsync(reader.Locator("h1")));
        // Its time axis runs left to right, earlier to later, whatever the direction of the content around it.
        Assert.Equal("ltr", await DirectionAsync(reader.Locator(".event-axis .time-axis")));
        var periods = reader.Locator(".event-axis .axis-periods > a");
        Assert.True(await periods.CountAsync() > 1);
        Assert.True((await periods.First.BoundingBoxAsync())!.X < (await periods.Last.BoundingBoxAsync())!.X);
        await CleanPage.ScreenshotAsync(reader, "event-arabic-source-375");

        await reader.Locator(".source-card").Filter(new() { HasText = Title }).GetByRole(AriaRole.Link, new() { Name = "Read the passage in context" }).ClickAsync();
        await Expect(reader.Locator("h1")).ToHaveTextAsync(Title);
        Assert.Equal("rtl", await DirectionAsync(reader.Locator("h1")));
        Assert.Equal("rtl", await DirectionAsync(reader.Locator(".article-body p").Last));
        await CleanPage.AssertAccessibleAsync(reader, "/articles (Arabic)");
        await page.Context.CloseAsync();
        await reader.Context.CloseAsync();
    }

    [Fact]
    public async Task A_refused_save_moves_the_keyboard_focus_to_the_first_field_to_fix()
    {
        var page = await BrowserCurators.SignInAsync(browser, "focus-editor", width: 375);
        await page.GotoAsync("/curate/events/new");
        await Expect(page.Locator("#event-title")).ToHaveAttributeAsync("aria-required", "true");
        await page.Locator("#event-summary").FillAsync("Typed before anything else.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create event" }).ClickAsync();

        await Expect(page.Locator("#title-error")).ToBeVisibleAsync();
        await Expect(page.Locator("#event-title")).ToBeFocusedAsync();
        await Expect(page.Locator("#event-summary")).ToHaveValueAsync("Typed before anything else.");
        await page.Context.CloseAsync();
    }
}
