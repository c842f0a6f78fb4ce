using Timeline.Core.Seeding;
using Timeline.Core.Storage;

namespace Timeline.Web.Cli;

/// <summary><c>export --to FOLDER [--db PATH]</c>: the whole timeline in the seed format, for a backup or another store.</summary>
public static class ExportCommand
{
    public const string Usage = "usage: dotnet run --project src/Timeline.Web -- export --to FOLDER [--db PATH]";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        if (NamedOptions.Parse(args, ["--to", "--db"], error, Usage) is not { } options)
            return 2;
        var to = options.GetValueOrDefault("--to");
        var db = options.GetValueOrDefault("--db");
        if (to is null)
            return Fail(error, "--to is required: the folder to write the timeline into.");

        return await CommandHost.RunAsync("export", ["--to", Path.GetFullPath(to)], db, "", output, error);
    }

    /// <summary>The export, with an app's services (this process's or the running app's).</summary>
    public static Task<int> ExecuteAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error)
    {
        if (args is not ["--to", var to])
            return Task.FromResult(Fail(error, "--to is required: the folder to write the timeline into."));
        try
        {
            var report = TimelineExport.Write(services.GetRequiredService<TimelineStore>(), to);
            output.WriteLine($"Exported {report.Events} events, {report.Articles} articles, {report.Links} links and {report.Storylines} storylines to {report.Folder}.");
            output.WriteLine("Start an empty app with --Timeline:SeedsPath=<that folder> to load it.");
            return Task.FromResult(0);
        }
        catch (IOException e)
        {
            error.WriteLine(e.Message);
            return Task.FromResult(1);
        }
    }

    private static int Fail(TextWriter error, string message)
    {
        error.WriteLine(message);
        error.WriteLine(Usage);
        return 2;
    }
}
