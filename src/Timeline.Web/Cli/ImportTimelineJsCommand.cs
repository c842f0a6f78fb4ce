using Timeline.Core.Importing;
using Timeline.Core.Curation;
using Timeline.Core.Publishing;
using Timeline.Core.Storage;

namespace Timeline.Web.Cli;

/// <summary><c>import-timelinejs FILE [--era SLUG] [--publish] [--db PATH]</c>: a TimelineJS JSON file or spreadsheet
/// CSV into the store, as the curator area's import does it, saying what it did and what it could not keep.</summary>
public static class ImportTimelineJsCommand
{
    public const string Usage = "usage: dotnet run --project src/Timeline.Web -- import-timelinejs FILE [--era SLUG] [--publish] [--db PATH]";
    public const string User = "command-line";

    /// <summary>What the command line asks for.</summary>
    private sealed record Request(string File, string? Storyline, string? Db, bool Publish);

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        if (Parse(args, error, out var failed) is not { } request)
            return failed;
        string[] forwarded = [Path.GetFullPath(request.File), .. request.Storyline is null ? Array.Empty<string>() : ["--era", request.Storyline], .. request.Publish ? ["--publish"] : Array.Empty<string>()];
        return await CommandHost.RunAsync("import-timelinejs", forwarded, request.Db, "", output, error);
    }

    /// <summary>The import, with an app's services (this process's or the running app's).</summary>
    public static async Task<int> ExecuteAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error)
    {
        if (Parse(args, error, out var failed) is not { } request)
            return failed;
        if (!File.Exists(request.File))
        {
            error.WriteLine($"There is no file {request.File}.");
            return 1;
        }
        if (new FileInfo(request.File).Length > TimelineJsReader.MaxFileBytes)
        {
            error.WriteLine($"{request.File} is larger than {TimelineJsReader.MaxFileBytes / 1024 / 1024} MB, more than a TimelineJS timeline holds.");
            return 1;
        }
        var importer = services.GetRequiredService<TimelineJsImporter>();
        var read = TimelineJsReader.Read(await File.ReadAllTextAsync(request.File), request.File);
        var result = await importer.ImportAsync(read, new TimelineJsImportOptions(request.Storyline, request.Publish), User);
        await services.GetRequiredService<Core.Search.SearchIndexer>().CatchUpAsync();
        return Report(result, request, output, error);
    }

    /// <summary>The request, or null with the exit code in <paramref name="failed"/> after naming the problem.</summary>
    private static Request? Parse(string[] args, TextWriter error, out int failed)
    {
        string? file = null, storyline = null, db = null;
        var publish = false;
        failed = 0;
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
                    failed = Fail(error, $"“{args[i]}” has no value.");
                    return null;
                case var value when !value.StartsWith("--", StringComparison.Ordinal) && file is null:
                    file = value;
                    break;
                default:
                    failed = Fail(error, $"“{args[i]}” is not an option here.");
                    return null;
            }
        }
        if (file is not null)
            return new Request(file, storyline, db, publish);
        failed = Fail(error, "Name the TimelineJS file to import (.json or .csv).");
        return null;
    }

    /// <summary>Every note of the preview, then what was imported; 1 when an entry's error stopped the import.</summary>
    private static int Report(TimelineJsImportResult result, Request request, TextWriter output, TextWriter error)
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
            error.WriteLine($"Nothing was imported: fix the {preview.Errors.Count} problem(s) above in {request.File} and run the command again.");
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
        output.WriteLine($"Imported {events} event(s) as {(request.Publish ? "published" : "drafts")} and {result.StorylinesCreated} new storyline(s)" +
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
