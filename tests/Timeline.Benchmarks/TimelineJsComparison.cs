using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

/// <summary>
/// The app's timeline against TimelineJS 3 on the same events, in the same Chromium: the app's own TimelineJS export of
/// the timeline is loaded into TimelineJS's <c>dist/js/timeline.js</c> (a local copy outside the repository, given with
/// <c>--timelinejs DIR</c>), served from loopback like the app. Measured for each: the time from navigation to the
/// first event visible (TimelineJS: its first time marker's content; the app: its first list item) and the bytes
/// received.
/// </summary>
internal static class TimelineJsComparison
{
    public static async Task<List<(string What, string Figure)>> MeasureAsync(string appUrl, string distFolder)
    {
        var rows = new List<(string What, string Figure)>();
        var site = Directory.CreateTempSubdirectory("timelinejs-");
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri(appUrl), Timeout = TimeSpan.FromMinutes(5) };
            var json = await http.GetByteArrayAsync("/export/timelinejs.json");
            await File.WriteAllBytesAsync(Path.Combine(site.FullName, "data.json"), json);
            // TimelineJS as its documentation embeds it: its stylesheet, its script, and the data by address.
            await File.WriteAllTextAsync(Path.Combine(site.FullName, "index.html"), """
                <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>TimelineJS</title>
                <link rel="stylesheet" href="dist/css/timeline.css"><script src="dist/js/timeline.js"></script></head>
                <body><div id="timeline-embed" style="width:100%;height:600px"></div>
                <script>window.timeline = new TL.Timeline("timeline-embed", "data.json", { script_path: new URL("dist/js/", location.href).href });</script></body></html>
                """);
            // The floor: the same browser showing one line of plain HTML from the same kind of server.
            await File.WriteAllTextAsync(Path.Combine(site.FullName, "floor.html"), "<!DOCTYPE html><title>floor</title><p class=\"event\">An event</p>");
            await using var server = await ServeAsync(site.FullName, distFolder);
            var timelineJsUrl = server.Urls.First() + "/index.html";

            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new()
            {
                ExecutablePath = "/usr/bin/chromium", Headless = true, Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
            });
            // Both warm, as a reader finds them: the app has rendered its page before (it is output-cached), the
            // browser has started a page; TimelineJS's files come from a static server either way.
            for (var i = 0; i < 5; i++)
                await http.GetStringAsync("/");
            await FirstEventAsync(browser, appUrl + "/", "[data-timeline] li.event-item");
            var app = await FirstEventAsync(browser, appUrl + "/", "[data-timeline] li.event-item");
            var floor = await FirstEventAsync(browser, server.Urls.First() + "/floor.html", "p.event");
            // (A .tl-timemarker itself has no box of its own: its content container is what shows.)
            var timelineJs = await FirstEventAsync(browser, timelineJsUrl, ".tl-timemarker .tl-timemarker-content-container");
            var events = System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("events").GetArrayLength();
            rows.Add(("the floor: one line of plain HTML visible (same browser and machine)", $"{floor.Elapsed.TotalMilliseconds:N0} ms, first paint {floor.FirstPaint:N0} ms"));
            rows.Add(($"first event visible, this app's `/` (Chromium, loopback)", $"{app.Elapsed.TotalMilliseconds:N0} ms (first paint {app.FirstPaint:N0} ms), {app.Bytes:N0} bytes"));
            rows.Add(($"first event visible, TimelineJS 3 on the app's export of {events:N0} events ({json.Length:N0} bytes of JSON)",
                $"{timelineJs.Elapsed.TotalMilliseconds:N0} ms (first paint, its loading message, {timelineJs.FirstPaint:N0} ms), {timelineJs.Bytes:N0} bytes"));
            rows.Add(("TimelineJS against this app: time / bytes",
                $"{timelineJs.Elapsed / app.Elapsed:N0}× / {(double)timelineJs.Bytes / app.Bytes:N0}×"));
        }
        finally
        {
            site.Delete(recursive: true);
        }
        return rows;
    }

    /// <summary>Opens the page in a fresh context and waits (up to ten minutes) for the selector to show.</summary>
    private static async Task<(TimeSpan Elapsed, long Bytes, double FirstPaint)> FirstEventAsync(IBrowser browser, string url, string selector)
    {
        await using var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        long bytes = 0;
        page.RequestFinished += async (_, request) =>
        {
            try
            {
                var sizes = await request.SizesAsync();
                Interlocked.Add(ref bytes, sizes.ResponseBodySize + sizes.ResponseHeadersSize);
            }
            catch (PlaywrightException)
            {
                // The page went away with its requests.
            }
        };
        // A script error (TimelineJS shows its message instead of a timeline) ends the wait at once.
        var failed = new TaskCompletionSource<string>();
        page.PageError += (_, error) => failed.TrySetResult(error);
        var clock = Stopwatch.StartNew();
        await page.GotoAsync(url, new() { WaitUntil = WaitUntilState.Commit, Timeout = 600_000 });
        var shown = page.Locator(selector).First.WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = 600_000 });
        if (await Task.WhenAny(shown, failed.Task) == failed.Task)
            throw new InvalidOperationException($"{url}: {failed.Task.Result}");
        await shown;
        var elapsed = clock.Elapsed;
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle, new() { Timeout = 600_000 });
        var firstPaint = await page.EvaluateAsync<double>("performance.getEntriesByType('paint').find(p => p.name === 'first-contentful-paint')?.startTime ?? 0");
        return (elapsed, Interlocked.Read(ref bytes), firstPaint);
    }

    /// <summary>A loopback server for the TimelineJS page and its data, and TimelineJS's files under /dist.</summary>
    private static async Task<WebApplication> ServeAsync(string site, string distFolder)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var server = builder.Build();
        server.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(site) });
        server.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(Path.GetFullPath(distFolder)), RequestPath = "/dist" });
        await server.StartAsync();
        return server;
    }
}
