using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Timeline.Tests.Support;

/// <summary>A news site of the tests' own on 127.0.0.1: real-shaped article pages for "Import from a link".</summary>
public sealed class ArticleSite : IAsyncDisposable
{
    private readonly WebApplication app;

    private ArticleSite(WebApplication app) => this.app = app;

    public string BaseUrl => app.Urls.Single();

    public static async Task<ArticleSite> StartAsync(IReadOnlyDictionary<string, string> pages)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        foreach (var (path, html) in pages)
            app.MapGet(path, () => Results.Content(html, "text/html; charset=utf-8"));
        app.MapGet("/moved", () => Results.Redirect(pages.Keys.First()));
        await app.StartAsync();
        return new ArticleSite(app);
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
