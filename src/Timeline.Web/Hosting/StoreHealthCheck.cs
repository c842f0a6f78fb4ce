using Microsoft.Extensions.Diagnostics.HealthChecks;
using Timeline.Core.Search;
using Timeline.Core.Storage;

namespace Timeline.Web.Hosting;

/// <summary>Healthy when the store answers a read; LiteDB closes its engine for good after an I/O error, and then it does not.
/// The read is synchronous: the task IHealthCheck asks for is a completed one.</summary>
public sealed class StoreHealthCheck(TimelineStore store) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return Task.FromResult(store.Version > 0
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("The store has no version."));
        }
        catch (Exception e)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("The store does not answer: restart the app.", e));
        }
    }
}
