using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Timeline.Core.Domain;
using Timeline.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Timeline.EndToEnd.Tests.Browser;

/// <summary>A TimelineJS file imported through the curator area, from the preview to the published timeline; and the
/// embed, framed by a page of another origin.</summary>
[Collection(CurationBrowserCollection.Name)]
public sealed class TimelineJsJourneyTests(BrowserFixture browser)
{
    private static byte[] Fixture(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "timelinejs", name));

    /// <summary>Chooses the fixture through the page's button; <paramref name="word"/> replaces "Talks" in it, so that each
    /// run imports events of its own into the fixture's shared app.</summary>
    private static async Task ChooseFileAsync(IPage page, string name, string word = "Talks")
    {
        var chooser = await page.RunAndWaitForFileChooserAsync(() =>
            page.GetByRole(AriaRole.Button, new() { Name = "Choose a TimelineJS file" }).ClickAsync());
        var content = System.Text.Encoding.UTF8.GetString(Fixture(name));
        if (word != "Talks")
            content = content.Replace("Talks", word).Replace("talks-", word.ToLowerInvariant() + "-").Replace("Gaza", word).Replace("First round", word + " round");
        await chooser.SetFilesAsync(new FilePayload { Name = name, MimeType = "application/octet-stream", Buffer = System.Text.Encoding.UTF8.GetBytes(content) });
    }

    [Fact]
    public async Task An_editor_previews_a_file_then_imports_it_published_and_readers_see_it()
    {
        const int width = 375; // the harder layout; the page at 1280 px is in PageLayoutTests
        var page = await BrowserCurators.SignInAsync(browser, $"tjs-editor-{width}", width: width);
        var consoleErrors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") consoleErrors.Add(message.Text); };
        await page.GotoAsync("/curate/import/timelinejs");
        await Expect(page.Locator(".tjs-options[data-ready=true]")).ToHaveCountAsync(1);

        // A broken file first: each bad entry named, nothing to import.
        await ChooseFileAsync(page, "bad-entries.json");
        var alert = page.GetByRole(AriaRole.Alert);
        await Expect(alert).ToContainTextAsync("Event 2: The start year -500 is outside 1–9999");
        await Expect(alert).ToContainTextAsync("Event 4: The event has no headline");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Import 1 event" })).ToBeDisabledAsync();

        // The real file: the preview counts what it holds and names what it drops, before anything is stored.
        var word = width == 375 ? "Negotiations" : "Talks";
        var file = width == 375 ? "newsroom.csv" : "newsroom.json";
        await ChooseFileAsync(page, file, word);
        await Expect(page.Locator(".tjs-summary")).ToContainTextAsync("4 events to import as drafts, 2 new storylines, 1 media link");
        await Expect(page.Locator(".tjs-dropped")).ToContainTextAsync("Dropped from the text: scripts.");
        await Expect(page.Locator(".tjs-events tbody tr")).ToHaveCountAsync(4);
        var store = browser.Services.GetRequiredService<Timeline.Core.Storage.TimelineStore>();
        Assert.Null(store.Events.FindOne(e => e.Title == word + " stall"));

        await page.GetByLabel("Publish the imported events (otherwise they are drafts)").CheckAsync();
        await Expect(page.Locator(".tjs-summary")).ToContainTextAsync("4 events to import as published");
        await page.GetByRole(AriaRole.Button, new() { Name = "Import 4 events" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Imported 4 events as published" })).ToBeVisibleAsync();
        Assert.Equal(EventStatus.Published, store.Events.FindOne(e => e.Title == word + " stall").Status);

        // Choosing the same file again finds everything already there.
        await ChooseFileAsync(page, file, word);
        await Expect(page.Locator(".tjs-summary")).ToHaveTextAsync("Nothing new to import: every event in the file is already on the timeline.");
        await Expect(page.Locator(".tjs-already li")).ToHaveCountAsync(4);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Import 0 events" })).ToHaveCountAsync(0);
        Assert.Empty(consoleErrors);

        // Readers see the imported events, with the text as safe Markdown.
        await page.GotoAsync(width == 375 ? "/events/2023-negotiations-are-first-proposed" : "/events/talks-first-proposed");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = word + " are first proposed" })).ToBeVisibleAsync();
        await Expect(page.Locator(".event-when")).ToContainTextAsync("2023");
    }

    [Fact]
    public async Task The_embed_shows_the_view_in_a_frame_of_another_site_and_opens_events_outside_it()
    {
        var page = await browser.NewPageAsync(1280);
        // The timeline offers the code for its current view.
        await page.GotoAsync("/?era=2023-security-coordination-halt");
        await page.GetByText("Embed this view").ClickAsync();
        var code = await page.Locator("#embed-code").InputValueAsync();
        Assert.Contains("/embed?era=2023-security-coordination-halt", code);

        // A newsroom's page frames it, with a focus deep link. (Served here at the app's address: Chromium keeps other
        // origins it cannot place from framing a loopback address; the headers that let any site frame /embed, and
        // no other page, are checked in FeedsTests.)
        var slug = "2023-01-26-the-palestinian-authority-declares-security-coordination-over";
        var src = System.Text.RegularExpressions.Regex.Match(code, "src=\"([^\"]+)\"").Groups[1].Value + $"&focus={slug}#{slug}";
        await page.RouteAsync("**/newsroom-article", route => route.FulfillAsync(new()
        {
            ContentType = "text/html",
            Body = $"<!doctype html><title>Host</title><h1>A newsroom's article</h1><iframe title=\"Timeline\" src=\"{src}\" width=\"100%\" height=\"500\"></iframe>",
        }));
        await page.GotoAsync("/newsroom-article");
        var frame = page.FrameLocator("iframe");
        var focused = frame.Locator("li[aria-current=true] .event-link");
        await Expect(focused).ToHaveTextAsync("The Palestinian Authority declares security coordination over");
        await Expect(focused).ToHaveAttributeAsync("target", "_blank");
        await Expect(frame.GetByRole(AriaRole.Link, new() { Name = "Open the full timeline ↗" })).ToHaveAttributeAsync("href", "/?era=2023-security-coordination-halt&focus=" + slug);

        // An event opens as the full page in a new tab, not inside the frame.
        var opened = await page.Context.RunAndWaitForPageAsync(() => focused.ClickAsync());
        await Expect(opened).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/events/{slug}$"));
        Assert.EndsWith("/newsroom-article", page.Url);
    }
}
