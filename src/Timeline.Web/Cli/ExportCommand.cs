using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Timeline.Core.Seeding;
using Timeline.Core.Storage;

namespace Timeline.Web.Cli;

/// <summary><c>export --to FOLDER [--db PATH]</c>: the whole timeline in the seed format, for a backup or another store.</summary>
public sealed class ExportCommand : AsyncCommand<ExportCommand.Settings>
{
    /// <summary>The export command line, as a test or another program runs it.</summary>
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error) =>
        CommandLine.RunAsync(["export", .. args], TextReader.Null, output, error);

    public sealed class Settings : StoreSettings
    {
        [CommandOption("--to <FOLDER>")]
        [Description("The folder to write the timeline into: a new or empty one.")]
        public string? To { get; init; }

        public override ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(To) ? ValidationResult.Error("--to is required: the folder to write the timeline into.") : base.Validate();
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        var to = Path.GetFullPath(settings.To!);
        return CommandHost.RunAsync(["export", "--to", to], settings.Db, "", async (services, output, error) =>
        {
            try
            {
                var report = await CommandProgress.Run("Exporting", () => TimelineExport.Write(services.GetRequiredService<TimelineStore>(), to));
                output.WriteLine($"Exported {report.Events} events, {report.Articles} articles, {report.Links} links and {report.Storylines} storylines to {report.Folder}.");
                output.WriteLine("Start an empty app with --Timeline:SeedsPath=<that folder> to load it.");
                return 0;
            }
            catch (IOException e)
            {
                error.WriteLine(e.Message);
                return 1;
            }
        });
    }
}
