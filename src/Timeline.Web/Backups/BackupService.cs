using Microsoft.Extensions.Options;
using Timeline.Core.Backups;
using Timeline.Core.Diagnostics;
using Timeline.Core.Storage;
using Timeline.Web.Accounts;

namespace Timeline.Web.Backups;

/// <summary>
/// Backs the running app up on its schedule (<see cref="BackupOptions"/>) and when an admin asks ("Back up now"),
/// one backup at a time. Stopping the app cancels a backup under way and waits for it, so the store is closed after it.
/// </summary>
public sealed class BackupService(TimelineStore store, IOptions<BackupOptions> options, TimeProvider time, ILogger<BackupService> logger) : BackgroundService
{
    private readonly SemaphoreSlim oneAtATime = new(1, 1);
    private readonly CancellationTokenSource stopping = new();

    public BackupOptions Options => options.Value;

    public string Folder => Options.FolderFor(store.FilePath);

    /// <summary>How far the backup under way has got (0 to 1), or null when none is.</summary>
    public double? Progress { get; private set; }

    /// <summary>Takes a backup now (after the one under way, if any) and deletes the oldest beyond the number to keep;
    /// into <paramref name="folder"/> instead when one is given (the command line's --to), where nothing is deleted.</summary>
    public async Task<BackupFile> BackUpNowAsync(IProgress<double>? progress = null, CancellationToken cancellation = default, string? folder = null)
    {
        var target = folder ?? Folder;
        using var both = CancellationTokenSource.CreateLinkedTokenSource(cancellation, stopping.Token);
        await oneAtATime.WaitAsync(both.Token);
        try
        {
            Progress = 0;
            var reported = new Progress<double>(p =>
            {
                Progress = p;
                progress?.Report(p);
            });
            var started = time.GetTimestamp();
            // On a thread of its own: the copy is synchronous and holds a LiteDB transaction that belongs to its thread.
            var backup = await Task.Factory.StartNew(
                () => StoreBackup.Write(store, CuratorAuthentication.KeysDirectory(store.FilePath).FullName, target, time.GetUtcNow(), reported, both.Token),
                both.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            TimelineMetrics.Backups.Add(1, new KeyValuePair<string, object?>("outcome", "written"));
            TimelineMetrics.BackupDuration.Record(time.GetElapsedTime(started).TotalSeconds);
            TimelineMetrics.BackupSize.Record(backup.Bytes);
            var pruned = folder is null ? BackupFolder.Prune(Folder, Options.Keep) : 0;
            logger.LogInformation("Backed up {Events} events and {Articles} articles to {Path} ({Bytes} bytes) in {Milliseconds} ms; deleted {Pruned} older backups.",
                backup.Manifest?.Events, backup.Manifest?.Articles, backup.FullPath, backup.Bytes, (int)time.GetElapsedTime(started).TotalMilliseconds, pruned);
            return backup;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            TimelineMetrics.Backups.Add(1, new KeyValuePair<string, object?>("outcome", "failed"));
            throw;
        }
        finally
        {
            Progress = null;
            oneAtATime.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (Options.Interval <= TimeSpan.Zero)
            return;
        var startedAt = time.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            var last = BackupFolder.List(Folder).FirstOrDefault()?.TakenAt ?? startedAt;
            var wait = last + Options.Interval - time.GetUtcNow();
            try
            {
                if (wait > TimeSpan.Zero)
                    await Task.Delay(wait, time, stoppingToken);
                await BackUpNowAsync(cancellation: stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "The scheduled backup failed; trying again in {Minutes} minutes.", RetryAfter.TotalMinutes);
                await Task.Delay(RetryAfter, time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private static readonly TimeSpan RetryAfter = TimeSpan.FromMinutes(10);

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await stopping.CancelAsync();
        await base.StopAsync(cancellationToken);
        // Waits for a backup under way ("Back up now" too) to see the cancellation and end its transaction.
        await oneAtATime.WaitAsync(cancellationToken);
        oneAtATime.Release();
    }
}
