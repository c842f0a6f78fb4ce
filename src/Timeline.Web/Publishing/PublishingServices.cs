using System.Globalization;
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
            options.AddPolicy(PublicApi.RateLimitPolicy, context =>
            {
                var perMinute = context.RequestServices.GetRequiredService<IOptions<TimelineOptions>>().Value.PublicRequestsPerMinute;
                return RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "local",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
            });
            options.OnRejected = async (rejected, cancellationToken) =>
            {
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
            .DisableDefaultFonts()
            .DisableTelemetry()
            .DisableAgent()
            .DisableMcp()
            .HideDeveloperTools())
            .WithMetadata(new SetsOwnCacheHeaders()); // its script is 5 MB: Scalar's own ETag lets a browser keep it
        return app;
    }
}
