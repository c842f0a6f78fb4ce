using Timeline.Core.Addresses;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Timeline.Core.Dates;
using Timeline.Core.Reading;
using Timeline.Core.Text;

namespace Timeline.Core.Publishing;

/// <summary>
/// The view as an iCalendar file (RFC 5545), written by Ical.Net. A day-precise event is an all-day date; a timed one
/// has its time (floating: the sources give local times without a zone); a month- or year-precise one is an all-day
/// span over its whole month or year whose title says the date is known only that far.
/// </summary>
public static class CalendarFeed
{
    public const string ContentType = "text/calendar; charset=utf-8";

    public static string Write(ViewExport export, SiteLinks links)
    {
        var calendar = new Ical.Net.Calendar { ProductId = "-//Timeline//Sourced event timeline//EN" };
        calendar.AddProperty("X-WR-CALNAME", "Timeline");
        calendar.AddProperty("X-WR-CALDESC", export.Truncated
            ? "The first events of a larger view: narrow the view to get the rest."
            : "Events of the timeline, each with the articles that report it.");
        var host = links.BaseUri.Host;
        foreach (var published in export.Events)
        {
            var ev = published.Event;
            var (start, end) = Span(ev.Start, ev.End);
            var note = Vagueness(ev.Start);
            var description = SafeMarkdown.ToPlainText(ev.Summary);
            if (published.Sources.Count > 0)
                description += "\n\nReported by " + string.Join(", ", published.Sources.Select(s => s.Outlet).Distinct()) + ".";
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"event-{ev.Id}@{host}",
                Summary = CalendarText(note is null ? ev.Title : $"{ev.Title} ({note})"),
                Description = CalendarText((note is null ? "" : $"Date: {PartialDate.FormatRange(ev.Start, ev.End)} ({note}).\n\n") + description),
                Url = links.Event(ev.Slug),
                DtStart = start,
                DtEnd = end,
                DtStamp = new CalDateTime(ev.UpdatedAt.UtcDateTime),
                LastModified = new CalDateTime(ev.UpdatedAt.UtcDateTime),
                Categories = published.Storyline is { } storyline ? [CalendarText(storyline.Title)] : [],
            });
        }
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    /// <summary>
    /// The text without control characters other than line breaks and tabs: RFC 5545's TEXT has no place for them
    /// (Ical.Net writes them as they are, and a parser then refuses the line), and a title pasted from elsewhere may
    /// hold one. Line breaks stay: the serializer escapes them.
    /// </summary>
    public static string CalendarText(string text) =>
        text.Any(c => char.IsControl(c) && c is not '\n' and not '\t')
            ? string.Concat(text.Where(c => !char.IsControl(c) || c is '\n' or '\t'))
            : text;

    /// <summary>"date known only to the month" for the vague precisions; null when the date is a day or a time.</summary>
    private static string? Vagueness(PartialDate start) => start.Precision switch
    {
        DatePrecision.Year => start.Approximate ? "approximate, known only to the year" : "date known only to the year",
        DatePrecision.Month => start.Approximate ? "approximate, known only to the month" : "date known only to the month",
        _ => start.Approximate ? "approximate date" : null,
    };

    /// <summary>Start and (exclusive) end: all-day dates unless the start has a time.</summary>
    private static (CalDateTime Start, CalDateTime? End) Span(PartialDate start, PartialDate? end)
    {
        if (start.Precision == DatePrecision.Minute)
        {
            var timedEnd = end is { Precision: DatePrecision.Minute } e && e.Value > start.Value ? Floating(e.Value) : null;
            return (Floating(start.Value), timedEnd);
        }
        var last = end is { } until && until.End > start.End ? until.End : start.End;
        // The calendar's last day has no day after it to end on; such an event is one day long.
        return (Day(start.Value), last == DateTime.MaxValue ? null : Day(last));
    }

    private static CalDateTime Day(DateTime value) => new(DateOnly.FromDateTime(value));

    private static CalDateTime Floating(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Unspecified), hasTime: true);
}
