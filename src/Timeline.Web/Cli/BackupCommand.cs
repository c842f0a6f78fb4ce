using System.ComponentModel;
using Spectre.Console.Cli;
using Timeline.Core.Backups;
using Timeline.Core.Storage;
using Timeline.Web.Backups;

namespace Timeline.Web.Cli;

/// <summary><c>backup [--to FOLDER] [--db PATH]</c>: a backup like the app's own, into its backup folder (keeping the
/// newest Timeline:Backups:Keep) or into FOLDER; taken by the running app when one runs, without stopping it.</summary>
public sealed class BackupCommand : AsyncCommand<BackupCommand.Settings>
{
    /// <summary>The backup command line, as a test or another program runs it.</summary>
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error) =>
        CommandLine.RunAsync(["backup", .. args], TextReader.Null, output, error);

    public sealed class Settings : StoreSettings
    {
        [CommandOption("--to <FOLDER>")]
        [Description("Where to write it (by default the app's backup folder, Timeline:Backups:Folder).")]
        public string? To { get; init; }
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        var to = settings.To is null ? null : Path.GetFullPath(settings.To);
        return CommandHost.RunAsync(to is null ? ["backup"] : ["backup", "--to", to], settings.Db, "", async (services, output, error) =>
        {
            try
            {
                // The app's own backup service: one backup at a time with its scheduled ones, counted in its metrics.
                var backup = await CommandProgress.RunAsync("Backing up", progress =>
                    services.GetRequiredService<BackupService>().BackUpNowAsync(progress, cancellation, to));
                output.WriteLine($"Backed up {backup.Manifest?.Events} events, {backup.Manifest?.Articles} articles and {Accounts(backup.Manifest?.Accounts ?? 0)} to {backup.FullPath} ({backup.Bytes:N0} bytes).");
                return 0;
            }
            catch (Exception e) when (e is BackupException or StoreFullException)
            {
                error.WriteLine(e.Message);
                return 1;
            }
        });
    }

    public static string Accounts(int count) => count == 1 ? "1 account" : $"{count} accounts";
}
