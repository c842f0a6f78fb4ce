using Timeline.Core.Importing;
using Timeline.Core.Curation;
using Timeline.Core.Publishing;
using Timeline.Core.Storage;
using Timeline.Web.Hosting;

namespace Timeline.Web.Cli;

/// <summary><c>import-timelinejs FILE [--era SLUG] [--publish] [--db PATH]</c>: a TimelineJS JSON file or spreadsheet
/// CSV into the store, as the curator area's import does it, saying what it did and what it could not keep.</summary>
public static class ImportTimelineJsCommand
{
    public const string Usage = "usage: dotnet run --project src/Timeline.Web -- import-timelinejs FILE [--era SLUG] [--publish] [--db PATH]";
    public const string User = "command-line";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        string? file = null, storyline = null, db = null;
        var publish = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--publish":
                    publish = true;
                    break;
                case "--era" or "--db" when i + 1 < args.Length:
                    if (args[i] == "--era")
                        storyline = args[++i];
                    else
                        db = args[++i];
                    break;
                case "--era" or "--db":
                    return Fail(error, $"“{args[i]}” has no value.");
                case var value when !value.StartsWith("--", StringComparison.Ordinal) && file is null:
                    file = value;
                    break;
                default:
                    return Fail(error, $"“{args[i]}” is not an option here.");
            }
        }
        if (file is null)
            return Fail(error, "Name the TimelineJS file to import (.json or .csv).");
        if (!File.Exists(file))
        {
            error.WriteLine($"There is no file {file}.");
            return 1;
        }
        if (new FileInfo(file).Length > TimelineJsReader.MaxFileBytes)
        {
            error.WriteLine($"{file} is larger than {TimelineJsReader.MaxFileBytes / 1024 / 1024} MB, more than a TimelineJS timeline holds.");
            return 1;
        }

        string[] hostArgs = db is null ? ["--Logging:LogLevel:Default=Warning"] : ["--Logging:LogLevel:Default=Warning", $"--ConnectionStrings:Timeline=Filename={db}"];
        await using var app = TimelineApp.Create(hostArgs);
        try
        {
            if (!app.InitializeTimelineStore())
                return 1;
        }
        catch (Exception e) when (e is StoreLockedException or StoreVersionException)
        {
            error.WriteLine(e.Message);
            return 1;
        }
        var importer = app.Services.GetRequiredService<TimelineJsImporter>();
        var read = TimelineJsReader.Read(await File.ReadAllTextAsync(file), file);
        var result = await importer.ImportAsync(read, new TimelineJsImportOptions(storyline, publish), User);
        await app.Services.GetRequiredService<Core.Search.SearchIndexer>().CatchUpAsync();
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

    private static int Fail(TextWriter error, string message)
    {
        error.WriteLine(message);
        error.WriteLine(Usage);
        return 2;
    }
}
