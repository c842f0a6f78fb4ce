using System.Globalization;
using System.Text;
using Timeline.Core.Dates;

namespace Timeline.Core.Reading;

/// <summary>How finely the density strip and the list headings divide time.</summary>
public enum TimelineZoom
{
    Years,
    Months,
    Days,
}

/// <summary>
/// Everything that defines a view of the timeline: filters, date window, zoom and focused event. It is
/// the query string (<see cref="Parse"/> / <see cref="ToQueryString"/>), so any view can be shared,
/// reloaded and reached with back and forward. Strings only, so it also serialises as a component parameter.
/// </summary>
public sealed record TimelineViewState
{
    public string? Storyline { get; init; }
    public string? Tag { get; init; }
    public string? Actor { get; init; }
    public string? Place { get; init; }
    public string? Outlet { get; init; }

    /// <summary>"1": only events whose sources differ (they hold differences).</summary>
    public string? Differ { get; init; }

    /// <summary>"1": only events that rest on a single outlet.</summary>
    public string? Single { get; init; }

    /// <summary>Start of the date window, "2014" or "2014-04" or "2014-04-09" (inclusive).</summary>
    public string? From { get; init; }

    /// <summary>End of the date window (inclusive of the whole period it names: to=2014 runs to the end of 2014).</summary>
    public string? To { get; init; }

    public string? Q { get; init; }
    public TimelineZoom Zoom { get; init; }
    public string? Focus { get; init; }

    /// <summary>"latest": the view opens at its latest events rather than its first (a storyline may make it its default).</summary>
    public string? Open { get; init; }

    /// <summary>Shows the page of events after this position ("Show later events"): an event's sort key.</summary>
    public string? After { get; init; }

    /// <summary>Shows the page of events before this position ("Show earlier events").</summary>
    public string? Before { get; init; }

    // The order of keys in URLs: stable, so the same view always has the same address (and one cache entry).
    private static readonly string[] Keys = ["era", "tag", "actor", "place", "outlet", "differ", "single", "from", "to", "q", "zoom", "focus", "open", "after", "before"];

    public static TimelineViewState Parse(string? queryString)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in (queryString ?? "").TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            var key = Uri.UnescapeDataString(parts[0].Replace('+', ' '));
            var value = parts.Length > 1 ? Uri.UnescapeDataString(parts[1].Replace('+', ' ')).Trim() : "";
            if (value.Length > 0)
                values.TryAdd(key, value);
        }
        string? Get(string key) => values.TryGetValue(key, out var value) ? value : null;
        return new TimelineViewState
        {
            Storyline = Get("era"), Tag = Get("tag"), Actor = Get("actor"), Place = Get("place"), Outlet = Get("outlet"),
            Differ = Flag(Get("differ")), Single = Flag(Get("single")),
            From = Get("from"), To = Get("to"), Q = Get("q"), Focus = Get("focus"), Open = Get("open")?.ToLowerInvariant(), After = Get("after"), Before = Get("before"),
            Zoom = Enum.TryParse<TimelineZoom>(Get("zoom"), ignoreCase: true, out var zoom) && Enum.IsDefined(zoom) ? zoom : TimelineZoom.Years,
        };
    }

    /// <summary>A yes/no filter is on as "1" (a checkbox's "true" and "on" too), off otherwise.</summary>
    public static string? Flag(string? value) => value?.ToLowerInvariant() is "1" or "true" or "on" ? "1" : null;

    public string ToQueryString()
    {
        var query = new StringBuilder();
        foreach (var key in Keys)
        {
            var value = key switch
            {
                "era" => Storyline, "tag" => Tag, "actor" => Actor, "place" => Place, "outlet" => Outlet, "differ" => Differ, "single" => Single,
                "from" => From, "to" => To, "q" => Q, "focus" => Focus, "open" => Open, "after" => After, "before" => Before,
                _ => Zoom == TimelineZoom.Years ? null : Zoom.ToString().ToLowerInvariant(),
            };
            if (string.IsNullOrWhiteSpace(value))
                continue;
            query.Append(query.Length == 0 ? '?' : '&').Append(key).Append('=').Append(Uri.EscapeDataString(value.Trim()));
        }
        return query.ToString();
    }

    /// <summary>The view's filters and date window alone, without its position, focus or zoom: what a feed or an
    /// export of the view follows.</summary>
    public TimelineViewState FiltersOnly() => this with { After = null, Before = null, Focus = null, Open = null, Zoom = TimelineZoom.Years };

    /// <summary>The timeline's URL for this view.</summary>
    public string ToUrl() => "/" + ToQueryString();

    public bool HasFilters => Storyline is not null || Tag is not null || Actor is not null || Place is not null || Outlet is not null
                              || Differ is not null || Single is not null
                              || From is not null || To is not null || Q is not null;

    /// <summary>The page's position, when it is one the timeline could have written: a sort key of digits.</summary>
    public (string? After, string? Before) Cursor => (IsSortKey(After) ? After : null, IsSortKey(Before) ? Before : null);

    private static bool IsSortKey(string? value) => value is { Length: Storage.TimelineKeys.SortKeyLength } && value.All(char.IsAsciiDigit);

    public PartialDate? FromDate => PartialDate.TryParse(From, false, out var date, out _) ? date : null;
    public PartialDate? ToDate => PartialDate.TryParse(To, false, out var date, out _) ? date : null;

    /// <summary>What in the URL was not understood (and is ignored), in words for the reader.</summary>
    public IReadOnlyList<string> Problems
    {
        get
        {
            var problems = new List<string>();
            if (From is not null && FromDate is null)
                problems.Add($"The start date “{From}” was not understood, so it is ignored. Write a year such as 2014, or 2014-04.");
            if (To is not null && ToDate is null)
                problems.Add($"The end date “{To}” was not understood, so it is ignored. Write a year such as 2023, or 2023-02.");
            if ((After is not null && Cursor.After is null) || (Before is not null && Cursor.Before is null))
                problems.Add("The position in the timeline was not understood, so the timeline starts from its first event.");
            if (Open is not null && Open is not ("latest" or "first"))
                problems.Add($"“open={Open}” was not understood, so the timeline opens at its first events. Write open=latest for its latest.");
            if (FromDate is { } from && ToDate is { } to && to.End <= from.Value)
                problems.Add($"The end date {to.Format()} is before the start date {from.Format()}, so nothing can match.");
            return problems;
        }
    }

    /// <summary>The date window as [Start, End) instants; null ends are open.</summary>
    public (DateTime? Start, DateTime? End) Window => (FromDate?.Value, ToDate?.End);

    /// <summary>A storyline's view over all its time (a band of the axis), keeping the other filters.</summary>
    public TimelineViewState OfStoryline(string slug) => this with
    {
        Storyline = slug, From = null, To = null, Focus = null, Open = null, After = null, Before = null, Zoom = TimelineZoom.Years,
    };

    /// <summary>The view of one period of the axis: the period as the window, one zoom level finer, no focus.</summary>
    public TimelineViewState ZoomInto(PartialDate period) => ZoomInto(period, period);

    /// <summary>The view of a stretch of periods, from the first to the last, one zoom level finer.</summary>
    public TimelineViewState ZoomInto(PartialDate first, PartialDate last) => this with
    {
        From = first.ToIsoString(), To = last.ToIsoString(), Focus = null, After = null, Before = null, Open = null,
        Zoom = first.Precision == DatePrecision.Year ? TimelineZoom.Months : TimelineZoom.Days,
    };

    /// <summary>The window of the same length just before (<paramref name="direction"/> -1) or after (+1) this one,
    /// counted in the start's unit (years, months or days); none when the view has no window.</summary>
    public TimelineViewState? Pan(int direction)
    {
        if (FromDate is not { } from || ToDate is not { } to || to.End <= from.Value || to.IsLast)
            return null;
        var unit = from.Precision > DatePrecision.Day ? DatePrecision.Day : from.Precision;
        var length = unit switch
        {
            DatePrecision.Year => to.End.Year - from.Value.Year,
            DatePrecision.Month => (to.End.Year - from.Value.Year) * 12 + to.End.Month - from.Value.Month,
            _ => (int)(to.End - from.Value).TotalDays,
        };
        DateTime Shift(DateTime value) => unit switch
        {
            DatePrecision.Year => value.AddYears(direction * length),
            DatePrecision.Month => value.AddMonths(direction * length),
            _ => value.AddDays(direction * length),
        };
        try
        {
            var (start, end) = (Shift(from.Value), Shift(to.Value));
            if (end.Year > 9998)
                return null; // the window's end would run past the calendar
            return this with
            {
                From = new PartialDate(start, from.Precision).ToIsoString(), To = new PartialDate(end, to.Precision).ToIsoString(),
                Focus = null, After = null, Before = null, Open = null,
            };
        }
        catch (ArgumentOutOfRangeException)
        {
            return null; // before year 1 or after 9999
        }
    }

    /// <summary>One zoom level coarser; the window widens to the year (from days) or opens fully (from months).</summary>
    public TimelineViewState ZoomOut()
    {
        if (Zoom == TimelineZoom.Days && FromDate is { } from)
        {
            var year = from.Value.Year.ToString("D4", CultureInfo.InvariantCulture);
            return this with { Zoom = TimelineZoom.Months, From = year, To = year, Focus = null, After = null, Before = null };
        }
        return this with { Zoom = TimelineZoom.Years, From = null, To = null, Focus = null, After = null, Before = null };
    }
}
