using Microsoft.Playwright;
using Timeline.Tests.Support;

namespace Timeline.Tests.Browser;

/// <summary>
/// Every public page in real Chromium at phone and desktop widths: nothing refused by the security
/// policy, no failed request, nothing wider than the screen. Screenshots go to
/// bin/.../screenshots (or $TIMELINE_SCREENSHOTS) for a person to look at.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PageLayoutTests(BrowserFixture browser)
{
    public static TheoryData<string, string, int> Pages()
    {
        var data = new TheoryData<string, string, int>();
        foreach (var width in new[] { 375, 1280 })
        {
            data.Add("timeline", "/", width);
            data.Add("event", "/events/2023-01-26-the-palestinian-authority-declares-security-coordination-over", width);
            data.Add("era", "/eras/2014-peace-talks-collapse", width);
            data.Add("eras", "/eras", width);
            data.Add("article", "/articles/3", width);
            data.Add("not-found", "/events/no-such-event", width);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Pages_render_cleanly_at_phone_and_desktop_width(string name, string url, int width)
    {
        var page = await browser.NewPageAsync(width, 900);
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            // "Failed to load resource" repeats what the Response handler below reports; for the 404 page it
            // is the page's own, expected status.
            if (message.Type is "error" or "warning" && !message.Text.StartsWith("Failed to load resource"))
                problems.Add($"console {message.Type}: {message.Text}");
        };
        page.RequestFailed += (_, request) => problems.Add($"request failed: {request.Url} {request.Failure}");
        page.Response += (_, response) =>
        {
            if (response.Status >= 400 && response.Url != browser.BaseUrl.TrimEnd('/') + url)
                problems.Add($"HTTP {response.Status}: {response.Url}");
        };

        await page.GotoAsync(url, new() { WaitUntil = WaitUntilState.NetworkIdle });
        await page.EvaluateAsync("document.fonts.ready");

        Assert.Empty(problems);
        var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"{url} is {overflow}px wider than a {width}px screen");
        Assert.True(await page.Locator("h1").IsVisibleAsync());

        var folder = Environment.GetEnvironmentVariable("TIMELINE_SCREENSHOTS") ?? Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"{name}-{width}.png"), FullPage = true });
        await page.Context.CloseAsync();
    }
}
