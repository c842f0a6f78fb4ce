using Microsoft.Extensions.Diagnostics.HealthChecks;
using Timeline.Core.Search;
using Timeline.Core.Storage;

namespace Timeline.Web.Background;

/// <summary>Makes each write searchable as it commits, and every second commits the search index and clears the
/// outbox rows it holds for good; one last time when the app stops.</summary>
public sealed class SearchIndexerService(TimelineStore store, SearchIndexer indexer, ILogger<SearchIndexerService> logger) : BackgroundService
{
    public static readonly TimeSpan FlushInterval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var committed = new CommitSignal(store);
        // The index's lag, for the metrics, while this runs (the store it reads is open until the app has stopped).
        using var observed = Core.Diagnostics.TimelineMetrics.ObserveSearchIndexLag(() =>
        {
            var (lag, waiting) = indexer.Lag();
            return (lag.TotalSeconds, waiting);
        });
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
            // The rows stay in the outbox and are indexed again; the app keeps serving meanwhile. If LiteDB closed
            // itself on an I/O error (a full disk), the store is reopened now, within a second, for the readers.
            logger.LogError(e, "Indexing the search outbox failed; it will be tried again.");
            store.Recover();
        }
    }
}
