using System.Text;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Timeline.Core.Search;
using Timeline.Core.Storage;

namespace Timeline.Web.Hosting;

/// <summary>
/// Health as container orchestrators ask for it: <c>/healthz/live</c> says the process answers (restart it when it
/// does not); <c>/healthz/ready</c> says it should get traffic: the store answers, the search index is caught up
/// within its lag limit, and the store's disk has its reserve of free space. <c>/healthz</c>, as before, runs every
/// check. Each answers its status and, line by line, what is wrong: "the ready check says why".
/// </summary>
public static class HealthEndpoints
{
    private const string Ready = "ready";

    public static IServiceCollection AddTimelineHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<StoreHealthCheck>("store", tags: [Ready])
            .AddCheck<SearchIndexHealthCheck>("search-index", tags: [Ready])
            .AddCheck<FreeDiskHealthCheck>("free-disk", tags: [Ready]);
        return services;
    }

    public static void MapTimelineHealthChecks(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/healthz", new HealthCheckOptions { ResponseWriter = WriteAsync });
        endpoints.MapHealthChecks("/healthz/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync });
        endpoints.MapHealthChecks("/healthz/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(Ready), ResponseWriter = WriteAsync });
    }

    /// <summary>"Healthy", or the status and one line per check that is not healthy, as plain text; never cached.</summary>
    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        var text = new StringBuilder(report.Status.ToString());
        foreach (var (name, entry) in report.Entries.Where(e => e.Value.Status != HealthStatus.Healthy).OrderBy(e => e.Key, StringComparer.Ordinal))
            text.Append('\n').Append(name).Append(": ").Append(entry.Description ?? entry.Exception?.Message ?? entry.Status.ToString());
        context.Response.ContentType = "text/plain; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        return context.Response.WriteAsync(text.ToString());
    }
}

/// <summary>Unhealthy when changes have waited longer than Timeline:SearchIndexLagLimit to become searchable.</summary>
public sealed class SearchIndexHealthCheck(SearchIndexer indexer, IOptions<TimelineOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var (lag, waiting) = indexer.Lag();
        var limit = options.Value.SearchIndexLagLimit;
        return Task.FromResult(lag <= limit
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"{waiting} changes have waited {lag.TotalSeconds:0} s to become searchable (limit {limit.TotalSeconds:0} s)."));
    }
}

/// <summary>Unhealthy while the store's disk has less free space than Timeline:MinimumFreeDiskMegabytes: saves are refused then.</summary>
public sealed class FreeDiskHealthCheck(TimelineStore store) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!store.BelowFloor(out var free))
            return Task.FromResult(HealthCheckResult.Healthy());
        return Task.FromResult(HealthCheckResult.Unhealthy(
            $"The store's disk has {free / 1048576.0:0.#} MB free, below the {store.FreeSpaceFloor / 1048576.0:0.#} MB floor: saves are refused until space is freed."));
    }
}
