using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.AspNetCore.Http.Headers;
using Microsoft.Net.Http.Headers;

namespace Timeline.Web.Hosting;

/// <summary>
/// The version of everything a reader page shows. Each reader page's content follows from the published
/// timeline alone, so one counter, moved on every change a curator makes, validates them all: its ETag and
/// Last-Modified change when (and only when) the content may have. The ETag also names this process, so a
/// restart (perhaps with new page templates) never answers "not modified" for a page rendered before it.
/// </summary>
public sealed class ReaderContentVersion(TimeProvider clock)
{
    private readonly string process = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(4));
    private readonly Lock gate = new();
    private long changes;
    private DateTimeOffset lastModified = WholeSeconds(clock.GetUtcNow());
    private (EntityTagHeaderValue ETag, DateTimeOffset LastModified)? current;

    /// <summary>The validators, made once per change (every request reads them; only a save moves them).</summary>
    public (EntityTagHeaderValue ETag, DateTimeOffset LastModified) Current
    {
        get
        {
            lock (gate)
                return current ??= (new EntityTagHeaderValue($"\"{process}-{changes}\"", isWeak: true), lastModified);
        }
    }

    /// <summary>After a change is visible to readers (caches evicted, search caught up).</summary>
    public void Changed()
    {
        lock (gate)
        {
            changes++;
            // HTTP dates count whole seconds: a second change within the same second still moves Last-Modified on,
            // so a client that only sends If-Modified-Since is not told its copy of the first is current.
            var now = WholeSeconds(clock.GetUtcNow());
            lastModified = now > lastModified ? now : lastModified.AddSeconds(1);
            current = null;
        }
    }

    private static DateTimeOffset WholeSeconds(DateTimeOffset time) => new(time.Ticks - time.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
}

/// <summary>
/// HTTP caching, for browsers and a CDN in front. Reader pages (the ones under the public output-cache policy)
/// are public with a validator: a shared cache (a CDN) may keep one for a minute (s-maxage), a browser revalidates
/// every time (max-age=0), so a reader who has just seen an event trashed or renamed is not shown the old page from
/// their own cache. A matching conditional request is answered 304 before the page is rendered at all; they never vary by cookie, since they show everyone the same. Everything else the app
/// renders or answers (the curator area, sign-in, account endpoints) is private and never stored. Static assets
/// keep the headers MapStaticAssets gives them.
/// </summary>
public sealed class ReaderCaching(RequestDelegate next, ReaderContentVersion version)
{
    /// <summary>How long a shared cache may serve a reader page without asking.</summary>
    public static readonly TimeSpan SharedMaxAge = TimeSpan.FromSeconds(60);

    public Task InvokeAsync(HttpContext context)
    {
        var (etag, lastModified) = version.Current; // taken before rendering: the page is at least this new
        if (IsReaderPage(context) && IsNotModified(context.Request.GetTypedHeaders(), etag, lastModified))
        {
            context.Response.StatusCode = StatusCodes.Status304NotModified;
            SetPublic(context.Response, etag, lastModified);
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
            if (readerPage && response.StatusCode == StatusCodes.Status200OK)
                SetPublic(response, etag, lastModified);
            else if (readerPage && response.StatusCode is StatusCodes.Status301MovedPermanently or StatusCodes.Status404NotFound)
                SetPublic(response, etag: null, lastModified: null);
            else
            {
                response.Headers.CacheControl = "private, no-store";
                response.Headers.Remove(HeaderNames.ETag);
                response.Headers.Remove(HeaderNames.LastModified);
            }
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

    private static void SetPublic(HttpResponse response, EntityTagHeaderValue? etag, DateTimeOffset? lastModified)
    {
        // The same address answers a plain page and Blazor's enhanced-navigation fetch differently (see the output
        // cache policy): a shared or browser cache must keep them apart.
        response.Headers.Vary = HeaderNames.Accept;
        var headers = response.GetTypedHeaders();
        headers.CacheControl = new CacheControlHeaderValue { Public = true, MaxAge = TimeSpan.Zero, SharedMaxAge = SharedMaxAge };
        response.Headers.Remove(HeaderNames.Pragma);
        if (etag is not null)
            headers.ETag = etag;
        headers.LastModified = lastModified;
    }
}

/// <summary>Endpoint metadata: the endpoint sets its own Cache-Control (a file such as the theme stylesheet).</summary>
public sealed class SetsOwnCacheHeaders;
