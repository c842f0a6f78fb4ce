using Deque.AxeCore.Commons;
using Microsoft.Playwright;
using Timeline.Tests.Support;

namespace Timeline.EndToEnd.Tests.Browser;

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
            data.Add("timeline-april-2014", "/?from=2014-04&to=2014-04&zoom=days", width);
            data.Add("event", "/events/2023-01-26-the-palestinian-authority-declares-security-coordination-over", width);
            data.Add("era", "/eras/2014-peace-talks-collapse", width);
            data.Add("eras", "/eras", width);
            data.Add("article", "/articles/3", width);
            data.Add("not-found", "/events/no-such-event", width);
            data.Add("embed", "/embed?era=2022-jenin-operation", width);
            data.Add("search", "/search?q=coordination", width);
            data.Add("changes", "/changes", width);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Pages_render_cleanly_at_phone_and_desktop_width(string name, string url, int width)
    {
        var page = await browser.NewPageAsync(width, 900);
        await CleanPage.CheckAsync(page, browser.BaseUrl, name, url, width);
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(375)]
    [InlineData(1280)]
    public async Task The_API_reference_is_accessible(int width)
    {
        // Scalar draws the page with its own script: wait for the API's title, then check the page as it stands.
        var page = await browser.NewPageAsync(width, 900);
        await page.GotoAsync("/api", new() { WaitUntil = WaitUntilState.NetworkIdle });
        await Microsoft.Playwright.Assertions.Expect(page.GetByText("Timeline public API").First).ToBeVisibleAsync();
        Assert.Equal("en", await page.EvaluateAsync<string>("document.documentElement.lang"));
        await CleanPage.ScreenshotAsync(page, $"api-{width}");
        await CleanPage.AssertAccessibleAsync(page, "/api");
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(375)]
    [InlineData(1280)]
    public async Task Curator_pages_render_cleanly_at_phone_and_desktop_width(int width)
    {
        var page = await BrowserCurators.SignInAsync(browser, "layout-admin", Timeline.Core.Domain.CuratorRoles.Admin, width);
        string[] urls =
        [
            "/curate", "/curate/events", "/curate/events/new", "/curate/events/3", "/curate/events/3/history", "/curate/trash",
            "/curate/articles", "/curate/articles/import", "/curate/import/timelinejs", "/curate/articles/3", "/curate/eras", "/curate/eras/1",
            "/curate/admin/users", "/curate/admin/backups", "/account/login",
        ];
        foreach (var url in urls)
            await CleanPage.CheckAsync(page, browser.BaseUrl, "curate" + url.Replace('/', '-'), url, width);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_accessibility_check_names_what_it_finds()
    {
        var page = await browser.NewPageAsync();
        await page.SetContentAsync("""<html lang="en"><title>t</title><main><h1>t</h1><img src="/favicon.svg"><button></button></main></html>""");
        var failure = await Assert.ThrowsAsync<Xunit.Sdk.TrueException>(() => CleanPage.AssertAccessibleAsync(page, "the test page"));
        Assert.Contains("image-alt", failure.Message);
        Assert.Contains("button-name", failure.Message);
        await page.SetContentAsync("""<html lang="en"><title>t</title><main><h1>t</h1><img src="/favicon.svg" alt="A logo"></main></html>""");
        await CleanPage.AssertAccessibleAsync(page, "the test page, mended");
        await page.Context.CloseAsync();
    }
}

/// <summary>Loads a page and checks it: nothing refused by the security policy, no failed request, nothing wider
/// than the screen, a visible h1, no WCAG 2.2 A/AA violation that axe-core finds. Saves a screenshot to bin/.../screenshots (or $TIMELINE_SCREENSHOTS).</summary>
internal static class CleanPage
{
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        var folder = Environment.GetEnvironmentVariable("TIMELINE_SCREENSHOTS") ?? Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }

    // axe-core's own script, run in the page with axe.run. Deque.AxeCore.Playwright's RunAxe opens a blank page for
    // every run (axe's runPartial and finishRun, for cross-origin frames, which these pages do not have): measured,
    // 1.5 s of the 2 s a page took, about a minute and a half over the suite.
    private static readonly Lazy<string> AxeScript = new(() => new BundledAxeScriptProvider().GetScript());

    /// <summary>axe-core on the page as it is now: every WCAG 2.2 A/AA violation, named with its elements.</summary>
    public static async Task AssertAccessibleAsync(IPage page, string url)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
            await page.EvaluateAsync(AxeScript.Value);
        var violations = await page.EvaluateAsync<string[]>("""
            async () => {
                const result = await axe.run(document, {
                    runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
                    resultTypes: ["violations"],
                });
                return result.violations.map(v =>
                    `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map(n => n.html).join(" | ")}`);
            }
            """);
        Assert.True(violations.Length == 0, $"{url}: {string.Join("\n", violations)}");
    }

    public static async Task CheckAsync(IPage page, string baseUrl, string name, string url, int width)
    {
        var problems = new List<string>();
        void OnConsole(object? sender, IConsoleMessage message)
        {
            // "Failed to load resource" repeats what the Response handler below reports; for the 404 page it
            // is the page's own, expected status.
            if (message.Type is "error" or "warning" && !message.Text.StartsWith("Failed to load resource"))
                problems.Add($"console {message.Type}: {message.Text}");
        }
        // Requests in flight, counted instead of waiting for NetworkIdle, which adds half a second of silence to every
        // page (about 40 s over the suite); a request a script starts later is still caught: problems are checked last.
        var inFlight = 0;
        void OnRequest(object? sender, IRequest request) => Interlocked.Increment(ref inFlight);
        void OnDone(object? sender, IRequest request) => Interlocked.Decrement(ref inFlight);
        void OnFailed(object? sender, IRequest request)
        {
            Interlocked.Decrement(ref inFlight);
            problems.Add($"request failed: {request.Url} {request.Failure}");
        }
        void OnResponse(object? sender, IResponse response)
        {
            if (response.Status >= 400 && response.Url != baseUrl.TrimEnd('/') + url)
                problems.Add($"HTTP {response.Status}: {response.Url}");
        }
        page.Console += OnConsole;
        page.Request += OnRequest;
        page.RequestFinished += OnDone;
        page.RequestFailed += OnFailed;
        page.Response += OnResponse;
        try
        {
            await page.GotoAsync(url, new() { WaitUntil = WaitUntilState.Load });
            for (var waited = 0; Volatile.Read(ref inFlight) > 0 && waited < 10_000; waited += 25)
                await Task.Delay(25);
            await page.EvaluateAsync("document.fonts.ready");
            // Curator pages render in their circuit: wait until the heading is there.
            await Microsoft.Playwright.Assertions.Expect(page.Locator("h1").First).ToBeVisibleAsync();

            Assert.Empty(problems);
            var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
            if (overflow > 0)
            {
                // Name the widest offenders, so a failure says where to look.
                var wide = await page.EvaluateAsync<string[]>("""
                    () => [...document.querySelectorAll('body *')]
                        .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
                        .slice(-5).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + '.' + [...e.classList].join('.'))
                    """);
                Assert.Fail($"{url} is {overflow}px wider than a {width}px screen: {string.Join(", ", wide)}");
            }

            await ScreenshotAsync(page, $"{name}-{width}");
            await AssertAccessibleAsync(page, url);
            Assert.Empty(problems); // again: anything a script fetched after the page had loaded
        }
        finally
        {
            page.Console -= OnConsole;
            page.Request -= OnRequest;
            page.RequestFinished -= OnDone;
            page.RequestFailed -= OnFailed;
            page.Response -= OnResponse;
        }
    }
}
