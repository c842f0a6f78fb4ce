using System.Globalization;
using System.Text;
using System.Text.Json;
using CsvHelper;

namespace Timeline.Core.Importing;

/// <summary>
/// Reads the two forms TimelineJS 3 takes: its JSON (https://timeline.knightlab.com/docs/json-format.html) with
/// System.Text.Json, and the Google Sheets template exported as CSV with CsvHelper. Nothing is judged here beyond
/// the file's shape; the import plan checks the values entry by entry.
/// </summary>
public static class TimelineJsReader
{
    public const long MaxFileBytes = 5 * 1024 * 1024;

    /// <summary>Reads either form: JSON when the text starts with "{", else CSV.</summary>
    public static TimelineJsFile Read(string text, string? fileName = null)
    {
        var trimmed = text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        var isJson = fileName?.EndsWith(".json", StringComparison.OrdinalIgnoreCase) == true
                     || (fileName?.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) != true && trimmed.StartsWith('{'));
        return isJson ? ReadJson(trimmed) : ReadCsv(trimmed);
    }

    private static TimelineJsFile ReadJson(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 32 });
        }
        catch (JsonException e)
        {
            return TimelineJsFile.Unreadable($"The file is not valid JSON (line {e.LineNumber + 1}, position {e.BytePositionInLine + 1}): " +
                                             "check it in a JSON validator, or export it again from TimelineJS.");
        }
        using (document)
        {
            try
            {
                return ReadTimeline(document.RootElement);
            }
            catch (BrokenTextException e)
            {
                return TimelineJsFile.Unreadable($"{char.ToUpperInvariant(e.Entry[0])}{e.Entry[1..]}: \"{e.Field}\" holds a \\u escape that is not a " +
                                                 "character (half of a surrogate pair, such as \\ud800). Correct it in the file and import it again.");
            }
        }
    }

    private static TimelineJsFile ReadTimeline(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
            return TimelineJsFile.Unreadable("The file is JSON but not a TimelineJS timeline: it should be an object with an \"events\" list.");
        if (!root.TryGetProperty("events", out var events) || events.ValueKind != JsonValueKind.Array)
            return TimelineJsFile.Unreadable("The file has no \"events\" list, so it is not a TimelineJS timeline.");
        var title = root.TryGetProperty("title", out var t) && t.ValueKind == JsonValueKind.Object ? Slide(t, "the title slide") : null;
        var slides = events.EnumerateArray().Select((e, i) => e.ValueKind == JsonValueKind.Object
            ? Slide(e, $"event {i + 1}")
            : new TjsSlide($"event {i + 1}", null, null, null, null, null, null, null, null, false)).ToList();
        var storylines = root.TryGetProperty("eras", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object).Select((e, i) => Slide(e, $"era {i + 1}")).ToList()
            : [];
        return new TimelineJsFile(title, slides, storylines, null);
    }

    private static TjsSlide Slide(JsonElement slide, string entry)
    {
        try
        {
            var text = Child(slide, "text");
            var media = Child(slide, "media") is { } m
                ? new TjsMedia(Value(m, "url"), Value(m, "caption"), Value(m, "credit"), Value(m, "thumbnail"), Value(m, "alt"))
                : null;
            return new TjsSlide(entry, Date(Child(slide, "start_date")), Date(Child(slide, "end_date")),
                text is { } h ? Value(h, "headline") : null, text is { } b ? Value(b, "text") : null,
                media is { Url.Length: > 0 } ? media : null, Value(slide, "group"), Value(slide, "display_date"), Value(slide, "unique_id"),
                Child(slide, "background") is { } bg && (Value(bg, "url") is { Length: > 0 } || Value(bg, "color") is { Length: > 0 }));
        }
        catch (BrokenTextException e)
        {
            throw new BrokenTextException(entry, e.Field);
        }
    }

    /// <summary>A JSON string that is valid JSON but no text: a "\ud800" escape without its other half. System.Text.Json
    /// parses the document and refuses only when the string is read (InvalidOperationException).</summary>
    private sealed class BrokenTextException(string entry, string name) : Exception
    {
        public string Entry => entry;
        public string Field => name;
    }

    private static TjsDate? Date(JsonElement? date) => date is { } d
        ? new TjsDate(Value(d, "year"), Value(d, "month"), Value(d, "day"), Value(d, "hour"), Value(d, "minute"), Value(d, "second"),
            Value(d, "display_date") ?? Value(d, "display_text"))
        : null;

    private static JsonElement? Child(JsonElement element, string name) =>
        element.TryGetProperty(name, out var child) && child.ValueKind == JsonValueKind.Object ? child : null;

    /// <summary>A string or number property as text; absent, null or empty as null.</summary>
    private static string? Value(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value))
            return null;
        var text = value.ValueKind switch
        {
            JsonValueKind.String => ReadString(value, name),
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.True => "true",
            _ => null,
        };
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    private static string? ReadString(JsonElement value, string name)
    {
        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException)
        {
            throw new BrokenTextException("", name);
        }
    }

    // The spreadsheet ---------------------------------------------------------------------------------------------

    /// <summary>The template's columns. "Alt Text" is in later versions of the template only.</summary>
    public static readonly string[] Columns =
    [
        "Year", "Month", "Day", "Time", "End Year", "End Month", "End Day", "End Time", "Display Date", "Headline", "Text",
        "Media", "Media Credit", "Media Caption", "Media Thumbnail", "Type", "Group", "Background", "Alt Text",
    ];

    private static TimelineJsFile ReadCsv(string csv)
    {
        var malformed = new List<string>();
        var options = new CsvReaderOptions
        {
            Separator = ',',
            OnMalformedRecord = record => malformed.Add($"record {record.RecordNumber}: {record.Reason}"),
        };
        if (csv.Trim().Length == 0)
            return TimelineJsFile.Unreadable("The file is empty.");
        try
        {
            using var reader = CsvReader.Create(new MemoryStream(Encoding.UTF8.GetBytes(csv)), options, leaveOpen: false);
            reader.ReadHeader();
            var index = Columns.ToDictionary(c => c, c => reader.TryGetFieldIndex(c, out var i) ? i : -1);
            if (index["Year"] < 0 || index["Headline"] < 0)
                return TimelineJsFile.Unreadable("The CSV has no \"Year\" and \"Headline\" columns, so it is not a TimelineJS spreadsheet: " +
                                                 "export the sheet made from the TimelineJS template as CSV (File › Download › CSV).");
            TjsSlide? title = null;
            var events = new List<TjsSlide>();
            var storylines = new List<TjsSlide>();
            while (reader.Read())
            {
                // A hand-edited row may be shorter than the header: its missing cells are empty.
                string? Get(string column) => index[column] is >= 0 and var i && i < reader.FieldCount && reader.GetStringOrNull(i) is { } v
                                              && Unescaped(v.Trim()) is { Length: > 0 } value ? value : null;
                var row = reader.RowNumber + 1; // the spreadsheet's row, the header being row 1
                if (Columns.All(c => Get(c) is null))
                    continue;
                var (hour, minute, second) = Time(Get("Time"));
                var (endHour, endMinute, endSecond) = Time(Get("End Time"));
                var start = new TjsDate(Get("Year"), Get("Month"), Get("Day"), hour, minute, second, null);
                var end = Get("End Year") is null ? null : new TjsDate(Get("End Year"), Get("End Month"), Get("End Day"), endHour, endMinute, endSecond, null);
                var media = Get("Media") is { } url ? new TjsMedia(url, Get("Media Caption"), Get("Media Credit"), Get("Media Thumbnail"), Get("Alt Text")) : null;
                var slide = new TjsSlide($"row {row}", start.Year is null && start.Month is null && start.Day is null ? null : start, end,
                    Get("Headline"), Get("Text"), media, Get("Group"), Get("Display Date"), null, Get("Background") is not null);
                switch (Get("Type")?.ToLowerInvariant())
                {
                    case "title":
                        title ??= slide with { Entry = $"the title row ({row})" };
                        break;
                    case "era":
                        storylines.Add(slide with { Entry = $"era, row {row}" });
                        break;
                    default:
                        events.Add(slide);
                        break;
                }
            }
            if (malformed.Count > 0)
                return TimelineJsFile.Unreadable($"The CSV is malformed ({malformed[0]}): a quote is probably not closed. Export the sheet again.");
            return new TimelineJsFile(title, events, storylines, null);
        }
        catch (Exception e) when (e is CsvFormatException or CsvValidationException or FormatException or InvalidDataException or IndexOutOfRangeException)
        {
            return TimelineJsFile.Unreadable($"The CSV could not be read: {e.Message}");
        }
    }

    /// <summary>A cell as written before a spreadsheet guard: exports (this site's among them) put "'" before a cell that
    /// starts with = + - or @, so that no spreadsheet runs it as a formula.</summary>
    private static string Unescaped(string cell) =>
        cell.Length > 1 && cell[0] == '\'' && cell[1] is '=' or '+' or '-' or '@' ? cell[1..] : cell;

    /// <summary>"14:30", "14:30:15", "2:30 PM" as parts; anything else is passed on as the hour, to be refused with the row.</summary>
    private static (string? Hour, string? Minute, string? Second) Time(string? time)
    {
        if (time is null)
            return (null, null, null);
        string[] formats = ["H:mm", "H:mm:ss", "h:mm tt", "h:mm:ss tt", "h tt", "HH:mm", "HH:mm:ss"];
        return DateTime.TryParseExact(time, formats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var parsed)
            ? (parsed.Hour.ToString(CultureInfo.InvariantCulture), parsed.Minute.ToString(CultureInfo.InvariantCulture), parsed.Second.ToString(CultureInfo.InvariantCulture))
            : (time, null, null);
    }
}
