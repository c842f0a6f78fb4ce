using System.Globalization;
using Timeline.Core.Dates;
using Timeline.Core.Search;
using Timeline.Core.Storage;

namespace Timeline.Core.Reading;

/// <summary>
/// The density strip above the timeline: how many events of the view fall in each year, month or day. It reads the
/// kept month counts (a few hundred documents) for all events or one storyline, and otherwise counts the search
/// index's matches per day.
/// </summary>
internal sealed class DensityStrip(TimelineStore store, SearchIndex index, ViewPages pages)
{
    /// <summary>Bars at most: a window wider than this many periods stops there.</summary>
    private const int MaxBars = 400;

    /// <summary>The zoom asked for, or a coarser one when the window is too wide for it (see <see cref="ZoomFor"/>).</summary>
    public static TimelineZoom EffectiveZoom(TimelineViewState state)
    {
        var (start, end) = state.Window;
        var span = start is { } s && end is { } e ? e - s : TimeSpan.MaxValue;
        return (TimelineZoom)Math.Min((int)state.Zoom, (int)ZoomFor(span));
    }

    /// <summary>The finest zoom a stretch of time fits: days for a quarter or less, months for ten years or less.</summary>
    public static TimelineZoom ZoomFor(TimeSpan span) =>
        span <= TimeSpan.FromDays(92) ? TimelineZoom.Days : span <= TimeSpan.FromDays(3660) ? TimelineZoom.Months : TimelineZoom.Years;

    /// <summary>What one period of a zoom is: a year, a month or a day.</summary>
    public static DatePrecision PeriodOf(TimelineZoom zoom) => zoom switch
    {
        TimelineZoom.Years => DatePrecision.Year,
        TimelineZoom.Months => DatePrecision.Month,
        _ => DatePrecision.Day,
    };

    /// <summary>Every period from the first to the last, empty ones too, so the strip's bars keep their place in time.</summary>
    public IReadOnlyList<DensityBucket> Count(TimelineViewState state, ResolvedView view, TimelineZoom zoom)
    {
        var (start, end) = state.Window;
        var precision = PeriodOf(zoom);
        var buckets = Counts(state, view, zoom).GroupBy(c => new PartialDate(c.Period, precision)).ToDictionary(g => g.Key, g => g.Sum(c => c.Count));
        if (buckets.Count == 0 && (start is null || end is null))
            return [];
        var first = start is { } s ? new PartialDate(s, precision) : buckets.Keys.Min();
        var lastInstant = end is { } e ? e.AddTicks(-1) : buckets.Keys.Max().Value;
        return Periods(first, lastInstant, buckets);
    }

    /// <summary>The periods from <paramref name="first"/> to the one holding <paramref name="lastInstant"/> (at most
    /// <see cref="MaxBars"/>), each with its count, empty ones too.</summary>
    public static List<DensityBucket> Periods(PartialDate first, DateTime lastInstant, IReadOnlyDictionary<PartialDate, int> counts)
    {
        var strip = new List<DensityBucket>();
        for (var period = first; period.Value <= lastInstant && strip.Count < MaxBars; period = new PartialDate(period.End, first.Precision))
        {
            strip.Add(new DensityBucket(period, counts.GetValueOrDefault(period)));
            if (period.IsLast)
                break; // the calendar ends here
        }
        return strip;
    }

    private List<(DateTime Period, int Count)> Counts(TimelineViewState state, ResolvedView view, TimelineZoom zoom)
    {
        var counts = new List<(DateTime Period, int Count)>();
        if (view.Nothing)
            return counts;
        var (start, end) = state.Window;
        var monthAligned = state.FromDate?.Precision is null or DatePrecision.Year or DatePrecision.Month
                           && state.ToDate?.Precision is null or DatePrecision.Year or DatePrecision.Month;
        if (zoom != TimelineZoom.Days && monthAligned && view.Words is null && view.Facets.All(f => f.StartsWith('e')))
        {
            // The fast path: the kept month counts, for all events or one storyline.
            var prefix = TimelineKeys.MonthCountPrefix(view.StorylineId);
            foreach (var count in store.CountsStartingWith(prefix).ToEnumerable())
            {
                var month = DateTime.ParseExact(count.Id[prefix.Length..], "yyyy-MM", CultureInfo.InvariantCulture);
                if ((start is null || month >= start) && (end is null || month < end) && count.N > 0)
                    counts.Add((month, count.N));
            }
            return counts;
        }
        // Other filters: the search index counts what they leave, per day.
        foreach (var (day, count) in index.CountByDay(pages.IndexQuery(view)))
            counts.Add((DateTime.ParseExact(day.ToString("D8", CultureInfo.InvariantCulture), "yyyyMMdd", CultureInfo.InvariantCulture), count));
        return counts;
    }
}
