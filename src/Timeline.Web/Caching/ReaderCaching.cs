using Timeline.Web.Hosting;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.AspNetCore.Http.Headers;
using Microsoft.Net.Http.Headers;

namespace Timeline.Web.Caching;

/// <summary>
/// HTTP caching, for browsers and a CDN in front. Reader pages (the ones under the public output-cache policy)
/// are public with a validator: a shared cache (a CDN) may keep one for a minute (s-maxage), a browser revalidates
/// every time (max-age=0), so a reader who has just seen an event trashed or renamed is not shown the old page from
/// their own cache. A matching conditional request is answered 304 before the page is rendered at all; they never vary by cookie, since they show everyone the same. Everything else the app
/// renders or answers (the curator area, sign-in, account endpoints) is private and never stored. Static assets
/// keep the headers MapStaticAssets gives them.
/// </summary>
public sealed class ReaderCaching(RequestDelegate next, ReaderContentVersion version, Microsoft.Extensions.Options.IOptions<Hosting.TimelineOptions> options)
{
    private const string EnhancedNavigationHeader = "blazor-enhanced-nav";

    /// <summary>How long a shared cache (a CDN, nginx) may serve a reader page without asking, unless
    /// Timeline:SharedCacheMaxAge says otherwise: how long a curator's save may take to reach every reader.</summary>
    public static readonly TimeSpan SharedMaxAge = TimeSpan.FromSeconds(60);

    private TimeSpan SharedMaxAgeSetting => options.Value.SharedCacheMaxAge ?? SharedMaxAge;

    public Task InvokeAsync(HttpContext context)
    {
        var (etag, lastModified) = version.Current; // taken before rendering: the page is at least this new
        if (IsReaderPage(context) && IsNotModified(context.Request.GetTypedHeaders(), etag, lastModified))
        {
            context.Response.StatusCode = StatusCodes.Status304NotModified;
            SetPublic(context.Response, etag, lastModified, SharedMaxAgeSetting);
            return Task.CompletedTask;
        }
        context.Response.OnStarting(() =>
        {
            // Read again here: a status page re-executed for a 404 is a reader page of its own.
            var response = context.Response;
            if (context.GetEndpoint()?.Metadata is { } metadata
                && (metadata.GetMetadata<StaticAssetDescriptor>() is not null || metadata.GetMetadata<SetsOwnCacheHeaders>() is not null))
                return Task.CompletedTask;
            var readerPage = IsReaderPage(context);
            if (readerPage)
            {
                // The output cache marks what it serves with an Age header; a rendered page has none.
                Core.Diagnostics.TimelineMetrics.OutputCacheRequests.Add(1,
                    new KeyValuePair<string, object?>("result", response.Headers.ContainsKey(HeaderNames.Age) ? "hit" : "miss"));
            }
            if (readerPage && response.StatusCode == StatusCodes.Status200OK)
                SetPublic(response, etag, lastModified, SharedMaxAgeSetting);
            else if (readerPage && response.StatusCode is StatusCodes.Status301MovedPermanently or StatusCodes.Status404NotFound)
                SetPublic(response, etag: null, lastModified: null, SharedMaxAgeSetting);
            else
            {
                response.Headers.CacheControl = "private, no-store";
                response.Headers.Remove(HeaderNames.ETag);
                response.Headers.Remove(HeaderNames.LastModified);
            }
            // The output cache gives its stored "blazor-enhanced-nav: allow" back as "Allow" (its serializer keeps
            // well-known header words in their standard case), and blazor.web.js compares it case-sensitively: every
            // enhanced navigation to a cached page fell back to a full page load, losing scroll and keyboard focus.
            if (response.Headers.TryGetValue(EnhancedNavigationHeader, out var allow) && allow == "Allow")
                response.Headers[EnhancedNavigationHeader] = "allow";
            return Task.CompletedTask;
        });
        return next(context);
    }

    private static bool IsReaderPage(HttpContext context) =>
        HttpMethods.IsGet(context.Request.Method)
        && context.GetEndpoint()?.Metadata.GetMetadata<OutputCacheAttribute>()?.PolicyName == TimelineApp.PublicPagePolicy;

    private static bool IsNotModified(RequestHeaders request, EntityTagHeaderValue etag, DateTimeOffset lastModified)
    {
        // If-None-Match wins over If-Modified-Since when both are sent (RFC 9110, 13.2.2).
        if (request.IfNoneMatch is { Count: > 0 } tags)
            return tags.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(etag, useStrongComparison: false));
        return request.IfModifiedSince is { } since && lastModified <= since;
    }

    /// <summary>A fetch by Blazor's enhanced navigation (its Accept header says so), answered with framing headers.</summary>
    public static bool IsEnhancedNavigation(HttpRequest request) =>
        request.Headers.Accept.ToString().Contains("blazor-enhanced-nav", StringComparison.OrdinalIgnoreCase);

    private static void SetPublic(HttpResponse response, EntityTagHeaderValue? etag, DateTimeOffset? lastModified, TimeSpan sharedMaxAge)
    {
        // The same address answers a plain page and Blazor's enhanced-navigation fetch differently (see the output
        // cache policy): a shared or browser cache must keep them apart.
        response.Headers.Vary = HeaderNames.Accept;
        var headers = response.GetTypedHeaders();
        headers.CacheControl = new CacheControlHeaderValue { Public = true, MaxAge = TimeSpan.Zero, SharedMaxAge = sharedMaxAge };
        response.Headers.Remove(HeaderNames.Pragma);
        if (etag is not null)
            headers.ETag = etag;
        headers.LastModified = lastModified;
    }
}
