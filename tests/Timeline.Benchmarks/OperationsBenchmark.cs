using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Timeline.Core.Backups;
using Timeline.Core.Curation;
using Timeline.Core.Dates;
using Timeline.Core.Storage;

/// <summary>
/// --operations-only: a backup of the running app's store (time, size against the store file, how long saves wait
/// while it runs), its restore, and what metrics cost on the reader path (the timeline's page with the metrics on
/// and off, in alternating runs: the instruments record whether or not anyone scrapes).
/// </summary>
static class OperationsBenchmark
{
    public static async Task<List<(string What, string Figure)>> MeasureAsync(string database,
        Func<string, string[], Task<WebApplication>> startApp,
        Func<HttpClient, Func<int, string>, int, Task<(double P50, double P95, long Bytes)>> timeRequests, bool metricsOnly)
    {
        var rows = new List<(string What, string Figure)>();
        var scratch = Path.Combine(Path.GetTempPath(), $"timeline-bench-backup-{Guid.NewGuid():N}");
        try
        {
            if (!metricsOnly)
                await MeasureBackupsAsync(database, startApp, rows, scratch);
            await MeasureMetricsAsync(database, startApp, timeRequests, rows);
        }
        finally
        {
            if (Directory.Exists(scratch))
                Directory.Delete(scratch, recursive: true);
        }
        return rows;
    }

    private static async Task MeasureBackupsAsync(string database, Func<string, string[], Task<WebApplication>> startApp, List<(string What, string Figure)> rows, string scratch)
    {
        {
            var app = await startApp(database, ["--Timeline:Backups:Interval=00:00:00"]);
            var store = app.Services.GetRequiredService<TimelineStore>();
            var editor = app.Services.GetRequiredService<EventEditor>();
            var storeBytes = new FileInfo(database).Length;
            var saves = await SaveLatenciesAsync(editor, TimeSpan.FromSeconds(3), () => false);
            rows.Add(("a save (new draft event), p50 / max over 3 s, no backup running", $"{saves.P50:N1} ms / {saves.Max:N0} ms"));

            var backups = new List<double>();
            BackupFile? backup = null;
            (double P50, double Max, int Count) duringBackup = default;
            for (var i = 0; i < 3; i++)
            {
                var clock = Stopwatch.StartNew();
                var running = Task.Run(() => StoreBackup.Write(store, null, Path.Combine(scratch, $"run{i}"), DateTimeOffset.UtcNow));
                var during = await SaveLatenciesAsync(editor, TimeSpan.FromHours(1), () => running.IsCompleted);
                backup = await running;
                backups.Add(clock.Elapsed.TotalMilliseconds);
                if (i == 0)
                    duringBackup = during;
            }
            backups.Sort();
            rows.Add(("backup while the app runs (store copy, zip, flush, rename), median of 3", $"{backups[1] / 1000:N1} s"));
            rows.Add(("backup size against the store file", $"{backup!.Bytes / 1e6:N0} MB for {storeBytes / 1e6:N0} MB ({100.0 * backup.Bytes / storeBytes:N0} %)"));
            rows.Add(("saves during a backup: count, p50 / max", $"{duringBackup.Count}, {duringBackup.P50:N1} ms / {duringBackup.Max:N0} ms"));
            await app.StopAsync();
            await app.DisposeAsync();

            var restoreClock = Stopwatch.StartNew();
            var report = StoreRestore.Restore(backup.FullPath, Path.Combine(scratch, "restored", "timeline.db"), Path.Combine(scratch, "restored", "keys"), DateTimeOffset.UtcNow);
            rows.Add(("restore (check the zip and checksum, extract, open and count)", $"{restoreClock.Elapsed.TotalSeconds:N1} s, {report.Events:N0} events"));
        }
    }

    /// <summary>Metrics on and off in alternating runs (which goes first alternates too), p50 of the timeline's page,
    /// cached and afresh; the median of the runs' p50s.</summary>
    private static async Task MeasureMetricsAsync(string database, Func<string, string[], Task<WebApplication>> startApp,
        Func<HttpClient, Func<int, string>, int, Task<(double P50, double P95, long Bytes)>> timeRequests, List<(string What, string Figure)> rows)
    {
        const int Rounds = 8;
        {
            var cached = new Dictionary<bool, List<double>> { [true] = [], [false] = [] };
            var fresh = new Dictionary<bool, List<double>> { [true] = [], [false] = [] };
            for (var round = 0; round < Rounds; round++)
            {
                foreach (var metrics in round % 2 == 0 ? new[] { false, true } : [true, false])
                {
                    var measured = await startApp(database, [$"--Timeline:Metrics:Enabled={metrics}", "--Timeline:Backups:Interval=00:00:00"]);
                    using var http = new HttpClient { BaseAddress = new Uri(measured.Urls.First()) };
                    cached[metrics].Add((await timeRequests(http, _ => "/", 300)).P50);
                    var next = 0;
                    fresh[metrics].Add((await timeRequests(http, _ => $"/?n={round}-{next++}", 300)).P50);
                    await measured.StopAsync();
                    await measured.DisposeAsync();
                }
            }
            static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
            rows.Add(($"`/` output-cached, p50, metrics off / on (median of {Rounds} runs each)",
                $"{Median(cached[false]):N2} ms / {Median(cached[true]):N2} ms ({Median(cached[true]) / Median(cached[false]):N2}×)"));
            rows.Add(($"`/` rendered afresh, p50, metrics off / on (median of {Rounds} runs each)",
                $"{Median(fresh[false]):N2} ms / {Median(fresh[true]):N2} ms ({Median(fresh[true]) / Median(fresh[false]):N2}×)"));
        }
    }

    /// <summary>Saves new draft events one after another until <paramref name="done"/> or <paramref name="limit"/>.</summary>
    private static async Task<(double P50, double Max, int Count)> SaveLatenciesAsync(EventEditor editor, TimeSpan limit, Func<bool> done)
    {
        var timings = new List<double>();
        var until = Stopwatch.StartNew();
        while (!done() && until.Elapsed < limit && (limit < TimeSpan.FromHours(1) || timings.Count < 100_000))
        {
            var clock = Stopwatch.StartNew();
            await editor.SaveAsync(new EventForm
            {
                Title = $"Benchmark save {Guid.NewGuid():N}", Start = new PartialDateInput { Precision = DatePrecision.Year, Year = 2024 },
            }, "benchmark");
            timings.Add(clock.Elapsed.TotalMilliseconds);
            if (limit < TimeSpan.FromHours(1) && until.Elapsed >= limit)
                break;
        }
        if (timings.Count == 0)
            return (0, 0, 0);
        timings.Sort();
        return (timings[timings.Count / 2], timings[^1], timings.Count);
    }
}
