using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Timeline.Tests.Support;

/// <summary>A news site of the tests' own on 127.0.0.1: real-shaped article pages for "Import from a link" (the
/// fetcher's tests and the browser journey), and whatever else a test maps on it.</summary>
public sealed class ArticleSite : IAsyncDisposable
{
    private readonly WebApplication app;

    private ArticleSite(WebApplication app) => this.app = app;

    public string BaseUrl => app.Urls.Single();

    /// <summary>The pages as HTML at their paths, and "/moved", which redirects to the first of them.</summary>
    public static Task<ArticleSite> StartAsync(IReadOnlyDictionary<string, string> pages, Action<WebApplication>? more = null) =>
        StartAsync(app =>
        {
            foreach (var (path, html) in pages)
                app.MapGet(path, () => Results.Content(html, "text/html; charset=utf-8"));
            app.MapGet("/moved", () => Results.Redirect(pages.Keys.First()));
            more?.Invoke(app);
        });

    private static async Task<ArticleSite> StartAsync(Action<WebApplication> map)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        return new ArticleSite(app);
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
