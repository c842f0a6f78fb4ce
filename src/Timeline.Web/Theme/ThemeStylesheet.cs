using Timeline.Web.Caching;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace Timeline.Web.Theme;

/// <summary>The rendered theme stylesheet and its address, which carries a hash of the content so that browsers may
/// keep it for a year and still see a new theme at once.</summary>
public sealed class ThemeStylesheet(IServiceProvider services)
{
    public const string Path = "/theme.css";

    private readonly Lazy<Task<(string Css, string Href)>> rendered = new(async () =>
    {
        var css = await TimelineTheme.RenderStylesheetAsync(services);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(css)))[..12];
        return (css, $"{Path.TrimStart('/')}?v={hash}"); // relative to <base href="/">, as the other assets
    });

    public async Task<string> GetHrefAsync() => (await rendered.Value).Href;

    public async Task<string> GetCssAsync() => (await rendered.Value).Css;

    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(Path, async (HttpContext context, ThemeStylesheet theme) =>
        {
            var css = await theme.GetCssAsync();
            context.Response.Headers.CacheControl = context.Request.Query.ContainsKey("v")
                ? "public, max-age=31536000, immutable"
                : "public, max-age=0";
            return Results.Text(css, "text/css; charset=utf-8");
        }).WithMetadata(new SetsOwnCacheHeaders()).ExcludeFromDescription();
}
