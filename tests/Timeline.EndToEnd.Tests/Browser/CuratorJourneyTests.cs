using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Timeline.Core.Domain;
using Timeline.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Timeline.EndToEnd.Tests.Browser;

[Collection(CurationBrowserCollection.Name)]
public sealed class CuratorJourneyTests(BrowserFixture browser)
{
    private const string ArticleHtml = """
        <!doctype html>
        <html lang="en"><head>
          <title>Ignored page title</title>
          <meta property="og:title" content="Jenin camp residents return to damaged homes">
          <meta property="og:site_name" content="The Test Gazette">
          <meta name="author" content="Rana Haddad">
          <meta property="article:published_time" content="2023-07-05T09:00:00Z">
          <link rel="canonical" href="https://gazette.example/jenin-return">
          <script>document.write("tracker")</script>
        </head><body>
          <nav><a href="/">Home</a> <a href="/world">World</a></nav>
          <article>
            <h1>Jenin camp residents return to damaged homes</h1>
            <p>Residents of the Jenin refugee camp began returning on Wednesday to streets torn up by armoured bulldozers.</p>
            <p>Municipal crews said water and power would take weeks to restore across the camp.</p>
            <aside>Subscribe to our newsletter</aside>
          </article>
          <footer>© The Test Gazette</footer>
        </body></html>
        """;

    [Fact]
    public async Task An_editor_creates_an_event_imports_and_links_an_article_and_renames_the_slug()
    {
        var page = await BrowserCurators.SignInAsync(browser, "journey-editor");
        // The policy refuses nothing on the way, the snackbars' inline style elements included.
        var consoleErrors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") consoleErrors.Add(message.Text); };

        // A month-precise event.
        await page.GotoAsync("/curate/events/new");
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync("Residents return to the Jenin camp");
        await MudInputs.ChooseAsync(page, "start-precision", "the month");
        await page.Locator("#start-year").FillAsync("2023");
        await page.Locator("#start-year").BlurAsync();
        await MudInputs.ChooseAsync(page, "start-month", "July");
        await Expect(page.GetByText("Shown to readers as “July 2023”.")).ToBeVisibleAsync();
        await page.Locator("#topics-pick").FillAsync("Reconstruction");
        await Expect(page.GetByRole(AriaRole.Option, new() { Name = "Add new topic “Reconstruction”" })).ToBeVisibleAsync();
        await page.Locator("#topics-pick").PressAsync("Enter"); // picks the suggestion, submits nothing
        await Expect(page.Locator(".tag-picker .mud-chip").Filter(new() { HasText = "Reconstruction" })).ToBeVisibleAsync();
        await Expect(page.Locator("#topics-pick")).ToHaveValueAsync("");
        await page.GetByLabel("Summary (Markdown)").FillAsync("Families **returned** after the July operation.");
        await Expect(page.Locator(".preview strong")).ToHaveTextAsync("returned");
        await page.GetByLabel("Published on the timeline").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create event" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/curate/events/\d+$"));
        await Expect(page.Locator("#event-slug")).ToHaveValueAsync("2023-07-residents-return-to-the-jenin-camp");
        var eventUrl = page.Url;

        // Import an article by uploading an HTML file: details prefilled, page debris gone.
        await page.GotoAsync("/curate/articles/import");
        // Two files at once, through the page's button and the browser's file chooser: the article, and a binary file
        // that is refused with a reason.
        await Expect(page.Locator(".import-sources[data-ready=true]")).ToHaveCountAsync(1);
        var chooser = await page.RunAndWaitForFileChooserAsync(() =>
            page.GetByRole(AriaRole.Button, new() { Name = "Choose files to import" }).ClickAsync());
        Assert.True(chooser.IsMultiple);
        await chooser.SetFilesAsync(new FilePayload[]
        {
            new() { Name = "jenin-return.html", MimeType = "text/html", Buffer = System.Text.Encoding.UTF8.GetBytes(ArticleHtml) },
            new() { Name = "photo.txt", MimeType = "text/plain", Buffer = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0xFF] },
        });
        await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "photo.txt" })).ToContainTextAsync("photo.txt is not UTF-8 text");
        await Expect(page.Locator("#import-1-title")).ToHaveValueAsync("Jenin camp residents return to damaged homes");
        await Expect(page.Locator("#import-1-outlet")).ToHaveValueAsync("The Test Gazette");
        await Expect(page.Locator("#import-1-author")).ToHaveValueAsync("Rana Haddad");
        await Expect(page.Locator("#import-1-url")).ToHaveValueAsync("https://gazette.example/jenin-return");
        await Expect(page.Locator("#import-1-published-day")).ToHaveValueAsync("5");
        var cleaned = page.Locator(".import-item .article-text");
        await Expect(cleaned).ToContainTextAsync("Municipal crews said water and power");
        await Expect(cleaned).Not.ToContainTextAsync("newsletter");
        await Expect(cleaned).Not.ToContainTextAsync("tracker");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save article" }).ClickAsync();
        await Expect(page.GetByText("Saved. Open the article to link it to events")).ToBeVisibleAsync();

        // Link it from the event, with a passage selected in the article's text.
        await page.GotoAsync(eventUrl);
        await page.GetByLabel("Find articles by title, outlet or text").FillAsync("bulldozers");
        await page.GetByRole(AriaRole.Button, new() { Name = "Find" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Jenin camp residents return to damaged homes" }).ClickAsync();
        await Expect(page.Locator("#link-article-text")).ToContainTextAsync("Municipal crews said water and power");
        await page.EvaluateAsync("""
            () => {
                const paragraph = [...document.querySelectorAll('#link-article-text p')].find(p => p.textContent.startsWith('Municipal'));
                const range = document.createRange();
                range.selectNodeContents(paragraph);
                getSelection().removeAllRanges();
                getSelection().addRange(range);
            }
            """);
        await page.GetByRole(AriaRole.Button, new() { Name = "Use selected text" }).ClickAsync();
        await Expect(page.Locator("#link-passage")).ToHaveValueAsync("Municipal crews said water and power would take weeks to restore across the camp.");
        await MudInputs.ChooseAsync(page, "link-role", "Report");
        await page.GetByRole(AriaRole.Button, new() { Name = "Link", Exact = true }).ClickAsync();
        await CleanPage.ScreenshotAsync(page, "curate-event-with-source-1280");
        await Expect(page.Locator(".link-row blockquote")).ToHaveTextAsync("Municipal crews said water and power would take weeks to restore across the camp.");

        // The reader sees it at once.
        var reader = await browser.NewPageAsync();
        await reader.GotoAsync("/events/2023-07-residents-return-to-the-jenin-camp");
        await Expect(reader.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Residents return to the Jenin camp");
        await Expect(reader.Locator(".event-when time")).ToHaveTextAsync("July 2023");
        await Expect(reader.GetByText("Municipal crews said water and power would take weeks")).ToBeVisibleAsync();
        await Expect(reader.GetByText("The Test Gazette").First).ToBeVisibleAsync();
        await Expect(reader.Locator("a[href^='/curate']")).ToHaveCountAsync(0);

        // Rename the slug; the old address answers with a redirect to the new one.
        await page.Locator("#event-slug").FillAsync("jenin-camp-residents-return");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Expect(page.Locator(".save-status")).ToContainTextAsync("Saved at");
        await Expect(page.Locator(".mud-snackbar").Filter(new() { HasText = "Saved" }).First).ToBeVisibleAsync();
        Assert.Empty(consoleErrors);
        var response = await reader.GotoAsync("/events/2023-07-residents-return-to-the-jenin-camp");
        Assert.Equal(200, response!.Status);
        await Expect(reader).ToHaveURLAsync(new Regex("/events/jenin-camp-residents-return$"));
        await Expect(reader.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Residents return to the Jenin camp");
    }

    [Fact]
    public async Task An_editor_creates_an_event_with_the_keyboard_alone()
    {
        var page = await BrowserCurators.SignInAsync(browser, "keyboard-editor");
        await page.GotoAsync("/curate/events/new");
        async Task<string> FocusedAsync() => await page.EvaluateAsync<string>("document.activeElement?.id ?? ''");
        // As fast as keys repeat: a tag picker that selected its text on taking the focus (a round trip through the
        // circuit) used to pull the focus back after it had moved on.
        Task TabAsync() => page.Keyboard.PressAsync("Tab");
        async Task TabToAsync(string id)
        {
            for (var i = 0; i < 25 && await FocusedAsync() != id; i++)
                await TabAsync();
            Assert.Equal(id, await FocusedAsync());
        }

        await page.Locator("#event-title").FocusAsync();
        await page.Keyboard.TypeAsync("Made with the keyboard alone");
        // The date's MudSelects open with a key, move with the arrows and choose with Enter.
        await TabToAsync("start-precision");
        await page.Keyboard.PressAsync("ArrowDown");
        await Expect(page.GetByRole(AriaRole.Option, new() { Name = "the month", Exact = true })).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("ArrowUp");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#start-precision")).ToHaveValueAsync("the month");
        await TabToAsync("start-year");
        await page.Keyboard.TypeAsync("2021");
        await TabToAsync("start-month");
        await page.Keyboard.PressAsync("ArrowDown");
        await Expect(page.GetByRole(AriaRole.Option, new() { Name = "March", Exact = true })).ToBeVisibleAsync();
        for (var i = 0; i < 3; i++)
            await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("Enter");
        await TabToAsync("start-approximate");
        await page.Keyboard.PressAsync("Space");
        await Expect(page.GetByText("Shown to readers as “c. March 2021”.")).ToBeVisibleAsync();
        await TabToAsync("event-summary");
        await page.Keyboard.TypeAsync("Typed without a mouse.");
        // The media radios, then the status radios: Tab reaches the chosen one, an arrow moves the choice.
        await TabAsync();
        await Expect(page.GetByRole(AriaRole.Radio, new() { Name = "None" })).ToBeFocusedAsync();
        await TabAsync();
        await Expect(page.GetByLabel("Draft: only curators see it")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("ArrowRight");
        await Expect(page.GetByLabel("Published on the timeline")).ToBeCheckedAsync();
        await TabAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Create event" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");

        await Expect(page).ToHaveURLAsync(new Regex(@"/curate/events/\d+$"));
        var reader = await browser.NewPageAsync();
        await reader.GotoAsync("/events/2021-03-made-with-the-keyboard-alone");
        await Expect(reader.Locator(".event-when time")).ToHaveTextAsync("c. March 2021");
        await Expect(reader.GetByText("Typed without a mouse.")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Two_editors_editing_one_event_see_the_conflict_and_lose_nothing()
    {
        var first = await BrowserCurators.SignInAsync(browser, "conflict-first");
        var second = await BrowserCurators.SignInAsync(browser, "conflict-second", CuratorRoles.Admin);

        // Both open the same event.
        await first.GotoAsync("/curate/events");
        await first.GetByRole(AriaRole.Link, new() { Name = "Hamas calls on the Palestinian Authority to end security coordination" }).ClickAsync();
        await Expect(first.GetByLabel("Title", new() { Exact = true })).ToHaveValueAsync("Hamas calls on the Palestinian Authority to end security coordination");
        await second.GotoAsync(first.Url);
        await Expect(second.GetByLabel("Title", new() { Exact = true })).ToHaveValueAsync("Hamas calls on the Palestinian Authority to end security coordination");

        // The first changes the title and saves.
        await first.GetByLabel("Title", new() { Exact = true }).FillAsync("Hamas urges the Palestinian Authority to end security coordination");
        await first.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Expect(first.Locator(".save-status")).ToContainTextAsync("Saved at");

        // The second, still on the old version, changes the title and the summary, and saves.
        await second.GetByLabel("Title", new() { Exact = true }).FillAsync("Hamas demands the Palestinian Authority end security coordination");
        await second.GetByLabel("Summary (Markdown)").FillAsync("Edited by the second editor.");
        await second.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        var conflict = second.Locator(".conflict");
        await Expect(conflict).ToContainTextAsync("conflict-first saved this event");
        await Expect(conflict.GetByRole(AriaRole.Row, new() { Name = "Title" })).ToContainTextAsync("Hamas urges the Palestinian Authority to end security coordination");
        // Nothing typed is lost.
        await Expect(second.GetByLabel("Title", new() { Exact = true })).ToHaveValueAsync("Hamas demands the Palestinian Authority end security coordination");
        await Expect(second.GetByLabel("Summary (Markdown)")).ToHaveValueAsync("Edited by the second editor.");

        await CleanPage.ScreenshotAsync(second, "curate-conflict-1280");

        // Keep their title, keep my summary, save.
        await conflict.GetByRole(AriaRole.Row, new() { Name = "Title" }).GetByLabel("theirs").CheckAsync();
        await second.GetByRole(AriaRole.Button, new() { Name = "Merge into my form" }).ClickAsync();
        await Expect(second.GetByLabel("Title", new() { Exact = true })).ToHaveValueAsync("Hamas urges the Palestinian Authority to end security coordination");
        await second.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Expect(second.Locator(".save-status")).ToContainTextAsync("Saved at");
        await Expect(second.Locator(".conflict")).ToHaveCountAsync(0);

        // Both changes are stored: the first editor's title and the second's summary.
        await first.ReloadAsync();
        await Expect(first.GetByLabel("Title", new() { Exact = true })).ToHaveValueAsync("Hamas urges the Palestinian Authority to end security coordination");
        await Expect(first.GetByLabel("Summary (Markdown)")).ToHaveValueAsync("Edited by the second editor.");
        await first.GotoAsync(first.Url + "/history");
        await Expect(first.Locator(".history-entry")).ToHaveCountAsync(3); // baseline, first edit, merged edit
    }
}

[Collection(CurationBrowserCollection.Name)]
public sealed class HistoryJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task An_editor_reads_the_diff_restores_an_earlier_version_and_brings_an_event_back_from_the_trash()
    {
        var page = await BrowserCurators.SignInAsync(browser, "history-editor");
        await page.GotoAsync("/curate/events?q=Scheduled%20end");
        await page.GetByRole(AriaRole.Link, new() { Name = "Scheduled end of the US-brokered talks" }).ClickAsync();
        var title = page.GetByLabel("Title", new() { Exact = true });
        await title.FillAsync("Deadline of the US-brokered talks passes");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Expect(page.Locator(".save-status")).ToContainTextAsync("Saved at");
        var editUrl = page.Url;

        await page.GetByRole(AriaRole.Link, new() { Name = "History" }).ClickAsync();
        var latest = page.Locator(".history-entry").First;
        await Expect(latest).ToContainTextAsync("Edited title");
        await Expect(latest.Locator("dd del")).ToHaveTextAsync("Scheduled end");
        await Expect(latest.Locator("dd ins").First).ToHaveTextAsync("Deadline");
        await Expect(latest.Locator("dd").First).ToHaveTextAsync("Scheduled endDeadline of the US-brokered talks passes");
        await page.Locator(".history-entry").Last.GetByRole(AriaRole.Button, new() { Name = "Restore this version" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Restore" }).ClickAsync();
        await Expect(page.Locator(".history-entry").First).ToContainTextAsync("Restored the version of");

        var reader = await browser.NewPageAsync();
        await reader.GotoAsync("/events/2014-04-29-scheduled-end-of-the-us-brokered-talks");
        await Expect(reader.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Scheduled end of the US-brokered talks");

        // To the trash and back.
        await page.GotoAsync(editUrl);
        await page.GetByRole(AriaRole.Button, new() { Name = "Move to trash" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Move to trash" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/curate/events$"));
        var gone = await reader.GotoAsync("/events/2014-04-29-scheduled-end-of-the-us-brokered-talks");
        Assert.Equal(404, gone!.Status);

        await page.GotoAsync("/curate/trash");
        await page.GetByRole(AriaRole.Button, new() { Name = "Restore Scheduled end of the US-brokered talks" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(editUrl.Replace("?", "\\?") + "$"));
        await Expect(page.GetByLabel("Draft: only curators see it")).ToBeCheckedAsync();
        await page.GetByLabel("Published on the timeline").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Expect(page.Locator(".save-status")).ToContainTextAsync("Saved at");
        Assert.Equal(200, (await reader.GotoAsync("/events/2014-04-29-scheduled-end-of-the-us-brokered-talks"))!.Status);
    }
}

[Collection(CurationBrowserCollection.Name)]
public sealed class StorylineJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task An_editor_creates_a_storyline_and_files_an_event_under_it()
    {
        var page = await BrowserCurators.SignInAsync(browser, "storyline-editor");
        await page.GotoAsync("/curate/eras/new");
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync("Aftermath of the halt");
        await page.Locator("#era-start-year").FillAsync("2023");
        await page.Locator("#era-start-year").BlurAsync();
        await MudInputs.ChooseAsync(page, "era-start-month", "February");
        await page.Locator("#era-end-year").FillAsync("2024");
        await page.Locator("#era-end-year").BlurAsync();
        await MudInputs.ChooseAsync(page, "era-end-month", "June");
        await page.GetByLabel("Description (Markdown)").FillAsync("What followed the **halt**.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create storyline" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/curate/eras/\d+$"));
        await Expect(page.Locator("#era-slug")).ToHaveValueAsync("aftermath-of-the-halt");

        await page.GotoAsync("/curate/events?q=upholds");
        await page.GetByRole(AriaRole.Link, new() { Name = "Palestinian leadership upholds the halt despite pressure" }).ClickAsync();
        await MudInputs.ChooseAsync(page, "event-era", "Aftermath of the halt");
        await Expect(page.Locator("#event-era")).ToHaveValueAsync("Aftermath of the halt");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Expect(page.Locator(".save-status")).ToContainTextAsync("Saved at");

        var reader = await browser.NewPageAsync();
        await reader.GotoAsync("/eras/aftermath-of-the-halt");
        await Expect(reader.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Aftermath of the halt");
        await Expect(reader.GetByText("Palestinian leadership upholds the halt despite pressure")).ToBeVisibleAsync();
        await Expect(reader.Locator("strong").Filter(new() { HasText = "halt" }).First).ToBeVisibleAsync();
    }
}

[Collection(CurationBrowserCollection.Name)]
public sealed class AccountAdminJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task An_admin_creates_an_editor_who_can_then_sign_in_until_disabled()
    {
        var admin = await BrowserCurators.SignInAsync(browser, "accounts-admin", CuratorRoles.Admin);
        await admin.GotoAsync("/curate/admin/users");
        await admin.GetByLabel("User name").FillAsync("new-editor");
        await admin.GetByLabel("Password (at least 12 characters)").FillAsync("short");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Expect(admin.GetByText("Passwords must be at least 12 characters.")).ToBeVisibleAsync();
        await Expect(admin.GetByLabel("User name")).ToHaveValueAsync("new-editor"); // kept as typed

        await admin.GetByLabel("Password (at least 12 characters)").FillAsync("the editor's own long password");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        var row = admin.GetByRole(AriaRole.Row).Filter(new() { HasText = "new-editor" });
        await Expect(row).ToContainTextAsync("active");

        var editor = await browser.NewPageAsync();
        await BrowserCurators.FillSignInFormAsync(editor, "new-editor", "the editor's own long password");
        await Expect(editor.GetByRole(AriaRole.Heading, new() { Name = "Dashboard" })).ToBeVisibleAsync();
        await Expect(editor.GetByRole(AriaRole.Link, new() { Name = "Accounts" })).ToHaveCountAsync(0);

        await row.GetByRole(AriaRole.Button, new() { Name = "Disable" }).ClickAsync();
        await Expect(row).ToContainTextAsync("disabled");
        var again = await browser.NewPageAsync();
        await BrowserCurators.FillSignInFormAsync(again, "new-editor", "the editor's own long password");
        await Expect(again.GetByRole(AriaRole.Alert)).ToContainTextAsync("Sign-in failed.");
    }
}
