using Timeline.Web.Caching;
using Timeline.Web.Security;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Scalar.AspNetCore;
using Timeline.Web.Hosting;

namespace Timeline.Web.Publishing;

/// <summary>What the timeline gives out: the public API and its OpenAPI document, feeds, exports, embeds, sitemap.</summary>
public static class PublishingServices
{
    public static IServiceCollection AddTimelinePublishing(this IServiceCollection services)
    {
        services.AddOpenApi(options =>
        {
            // Only the public API belongs in its document: not the pages, the feeds or the curator's endpoints.
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/v1/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "Timeline public API";
                document.Info.Version = "v1";
                document.Info.Description =
                    "Read the published timeline: events with their dates (ISO text with only the parts their precision knows, " +
                    "the precision, and an approximate flag), storylines, sources with the passages that support each event, and search. " +
                    "Answers carry ETag and Cache-Control; CORS is open for GET; each client address may make a limited number of " +
                    "requests a minute (429 with Retry-After beyond it).";
                return Task.CompletedTask;
            });
        });
        services.AddCors(options => options.AddPolicy(PublicApi.CorsPolicy, policy => policy.AllowAnyOrigin().WithMethods("GET", "HEAD")
            .WithExposedHeaders("ETag", "Retry-After")));
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(PublicApi.RateLimitPolicy, context => PerClient(context, "read", options => options.PublicRequestsPerMinute));
            // Calendars and exports each read up to 5,000 events: a stricter limit of their own.
            options.AddPolicy(PublicApi.ExportRateLimitPolicy, context => PerClient(context, "export", options => options.ExportRequestsPerMinute));
            options.OnRejected = async (rejected, cancellationToken) =>
            {
                Core.Diagnostics.TimelineMetrics.RateLimitRefusals.Add(1, new KeyValuePair<string, object?>("limit",
                    rejected.HttpContext.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.RateLimiting.EnableRateLimitingAttribute>()?.PolicyName switch
                    {
                        PublicApi.ExportRateLimitPolicy => "export",
                        _ => "read",
                    }));
                var response = rejected.HttpContext.Response;
                var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
                var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
                response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await Results.Problem($"Too many requests from this address: try again in {seconds} s.", statusCode: StatusCodes.Status429TooManyRequests,
                    title: "Too many requests").ExecuteAsync(rejected.HttpContext);
            };
        });
        return services;
    }

    private static RateLimitPartition<string> PerClient(HttpContext context, string kind, Func<TimelineOptions, int> limit)
    {
        var perMinute = limit(context.RequestServices.GetRequiredService<IOptions<TimelineOptions>>().Value);
        return RateLimitPartition.GetFixedWindowLimiter($"{kind}:{ClientOf(context.Connection.RemoteIpAddress)}",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
    }

    /// <summary>The client a limit counts for: its IPv4 address, or its IPv6 /64 network (one host usually has a whole
    /// /64 and could take a new address per request).</summary>
    public static string ClientOf(IPAddress? address)
    {
        if (address is null)
            return "unknown";
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
            return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    public static WebApplication MapTimelinePublishing(this WebApplication app)
    {
        app.MapPublicApi();
        app.MapFeeds();
        app.MapMedia();
        app.MapOpenApi("/openapi/{documentName}.json").RequireCors(PublicApi.CorsPolicy).CacheOutput(policy => policy.Expire(TimeSpan.FromMinutes(10)));
        // The reference page and its script come from the package's embedded files: no CDN, no web fonts, no
        // telemetry, no AI agent; the policy for this page is SecurityHeaders.ApiReferencePolicy.
        app.MapScalarApiReference("/api", (options, context) => options
            .WithTitle("Timeline public API")
            .AddDocument("v1", routePattern: "/openapi/v1.json")
            .WithNonce((string)context.Items[SecurityHeaders.NonceItem]!)
            // Scalar's page template writes a bare <html>: the page's language is set as it starts (it is a script app).
            .WithCustomCss(ApiReferenceCss)
            .AddHeadContent($"<script nonce=\"{context.Items[SecurityHeaders.NonceItem]}\">document.documentElement.lang = 'en';</script>")
            .DisableDefaultFonts()
            .DisableTelemetry()
            .DisableAgent()
            .DisableMcp()
            .HideDeveloperTools())
            .WithMetadata(new SetsOwnCacheHeaders()); // its script is 5 MB: Scalar's own ETag lets a browser keep it
        return app;
    }

    /// <summary>Scalar's light theme writes its quieter text (placeholders, the client libraries' names) and some code
    /// colours below WCAG's 4.5:1 on its backgrounds (axe-core found them): these shades keep the look and reach it.</summary>
    private const string ApiReferenceCss = """
        .light-mode {
            --scalar-color-2: #555a64;
            --scalar-color-3: #5f6470;
            --scalar-color-blue: #1d5fb8;
            --scalar-color-green: #1b7a36;
            --scalar-color-orange: #9c4a00;
            --scalar-color-red: #b3261e;
            --scalar-color-purple: #7040a8;
            --scalar-color-yellow: #7a5d00;
        }
        """;
}
