using System.Globalization;
using Timeline.Core.Dates;

namespace Timeline.Core.Reading;

/// <summary>
/// Lays out the time axis of a view from what the page already has: the density counts per period (derived, no scan),
/// the page's events and the storylines. Written here rather than taken from a library: the feed has no timeline
/// layout for .NET, and the client-side ones (TimelineJS, vis-timeline) are what this replaces.
/// </summary>
public static class TimeAxisLayout
{
    /// <summary>How far apart (in % of the axis) marks of one row stay: 24 px, the smallest target WCAG 2.2 allows
    /// (2.5.8), on the 343 px a 375 px phone leaves the axis. Closer marks go to the next row.</summary>
    public const double Spacing = 7;

    /// <summary>Rows of marks at most; the events that find no room are counted instead.</summary>
    public const int MaxRows = 3;

    /// <summary>A run of empty periods is folded when at least this long...</summary>
    public const int MinFold = 3;

    /// <summary>...and at least this many times the median gap between the periods that have events.</summary>
    private const int FoldFactor = 3;

    /// <summary>Tick labels stay at least this far apart (in %): a "Sep 2014" at 375 px.</summary>
    private const double LabelSpacing = 12;

    /// <param name="current">An event drawn before the others, so that it always finds room (the event page's own).</param>
    public static TimeAxis Build(IReadOnlyList<DensityBucket> buckets, IReadOnlyList<TimelineItem> items,
        IReadOnlyList<StorylineSummary> storylines, TimelineZoom zoom, int? current = null)
    {
        if (buckets.Count == 0)
            return TimeAxis.Empty;
        var folds = FoldedRuns(buckets);
        // Each period weighs 1; a fold, whatever its length, about a tenth of the axis (enough for its words).
        var foldWeight = Math.Min(MinFold, Math.Max(1.5, buckets.Count / 10.0));
        var total = buckets.Count - folds.Sum(f => f.Length) + folds.Count * foldWeight;
        var segments = new List<Segment>();
        var position = 0.0;
        for (var i = 0; i < buckets.Count;)
        {
            var fold = folds.FirstOrDefault(f => f.Start == i);
            var length = fold.Length > 0 ? fold.Length : 1;
            var width = (fold.Length > 0 ? foldWeight : 1) * 100 / total;
            segments.Add(new Segment(i, length, buckets[i].Period.Value, buckets[i + length - 1].Period.End, position, width, fold.Length > 0));
            position += width;
            i += length;
        }
        var axis = new Scale(segments);

        var labelEvery = LabelStep(zoom, 100 / total);
        var periods = new List<AxisPeriod>();
        var labelledAt = double.NegativeInfinity;
        foreach (var bucket in segments.Where(s => !s.Folded).Select(s => buckets[s.Index]))
        {
            var (period, left) = (bucket.Period, axis.At(bucket.Period.Value));
            // A round tick, or the first after the axis' start or a fold; never closer than LabelSpacing to the last.
            var label = left - labelledAt >= LabelSpacing ? Label(period, labelEvery, periods.Count == 0 || periods[^1].Period.End != period.Value) : null;
            if (label is not null)
                labelledAt = left;
            periods.Add(new AxisPeriod(period, bucket.Count, storylines.Count(e => e.Start.Value < period.End && e.End.End > period.Value),
                left, axis.At(period.End) - left, label));
        }
        var foldViews = segments.Where(s => s.Folded).Select(s => new AxisFold(buckets[s.Index].Period, buckets[s.Index + s.Length - 1].Period,
            s.Length, s.Left, s.Width)).ToList();
        var bands = storylines.Where(e => e.Start.Value < segments[^1].End && e.End.End > segments[0].Start)
            .Select(e => new AxisBand(e, axis.At(e.Start.Value), axis.At(e.End.End) - axis.At(e.Start.Value))).ToList();
        var marks = Marks(items, axis, current);
        return new TimeAxis(zoom, periods, foldViews, bands, marks, Crowds(periods, marks));
    }

    /// <summary>
    /// The axis of a few consecutive events (an event among its neighbours): its periods counted from the events
    /// themselves, by day for a quarter or less, by month for ten years or less, else by year.
    /// </summary>
    public static TimeAxis Around(IReadOnlyList<TimelineItem> items, IReadOnlyList<StorylineSummary> storylines, int? current = null)
    {
        if (items.Count == 0)
            return TimeAxis.Empty;
        var start = items.Min(i => i.Start.Value);
        var end = items.Max(i => (i.End ?? i.Start).End);
        var zoom = DensityStrip.ZoomFor(end - start);
        var precision = DensityStrip.PeriodOf(zoom);
        var counts = items.GroupBy(i => new PartialDate(i.Start.Value, precision)).ToDictionary(g => g.Key, g => g.Count());
        return Build(DensityStrip.Periods(new PartialDate(start, precision), end.AddTicks(-1), counts), items, storylines, zoom, current);
    }

    /// <summary>The runs of empty periods much longer than the usual gap between periods with events.</summary>
    private static List<(int Start, int Length)> FoldedRuns(IReadOnlyList<DensityBucket> buckets)
    {
        var runs = new List<(int Start, int Length)>();
        for (var i = 0; i < buckets.Count; i++)
        {
            if (buckets[i].Count > 0)
                continue;
            var start = i;
            while (i + 1 < buckets.Count && buckets[i + 1].Count == 0)
                i++;
            runs.Add((start, i - start + 1));
        }
        // The gaps between neighbouring periods with events, 0 where they are adjacent: the usual gap of this view.
        var filled = Enumerable.Range(0, buckets.Count).Where(i => buckets[i].Count > 0).ToList();
        var gaps = filled.Zip(filled.Skip(1), (a, b) => b - a - 1).Order().ToList();
        if (filled.Count == 0)
            return []; // a window without events: its empty periods are the axis
        var median = gaps.Count == 0 ? 0 : gaps[gaps.Count / 2];
        return [.. runs.Where(r => r.Length >= MinFold && r.Length >= FoldFactor * median)];
    }

    private static List<AxisMark> Marks(IReadOnlyList<TimelineItem> items, Scale axis, int? current)
    {
        var marks = new List<AxisMark>();
        var rows = Enumerable.Range(0, MaxRows).Select(_ => new List<(double Left, double Right, bool Point)>()).ToArray();
        // In time order, the current event first: each takes the first row where it keeps its distance from the others.
        foreach (var item in items.OrderBy(i => i.Id != current).ThenBy(i => i.SortKey, StringComparer.Ordinal))
        {
            var last = item.End ?? item.Start;
            if (last.End <= axis.Start || item.Start.Value >= axis.End)
                continue; // outside the axis (a page may reach beyond a window)
            var shape = item.End is not null && item.End != item.Start ? MarkShape.Bar
                : item.Start.Precision >= DatePrecision.Day ? MarkShape.Point : MarkShape.Span;
            var point = shape == MarkShape.Point;
            var left = point ? axis.At(Middle(item.Start)) : axis.At(item.Start.Value);
            var right = point ? left : axis.At(last.End);
            // Two points' 24 px targets are centred on them; a span's target is its own width.
            var row = Array.FindIndex(rows, row => row.All(m =>
                left >= m.Right + (point && m.Point ? Spacing : Spacing / 2) || right + (point && m.Point ? Spacing : Spacing / 2) <= m.Left));
            if (row < 0)
                continue; // counted in its stretch's crowd
            rows[row].Add((left, right, point));
            marks.Add(new AxisMark(item, shape, left, right - left, row, item.Start.Approximate, last.Approximate));
        }
        return [.. marks.OrderBy(m => m.Left)];
    }

    /// <summary>Stretches at least <see cref="LabelSpacing"/> wide (a count such as "+7.5k" at 375 px), each with the
    /// events its periods count that no mark shows.</summary>
    private static List<AxisCrowd> Crowds(List<AxisPeriod> periods, List<AxisMark> marks)
    {
        var crowds = new List<AxisCrowd>();
        for (var i = 0; i < periods.Count;)
        {
            var first = i;
            var width = 0.0;
            do
                width += periods[i++].Width;
            while (i < periods.Count && periods[i].Period.Value == periods[i - 1].Period.End
                   && (width < LabelSpacing || Rest(periods, i) < LabelSpacing)); // a narrow tail joins the stretch before it
            var (start, end) = (periods[first].Period.Value, periods[i - 1].Period.End);
            var shown = marks.Count(m => m.Item.Start.Value >= start && m.Item.Start.Value < end);
            var hidden = periods.Skip(first).Take(i - first).Sum(p => p.Count) - shown;
            if (hidden > 0)
                crowds.Add(new AxisCrowd(periods[first].Period, periods[i - 1].Period, hidden, periods[first].Left, periods[i - 1].Left + periods[i - 1].Width - periods[first].Left));
        }
        return crowds;
    }

    /// <summary>The width of the periods from <paramref name="from"/> up to the next fold or the axis' end.</summary>
    private static double Rest(List<AxisPeriod> periods, int from)
    {
        var width = periods[from].Width;
        for (var i = from + 1; i < periods.Count && periods[i].Period.Value == periods[i - 1].Period.End; i++)
            width += periods[i].Width;
        return width;
    }

    private static DateTime Middle(PartialDate date) => date.Value + (date.End - date.Value) / 2;

    /// <summary>Every how many years, months or days a tick is labelled: round steps, at least <see cref="LabelSpacing"/> apart.</summary>
    private static int LabelStep(TimelineZoom zoom, double periodWidth)
    {
        int[] steps = zoom switch
        {
            TimelineZoom.Years => [1, 2, 5, 10, 20, 50, 100],
            TimelineZoom.Months => [1, 2, 3, 6, 12],
            _ => [1, 2, 7, 14],
        };
        return steps.FirstOrDefault(s => s * periodWidth >= LabelSpacing, steps[^1]);
    }

    private static string? Label(PartialDate period, int every, bool first)
    {
        var inv = CultureInfo.InvariantCulture;
        var value = period.Value;
        return period.Precision switch
        {
            DatePrecision.Year when value.Year % every == 0 || first => value.ToString("yyyy", inv),
            DatePrecision.Month when (value.Month - 1) % every == 0 || first =>
                value.Month == 1 || first ? value.ToString("MMM yyyy", inv) : value.ToString("MMM", inv),
            DatePrecision.Day when first || (every >= 7 ? value.DayOfWeek == DayOfWeek.Monday : (value.Day - 1) % every == 0) =>
                value.Day == 1 || first ? value.ToString("d MMM", inv) : value.ToString("%d", inv),
            _ => null,
        };
    }

    /// <summary>A stretch of the axis: one period, or a folded run of them.</summary>
    private sealed record Segment(int Index, int Length, DateTime Start, DateTime End, double Left, double Width, bool Folded);

    /// <summary>Where an instant falls on the axis: linear within each segment, so a fold squeezes its years.</summary>
    private sealed class Scale(List<Segment> segments)
    {
        public DateTime Start => segments[0].Start;
        public DateTime End => segments[^1].End;

        public double At(DateTime instant)
        {
            if (instant <= Start)
                return 0;
            if (instant >= End)
                return 100;
            var segment = segments.First(s => instant < s.End);
            return segment.Left + segment.Width * ((instant - segment.Start) / (segment.End - segment.Start));
        }
    }
}
