using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Timeline.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Timeline.EndToEnd.Tests.Browser;

/// <summary>An editor gives an event an image, then a link, and readers see each.</summary>
[Collection(CurationBrowserCollection.Name)]
public sealed class MediaJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task An_editor_uploads_an_image_with_alt_text_and_readers_see_it_then_switches_to_a_link()
    {
        var page = await BrowserCurators.SignInAsync(browser, "media-journey-editor", width: 375);
        var consoleErrors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") consoleErrors.Add(message.Text); };
        await page.GotoAsync("/curate/events/new");
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync("Delegations meet in Cairo");
        await MudInputs.ChooseAsync(page, "start-precision", "the year");
        await page.Locator("#start-year").FillAsync("2024");
        await page.Locator("#start-year").BlurAsync();
        await page.GetByRole(AriaRole.Radio, new() { Name = "An image" }).CheckAsync();

        // Not an image, whatever its name: refused with a reason.
        var chooser = await page.RunAndWaitForFileChooserAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Choose an image" }).ClickAsync());
        await chooser.SetFilesAsync(new FilePayload { Name = "photo.png", MimeType = "image/png", Buffer = "<svg onload=alert(1)>"u8.ToArray() });
        await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "photo.png" })).ToContainTextAsync("not a PNG, JPEG, GIF or WebP image");

        chooser = await page.RunAndWaitForFileChooserAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Choose an image" }).ClickAsync());
        await chooser.SetFilesAsync(new FilePayload { Name = "cairo.png", MimeType = "image/png", Buffer = TestImages.Png });
        await Expect(page.GetByAltText("Preview of the chosen image")).ToBeVisibleAsync();

        // Saved without alt text: refused, the form kept.
        await page.GetByLabel("Published on the timeline").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create event" }).ClickAsync();
        await Expect(page.Locator("#media-alt-error")).ToHaveTextAsync("Describe the image for readers who cannot see it.");
        await Expect(page.GetByAltText("Preview of the chosen image")).ToBeVisibleAsync();

        await page.Locator("#media-alt").FillAsync("Two delegations at a long table");
        await page.Locator("#media-credit").FillAsync("Example TV");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create event" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/curate/events/\d+$"));
        await Expect(page.GetByAltText("The event's image")).ToBeVisibleAsync(); // now served by the site
        var editorUrl = page.Url;

        await page.GotoAsync("/events/2024-delegations-meet-in-cairo");
        var image = page.GetByAltText("Two delegations at a long table");
        await Expect(image).ToBeVisibleAsync();
        Assert.True(await image.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"));
        await Expect(page.Locator("figure.event-media figcaption")).ToContainTextAsync("Example TV");

        // A link instead: a card, nothing embedded.
        await page.GotoAsync(editorUrl);
        await page.GetByRole(AriaRole.Radio, new() { Name = "A link to a page or video" }).CheckAsync();
        await page.Locator("#media-url").FillAsync("https://video.example.org/watch?v=42");
        await page.Locator("#media-caption").FillAsync("The meeting on video");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Expect(page.GetByText(new Regex("Saved at"))).ToBeVisibleAsync();
        await page.GotoAsync("/events/2024-delegations-meet-in-cairo");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "video.example.org The meeting on video" })).ToHaveAttributeAsync("href", "https://video.example.org/watch?v=42");
        Assert.Empty(consoleErrors);
    }
}
