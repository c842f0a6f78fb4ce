using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using Timeline.Core.Diagnostics;

namespace Timeline.Web.Hosting;

/// <summary>The "Timeline:Metrics" configuration section.</summary>
public sealed class MetricsOptions
{
    public const string Section = "Timeline:Metrics";

    public bool Enabled { get; set; } = true;

    /// <summary>The metrics answer only on connections to this port, which the app listens on only when it is added to
    /// its URLs (--urls "http://127.0.0.1:5180;http://127.0.0.1:9464"): never on the port a proxy passes readers to,
    /// whatever Host header they send.</summary>
    public int Port { get; set; } = 9464;

    public string Path { get; set; } = "/metrics";
}

/// <summary>
/// Metrics with OpenTelemetry (ASP.NET Core's requests, Kestrel, rate limiting; the runtime's GC, threads and memory;
/// the app's own on the meter "Timeline": saves, save and search latency, the search index's lag, output-cache
/// hits, backups, rate-limit refusals), served in Prometheus's text format and, when OTEL_EXPORTER_OTLP_ENDPOINT is
/// set, pushed over OTLP. And the console log as JSON when Timeline:LogFormat is "json".
/// </summary>
public static class TimelineTelemetry
{
    public static WebApplicationBuilder AddTimelineTelemetry(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        if (string.Equals(configuration[$"{TimelineOptions.Section}:{nameof(TimelineOptions.LogFormat)}"], "json", StringComparison.OrdinalIgnoreCase))
        {
            builder.Logging.ClearProviders();
            // Scopes carry ASP.NET Core's RequestId, RequestPath and TraceId and our Client onto every line of a request.
            builder.Logging.AddJsonConsole(options =>
            {
                options.IncludeScopes = true;
                options.UseUtcTimestamp = true;
                options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            });
        }

        var metrics = configuration.GetSection(MetricsOptions.Section).Get<MetricsOptions>() ?? new MetricsOptions();
        builder.Services.AddSingleton(metrics);
        if (!metrics.Enabled)
            return builder;
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("timeline"))
            .WithMetrics(meters =>
            {
                // ASP.NET Core's own meters, named rather than all of AddAspNetCoreInstrumentation: routing's counts every
                // request's match attempts, which the output-cached timeline (0.15 ms a request) paid for measurably.
                meters.AddMeter("Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.RateLimiting", "Microsoft.AspNetCore.Diagnostics")
                    .AddRuntimeInstrumentation().AddMeter(TimelineMetrics.MeterName).AddPrometheusExporter();
                if (!string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
                    meters.AddOtlpExporter();
            });
        return builder;
    }

    public static WebApplication UseTimelineMetrics(this WebApplication app)
    {
        var metrics = app.Services.GetRequiredService<MetricsOptions>();
        if (!metrics.Enabled)
            return app;
        app.UseOpenTelemetryPrometheusScrapingEndpoint(context =>
            context.Connection.LocalPort == metrics.Port && context.Request.Path.Equals(metrics.Path, StringComparison.OrdinalIgnoreCase));
        return app;
    }
}
