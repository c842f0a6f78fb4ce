using Timeline.Core.Importing;
using Timeline.Core.Addresses;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using CsvHelper;
using Timeline.Core.Dates;
using Timeline.Core.Domain;
using Timeline.Core.Reading;
using Timeline.Core.Text;

namespace Timeline.Core.Publishing;

/// <summary>
/// A view of the timeline in TimelineJS 3's two forms: its JSON, which TimelineJS loads as it is, and its spreadsheet
/// template as CSV. Dates carry only the parts their precision knows; an approximate one says "c." in display_date;
/// the summary is HTML; storylines are storylines and each event's group; the media is the event's own, else its first
/// source (its passage quoted, the article linked in the caption, the outlet as the credit). Importing an export gives back the same events, dates and precisions.
/// </summary>
public static class TimelineJsExport
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private sealed record JsDate(string Year, string? Month = null, string? Day = null, string? Hour = null, string? Minute = null, string? DisplayDate = null);
    private sealed record JsText(string Headline, string? Text = null);
    private sealed record JsMedia(string Url, string? Caption, string? Credit, string? Alt = null);
    private sealed record JsSlide(JsDate? StartDate, JsDate? EndDate, JsText Text, JsMedia? Media = null, string? Group = null, string? DisplayDate = null, string? UniqueId = null);
    private sealed record JsTimeline(JsSlide Title, IReadOnlyList<JsSlide> Events, [property: JsonPropertyName("eras")] IReadOnlyList<JsSlide> Storylines);

    public static string ToJson(ViewExport export, SiteLinks links) =>
        JsonSerializer.Serialize(new JsTimeline(
            new JsSlide(null, null, new JsText("Timeline", WebUtility.HtmlEncode(Intro(export)))),
            [.. export.Events.Select(e => Slide(e, links))],
            [.. Storylines(export).Select(storyline => new JsSlide(StorylineStart(storyline), Date(storyline.End), new JsText(WebUtility.HtmlEncode(storyline.Title))))]), Json);

    /// <summary>
    /// TimelineJS drops an end date whose parts equal the start's and then refuses the whole timeline ("All storylines must
    /// have start and end dates"), so a storyline within one month (or year, or day) would break it. Its start gets a
    /// display_date, which makes the two differ without changing a part.
    /// </summary>
    private static JsDate StorylineStart(StorylineSummary storyline) =>
        storyline.Start.ToIsoString() == storyline.End.ToIsoString() ? Date(storyline.Start) with { DisplayDate = storyline.Start.Format() } : Date(storyline.Start);

    /// <summary>The spreadsheet has no display date per date: there, such a storyline ends on its period's last part
    /// (September 2022 to 30 September 2022), the same span one precision finer.</summary>
    private static JsDate StorylineEndInSheet(StorylineSummary storyline)
    {
        if (storyline.Start.ToIsoString() != storyline.End.ToIsoString())
            return Date(storyline.End);
        var finer = storyline.End.Precision switch { DatePrecision.Year => DatePrecision.Month, DatePrecision.Month => DatePrecision.Day, _ => DatePrecision.Minute };
        return Date(new PartialDate(storyline.End.IsLast ? DateTime.MaxValue : storyline.End.End.AddMinutes(-1), finer));
    }

    public static string ToCsv(ViewExport export, SiteLinks links)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(text, new CsvWriterOptions { Injection = CsvInjection.Escape }, leaveOpen: true))
        {
            csv.WriteHeader(TimelineJsReader.Columns);
            var title = new string?[TimelineJsReader.Columns.Length];
            Set(title, "Headline", "Timeline");
            Set(title, "Text", WebUtility.HtmlEncode(Intro(export)));
            Set(title, "Type", "title");
            csv.WriteRecord(title);
            foreach (var storyline in Storylines(export))
            {
                var row = new string?[TimelineJsReader.Columns.Length];
                Cells(row, "", Date(storyline.Start));
                Cells(row, "End ", StorylineEndInSheet(storyline));
                Set(row, "Headline", WebUtility.HtmlEncode(storyline.Title));
                Set(row, "Type", "era");
                csv.WriteRecord(row);
            }
            foreach (var published in export.Events)
            {
                var slide = Slide(published, links);
                var row = new string?[TimelineJsReader.Columns.Length];
                Cells(row, "", slide.StartDate!);
                if (slide.EndDate is { } end)
                    Cells(row, "End ", end);
                Set(row, "Display Date", slide.DisplayDate);
                Set(row, "Headline", slide.Text.Headline);
                Set(row, "Text", slide.Text.Text);
                Set(row, "Media", slide.Media?.Url);
                Set(row, "Media Credit", slide.Media?.Credit);
                Set(row, "Media Caption", slide.Media?.Caption);
                Set(row, "Group", slide.Group);
                Set(row, "Alt Text", slide.Media?.Alt);
                csv.WriteRecord(row);
            }
        }
        return text.ToString();
    }

    private static void Set(string?[] row, string column, string? value) => row[Array.IndexOf(TimelineJsReader.Columns, column)] = value;

    /// <summary>The spreadsheet's date columns ("Year", "Month", "Day", "Time", or their "End " forms).</summary>
    private static void Cells(string?[] row, string prefix, JsDate date)
    {
        Set(row, prefix + "Year", date.Year);
        Set(row, prefix + "Month", date.Month);
        Set(row, prefix + "Day", date.Day);
        Set(row, prefix + "Time", date.Hour is null ? null : $"{date.Hour}:{date.Minute}");
    }

    private static string Intro(ViewExport export) => export.Truncated
        ? "The first events of a larger view of the timeline; narrow the view to export the rest."
        : "Events of the timeline, each with the articles that report it.";

    /// <summary>The storylines the exported events are in, in date order.</summary>
    /// <summary>"Where the sources differ" as a list in the slide's text: TimelineJS shows a slide's text as HTML, every
    /// word of it encoded here.</summary>
    private static string DifferencesHtml(PublishedEvent published)
    {
        if (published.Differences is not { Count: > 0 } differences)
            return "";
        static string E(string text) => WebUtility.HtmlEncode(text);
        return "<p><strong>Where the sources differ</strong></p><ul>" + string.Concat(differences.Select(d =>
            $"<li>{E(d.Aspect)}: " + string.Join("; ", d.Claims.Select(c => $"{E(c.Source.Outlet)}: “{E(c.Quote)}”" + (c.Value is null ? "" : $" ({E(c.Value)})"))) + "</li>")) + "</ul>";
    }

    private static IEnumerable<StorylineSummary> Storylines(ViewExport export) =>
        export.Events.Select(e => e.Storyline).OfType<StorylineSummary>().DistinctBy(e => e.Id).OrderBy(e => e.Start);

    private static JsSlide Slide(PublishedEvent published, SiteLinks links)
    {
        var ev = published.Event;
        var media = ev.Media is { } own
            ? new JsMedia(own.Kind == MediaKind.Image ? links.Image(own.FileId!).AbsoluteUri : own.Url!,
                own.Caption.Length > 0 ? WebUtility.HtmlEncode(own.Caption) : null, own.Credit.Length > 0 ? WebUtility.HtmlEncode(own.Credit) : null,
                own.AltText.Length > 0 ? own.AltText : null)
            : published.Sources.FirstOrDefault(s => s.Passage.Trim().Length > 0) is { } first
            ? SourceMedia(first, links)
            : null;
        var html = SafeMarkdown.ToHtml(ev.Summary) + DifferencesHtml(published) + $"<p><a href=\"{links.Event(ev.Slug).AbsoluteUri}\">Sources and passages</a></p>";
        // TimelineJS writes the group (a storyline's name) and the display date into the page as HTML, as it does the
        // headline: every text that reaches them is encoded, whoever wrote it.
        return new JsSlide(Date(ev.Start), ev.End is { } end ? Date(end) : null, new JsText(WebUtility.HtmlEncode(ev.Title), html), media,
            published.Storyline is { } storyline ? WebUtility.HtmlEncode(storyline.Title) : null,
            ev.Start.Approximate || ev.End?.Approximate == true ? WebUtility.HtmlEncode(PartialDate.FormatRange(ev.Start, ev.End)) : null, ev.Slug);
    }

    /// <summary>
    /// The first source as TimelineJS media: its passage as a quote (TimelineJS's blockquote media, which it
    /// sanitises), the article as the caption's link, the outlet as the credit. Not the article's address as the media
    /// url: TimelineJS takes any address it does not recognise for an image, and would show a broken one.
    /// </summary>
    private static JsMedia SourceMedia(EventSource source, SiteLinks links)
    {
        var article = (WebAddress.Http(source.Url) ?? links.Article(source.ArticleId)).AbsoluteUri;
        return new JsMedia($"<blockquote>{WebUtility.HtmlEncode(source.Passage.Trim())}</blockquote>",
            $"<a href=\"{WebUtility.HtmlEncode(article)}\">{WebUtility.HtmlEncode(source.ArticleTitle)}</a>", WebUtility.HtmlEncode(source.Outlet));
    }


    /// <summary>Only the parts the precision knows; "c. July 2013" as the display text of an approximate date.</summary>
    private static JsDate Date(PartialDate date)
    {
        static string N(int n) => n.ToString(CultureInfo.InvariantCulture);
        var v = date.Value;
        var display = date.Approximate ? WebUtility.HtmlEncode(date.Format()) : null;
        return date.Precision switch
        {
            DatePrecision.Year => new JsDate(N(v.Year), DisplayDate: display),
            DatePrecision.Month => new JsDate(N(v.Year), N(v.Month), DisplayDate: display),
            DatePrecision.Day => new JsDate(N(v.Year), N(v.Month), N(v.Day), DisplayDate: display),
            _ => new JsDate(N(v.Year), N(v.Month), N(v.Day), N(v.Hour), v.Minute.ToString("00", CultureInfo.InvariantCulture), display),
        };
    }
}
