using Microsoft.Extensions.Diagnostics.HealthChecks;
using Timeline.Core.Search;
using Timeline.Core.Storage;

namespace Timeline.Web.Hosting;

/// <summary>Healthy when the store answers a read; LiteDB closes its engine after an I/O error, and the store then reopens it (<see cref="TimelineStore.Recover"/>).
/// The read is synchronous: the task IHealthCheck asks for is a completed one.</summary>
public sealed class StoreHealthCheck(TimelineStore store) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            // After an I/O error (a full disk) LiteDB closes itself; the store reopens it once it can.
            if (!store.Recover())
                return Task.FromResult(HealthCheckResult.Unhealthy("The store could not be reopened after an I/O error: see the log; restart the app if it stays so."));
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
