using Microsoft.Extensions.Diagnostics.HealthChecks;
using Timeline.Core.Search;
using Timeline.Core.Storage;

namespace Timeline.Web.Hosting;

/// <summary>Makes each write searchable as it commits, and every second commits the search index and clears the
/// outbox rows it holds for good; one last time when the app stops.</summary>
public sealed class SearchIndexerService(TimelineStore store, SearchIndexer indexer, ILogger<SearchIndexerService> logger) : BackgroundService
{
    public static readonly TimeSpan FlushInterval = TimeSpan.FromSeconds(1);

    private readonly SemaphoreSlim committed = new(0);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        void OnCommitted()
        {
            if (committed.CurrentCount == 0)
                committed.Release();
        }
        store.Committed += OnCommitted;
        var lastFlush = DateTime.UtcNow;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await committed.WaitAsync(FlushInterval, stoppingToken);
                await RunAsync(async () =>
                {
                    if (DateTime.UtcNow - lastFlush < FlushInterval)
                    {
                        await indexer.CatchUpAsync(stoppingToken);
                        return;
                    }
                    await indexer.FlushAsync(stoppingToken);
                    lastFlush = DateTime.UtcNow;
                });
            }
        }
        catch (OperationCanceledException)
        {
            // stopping
        }
        finally
        {
            store.Committed -= OnCommitted;
            await RunAsync(() => indexer.FlushAsync(CancellationToken.None));
        }
    }

    private async Task RunAsync(Func<Task> step)
    {
        try
        {
            await step();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The rows stay in the outbox and are indexed again; the app keeps serving meanwhile.
            logger.LogError(e, "Indexing the search outbox failed; it will be tried again.");
        }
    }
}

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

/// <summary>Healthy when the store answers a read; LiteDB closes its engine for good after an I/O error, and then it does not.</summary>
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
