using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Timeline.Core.Importing;

namespace Timeline.Web.Cli;

/// <summary><c>import-timelinejs FILE [--era SLUG] [--publish] [--db PATH]</c>: a TimelineJS JSON file or spreadsheet
/// CSV into the store, as the curator area's import does it, saying what it did and what it could not keep.</summary>
public sealed class ImportTimelineJsCommand : AsyncCommand<ImportTimelineJsCommand.Settings>
{
    public const string User = "command-line";

    /// <summary>The import command line, as a test or another program runs it.</summary>
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error) =>
        CommandLine.RunAsync(["import-timelinejs", .. args], TextReader.Null, output, error);

    public sealed class Settings : StoreSettings
    {
        [CommandArgument(0, "<FILE>")]
        [Description("The TimelineJS file: its JSON, or its Google Sheets template as CSV.")]
        public string File { get; init; } = "";

        [CommandOption("--era <SLUG>")]
        [Description("The storyline to import into (by default a new one from the title slide).")]
        public string? Era { get; init; }

        [CommandOption("--publish")]
        [Description("Publish the events at once (by default they are drafts).")]
        public bool Publish { get; init; }

        public override ValidationResult Validate() =>
            Era is { Length: 0 } ? ValidationResult.Error("--era needs a value: a storyline's slug.") : base.Validate();
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        var file = Path.GetFullPath(settings.File);
        string[] forward = ["import-timelinejs", file, .. settings.Era is null ? Array.Empty<string>() : ["--era", settings.Era], .. settings.Publish ? ["--publish"] : Array.Empty<string>()];
        return CommandHost.RunAsync(forward, settings.Db, "", async (services, output, error) =>
        {
            if (!System.IO.File.Exists(file))
            {
                error.WriteLine($"There is no file {file}.");
                return 1;
            }
            if (new FileInfo(file).Length > TimelineJsReader.MaxFileBytes)
            {
                error.WriteLine($"{file} is larger than {TimelineJsReader.MaxFileBytes / 1024 / 1024} MB, more than a TimelineJS timeline holds.");
                return 1;
            }
            var importer = services.GetRequiredService<TimelineJsImporter>();
            var read = TimelineJsReader.Read(await System.IO.File.ReadAllTextAsync(file, cancellation), file);
            var result = await CommandProgress.RunAsync("Importing", _ => importer.ImportAsync(read, new TimelineJsImportOptions(settings.Era, settings.Publish), User));
            await services.GetRequiredService<Core.Search.SearchIndexer>().CatchUpAsync(cancellation);
            return Report(result, file, settings.Publish, output, error);
        });
    }

    /// <summary>Every note of the preview, then what was imported; 1 when an entry's error stopped the import.</summary>
    private static int Report(TimelineJsImportResult result, string file, bool publish, TextWriter output, TextWriter error)
    {
        var preview = result.Preview;
        foreach (var note in preview.Errors)
            error.WriteLine($"{note.Where}: {note.Message}");
        foreach (var note in preview.AlreadyThere)
            output.WriteLine($"{note.Where}: {note.Message}");
        foreach (var note in preview.Dropped)
            output.WriteLine($"{note.Where}: {note.Message}");
        if (preview.Errors.Count > 0)
        {
            error.WriteLine($"Nothing was imported: fix the {preview.Errors.Count} problem(s) above in {file} and run the command again.");
            return 1;
        }
        if (result.EventsCreated is not { } events)
        {
            output.WriteLine(preview.AlreadyThere.Count > 0
                ? "Nothing to import: every event in the file is already on the timeline."
                : "Nothing to import: the file holds no events.");
            return 0;
        }
        var storylines = string.Join(", ", preview.Storylines.Select(s => s.Exists ? $"{s.Slug} (existing)" : s.Slug));
        output.WriteLine($"Imported {events} event(s) as {(publish ? "published" : "drafts")} and {result.StorylinesCreated} new storyline(s)" +
                         (storylines.Length > 0 ? $"; storylines: {storylines}." : "."));
        return 0;
    }

}
