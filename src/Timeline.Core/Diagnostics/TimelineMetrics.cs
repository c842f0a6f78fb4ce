using System.Diagnostics.Metrics;

namespace Timeline.Core.Diagnostics;

/// <summary>
/// The app's own metrics, on the meter "Timeline" (exported by the web app with OpenTelemetry, beside ASP.NET Core's
/// and the runtime's). One static meter, as the framework's own libraries keep theirs: the app is one per process.
/// Instruments cost a few nanoseconds when nothing listens.
/// </summary>
public static class TimelineMetrics
{
    public const string MeterName = "Timeline";

    private static readonly Meter Meter = new(MeterName);

    /// <summary>Store writes (a curator's save, an import, an account change…), by outcome: committed, failed, refused.</summary>
    public static readonly Counter<long> Saves = Meter.CreateCounter<long>("timeline.store.saves", "{save}", "Writes to the store, by outcome");

    /// <summary>How long a store write took, waiting for the single writer included.</summary>
    public static readonly Histogram<double> SaveDuration = Meter.CreateHistogram<double>("timeline.store.save.duration", "s", "Time of a store write, the wait for the writer included",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5] });

    /// <summary>How long a reader's full-text search took.</summary>
    public static readonly Histogram<double> SearchDuration = Meter.CreateHistogram<double>("timeline.search.duration", "s", "Time of a full-text search",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1] });

    /// <summary>Reader pages answered, by result: hit (from the output cache) or miss (rendered).</summary>
    public static readonly Counter<long> OutputCacheRequests = Meter.CreateCounter<long>("timeline.output_cache.requests", "{request}", "Reader pages answered from the output cache (hit) or rendered (miss)");

    /// <summary>Backups taken, by outcome: written or failed.</summary>
    public static readonly Counter<long> Backups = Meter.CreateCounter<long>("timeline.backups", "{backup}", "Backups taken, by outcome");

    public static readonly Histogram<double> BackupDuration = Meter.CreateHistogram<double>("timeline.backup.duration", "s", "Time to write a backup");

    /// <summary>The newest backup's size.</summary>
    public static readonly Gauge<long> BackupSize = Meter.CreateGauge<long>("timeline.backup.size", "By", "Size of the newest backup");

    /// <summary>Requests refused by a rate limit, by limit: read, export (the public API, feeds and exports) or sign-in.</summary>
    public static readonly Counter<long> RateLimitRefusals = Meter.CreateCounter<long>("timeline.rate_limit.refusals", "{request}", "Requests refused by a rate limit");

    private static readonly List<Func<(double Seconds, long Waiting)>> SearchIndexLagSources = [];

    /// <summary>How long the oldest change not yet searchable has waited, and how many wait: the search index's lag
    /// behind the store, read from the running app's indexer when the metrics are collected.</summary>
    private static readonly ObservableGauge<double> SearchIndexLag = Meter.CreateObservableGauge("timeline.search_index.lag",
        () => ReadSearchIndexLag().Select(lag => new Measurement<double>(lag.Seconds)), "s", "How long the oldest change not yet searchable has waited");

    private static readonly ObservableGauge<long> SearchIndexWaiting = Meter.CreateObservableGauge("timeline.search_index.waiting",
        () => ReadSearchIndexLag().Select(lag => new Measurement<long>(lag.Waiting)), "{change}", "Store changes not yet in the search index");

    /// <summary>Where the search-index gauges read from (the running app's indexer) until the returned object is disposed.</summary>
    public static IDisposable ObserveSearchIndexLag(Func<(double Seconds, long Waiting)> lag)
    {
        lock (SearchIndexLagSources)
            SearchIndexLagSources.Add(lag);
        return new Unobserve(() =>
        {
            lock (SearchIndexLagSources)
                SearchIndexLagSources.Remove(lag);
        });
    }

    private static List<(double Seconds, long Waiting)> ReadSearchIndexLag()
    {
        var lags = new List<(double Seconds, long Waiting)>();
        lock (SearchIndexLagSources)
        {
            foreach (var source in SearchIndexLagSources)
            {
                try
                {
                    lags.Add(source());
                }
                catch (Exception e) when (e is ObjectDisposedException or LiteDB.LiteException or IOException)
                {
                    // a store closing as the app stops: nothing to report
                }
            }
        }
        return lags;
    }

    private sealed class Unobserve(Action action) : IDisposable
    {
        public void Dispose() => action();
    }
}
