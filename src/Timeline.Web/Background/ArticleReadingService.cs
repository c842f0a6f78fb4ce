using Timeline.Core.ArticleReading;
using Timeline.Core.Storage;
using Timeline.Web.Hosting;

namespace Timeline.Web.Background;

/// <summary>
/// Builds the date recognizer at start-up, off the request path, then reads the dates of every article that waits
/// for it (all of them after the upgrade to store version 6; then each new article or changed publication date),
/// a few at a time after each commit, with its progress in the log.
/// It takes at most half of one core: after each batch it rests as long as the batch took, so a backlog of 100,000
/// articles after an upgrade never starves the pages. An article a curator opens is read at once, apart from this
/// queue (<see cref="ArticleInsights.ReadSoon"/>).
/// </summary>
public sealed class ArticleReadingService(TimelineStore store, ArticleReader reader, PendingArticleDates pending,
    Microsoft.Extensions.Options.IOptions<TimelineOptions> options, ILogger<ArticleReadingService> logger) : BackgroundService
{
    private const int Batch = 20;

    /// <summary>A pass over more articles than this says so in the log (an upgrade, a generated store); a few imports do not.</summary>
    private const int ReportAbove = 5;
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.ReadArticleDatesInBackground)
            return;
        await Task.Yield(); // let the host finish starting: the recognizer takes about half a second to build
        using var committed = new CommitSignal(store);
        try
        {
            reader.WarmUp();
            while (!stoppingToken.IsCancellationRequested)
            {
                await ReadAllWaitingAsync(stoppingToken);
                await committed.WaitAsync(TimeSpan.FromSeconds(30), stoppingToken);
            }
        }
        catch (OperationCanceledException)
        {
            // stopping: what was not read is still marked as waiting, and is read at the next start
        }
    }

    private async Task ReadAllWaitingAsync(CancellationToken stoppingToken)
    {
        var waiting = pending.Count();
        if (waiting == 0)
            return;
        if (waiting > ReportAbove)
            logger.LogInformation("Reading the dates in {Count} articles.", waiting);
        var (read, lastReport) = (0, DateTime.UtcNow);
        while (!stoppingToken.IsCancellationRequested)
        {
            int done;
            var batch = System.Diagnostics.Stopwatch.StartNew();
            try
            {
                done = pending.ReadNext(Batch, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Reading the dates of articles failed; it is tried again after the next change.");
                return;
            }
            read += done;
            if (done == 0)
                break;
            await Task.Delay(batch.Elapsed, stoppingToken); // half of one core at most
            if (DateTime.UtcNow - lastReport > ProgressInterval)
            {
                logger.LogInformation("Read the dates in {Read} of {Count} articles.", read, waiting);
                lastReport = DateTime.UtcNow;
            }
        }
        if (waiting > ReportAbove)
            logger.LogInformation("Read the dates in {Read} articles.", read);
    }
}
