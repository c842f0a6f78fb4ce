using System.Text.Json;
using Timeline.Core.ArticleReading;
using Timeline.Core.Dates;
using Timeline.Core.Importing;
using Timeline.Core.Search;
using Timeline.Core.Storage;
using Timeline.Web.Hosting;

using Timeline.Core.Domain;
using System.ComponentModel;
using Spectre.Console.Cli;

namespace Timeline.Web.Cli;

/// <summary>
/// <c>suggest FILE [--published YYYY-MM-DD] [--db PATH] [--json]</c>: what the app reads in an article file — its
/// dates (text, offsets, date, precision, the other reading) and the events it probably reports (slug, title, score,
/// passage with offsets) — by the same code as the curator's article view. Stores nothing.
/// </summary>
public sealed class SuggestCommand : Command<SuggestCommand.Settings>
{
    /// <summary>The suggest command line, as a test or another program runs it.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error) =>
        CommandLine.RunAsync(["suggest", .. args], TextReader.Null, output, error).GetAwaiter().GetResult();

    public sealed class Settings : StoreSettings
    {
        [CommandArgument(0, "<FILE>")]
        [Description("The article file (.txt, .md or .html).")]
        public string File { get; init; } = "";

        [CommandOption("--published <DATE>")]
        [Description("Its publication date, YYYY-MM-DD, when the file gives none (relative dates are read against it).")]
        public string? Published { get; init; }

        [CommandOption("--json")]
        [Description("Write JSON for another program instead of text.")]
        public bool Json { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        var (output, error) = (CommandIo.Current.Output, CommandIo.Current.Error);
        var file = settings.File;
        if (!System.IO.File.Exists(file))
            return Fail(error, $"{file} does not exist.");
        var read = ArticleImportReader.ReadFile(file, System.IO.File.ReadAllBytes(file));
        if (read.Form is not { } form)
            return Fail(error, read.Error!);
        PartialDate date;
        if (settings.Published is not null)
        {
            if (!PartialDate.TryParse(settings.Published, false, out date, out var problem))
                return Fail(error, $"--published: {problem}");
        }
        else if (!form.Published.TryBuild(out date, out _))
        {
            return Fail(error, "The file gives no publication date: add --published YYYY-MM-DD (relative dates are read against it).");
        }

        // Errors only: the output may be JSON for another program.
        using var app = TimelineApp.Create(CommandHost.HostArgs(settings.Db, "Error"));
        EventSuggester suggester;
        try
        {
            suggester = app.Services.GetRequiredService<EventSuggester>();
            app.Services.GetRequiredService<SearchIndexer>().Start(); // brings the index up to the store (rebuilt if missing)
        }
        catch (Exception e) when (e is StoreLockedException or StoreVersionException)
        {
            error.WriteLine(e.Message);
            return 1;
        }
        var reader = app.Services.GetRequiredService<ArticleReader>();
        var dates = reader.Read(form.Body, date, form.Language);
        var suggestions = suggester.Suggest(form.Body, date, form.Language, dates.Mentions, new HashSet<int>());
        if (settings.Json)
            WriteJson(output, form.Body, date, form.Language, dates, suggestions);
        else
            WriteText(output, form.Body, date, dates, suggestions);
        return 0;
    }

    private static void WriteText(TextWriter output, string text, PartialDate published, ArticleDates dates, IReadOnlyList<EventSuggestion> suggestions)
    {
        output.WriteLine($"Published {published.Format()}; {dates.Mentions.Count} dates{(dates.RelativeDatesRead ? "" : " (relative dates are not read in this language)")}:");
        foreach (var m in dates.Mentions)
            output.WriteLine($"  {m.Date,-12} {m.Date.Precision.ToString().ToLowerInvariant(),-6} “{m.Text}” at {m.Start}–{m.End}{(m.Alternative is { } other ? $", or {other}" : "")}");
        output.WriteLine($"Suggested events ({suggestions.Count}):");
        foreach (var (s, rank) in suggestions.Select((s, i) => (s, i + 1)))
        {
            output.WriteLine($"  {rank}. {s.Slug} ({s.Score:0.000}) {s.Title}");
            output.WriteLine($"     passage {s.Passage.Start}–{s.Passage.End}: “{text.Substring(s.Passage.Start, s.Passage.Length)}”");
        }
    }

    private static void WriteJson(TextWriter output, string text, PartialDate published, string language, ArticleDates dates, IReadOnlyList<EventSuggestion> suggestions)
    {
        var document = new
        {
            published = published.ToIsoString(),
            language,
            relativeDatesRead = dates.RelativeDatesRead,
            dates = dates.Mentions.Select(m => new
            {
                text = m.Text, start = m.Start, length = m.Length, sentenceStart = m.SentenceStart, sentenceLength = m.SentenceLength,
                date = m.Date.ToIsoString(), precision = m.Date.Precision.ToString().ToLowerInvariant(), approximate = m.Date.Approximate,
                alternatives = m.Alternative is { } other ? new[] { other.ToIsoString() } : [],
            }),
            suggestions = suggestions.Select(s => new
            {
                slug = s.Slug, title = s.Title, date = s.Start.ToIsoString(), status = s.Status.ToString().ToLowerInvariant(), score = s.Score,
                dateMatches = s.DateMatches,
                passage = new { start = s.Passage.Start, length = s.Passage.Length, text = text.Substring(s.Passage.Start, s.Passage.Length) },
            }),
        };
        output.WriteLine(JsonSerializer.Serialize(document, new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    }

    private static int Fail(TextWriter error, string message)
    {
        error.WriteLine(message);
        return 2;
    }
}
