using Microsoft.Extensions.Diagnostics.HealthChecks;
using Timeline.Core.Search;
using Timeline.Core.Storage;

namespace Timeline.Web.Background;

/// <summary>
/// Checkpoints the store every few minutes: LiteDB merges its log into the data file by itself only when no
/// transaction is open (LiteDB's TryCheckpoint; LiteDB issues #2814, #1764), so under steady reading the log would
/// grow without end. Checkpoint() takes the exclusive lock, waiting up to LiteDB's 60 s for open transactions.
/// </summary>
public sealed class StoreCheckpointService(TimelineStore store, ILogger<StoreCheckpointService> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
                store.Checkpoint();
        }
        catch (OperationCanceledException)
        {
            // stopping; disposing the store checkpoints one last time
        }
        catch (Exception e)
        {
            logger.LogError(e, "Checkpointing the store failed.");
        }
    }
}
