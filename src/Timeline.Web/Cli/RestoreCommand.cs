using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Timeline.Core.Backups;
using Timeline.Core.Storage;
using Timeline.Web.Accounts;
using Timeline.Web.Hosting;

namespace Timeline.Web.Cli;

/// <summary><c>restore --from FILE [--db PATH]</c>: puts a backup in place of a stopped app's store (see <see cref="StoreRestore"/>).</summary>
public sealed class RestoreCommand : AsyncCommand<RestoreCommand.Settings>
{
    /// <summary>The restore command line, as a test or another program runs it.</summary>
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error) =>
        CommandLine.RunAsync(["restore", .. args], TextReader.Null, output, error);

    public sealed class Settings : StoreSettings
    {
        [CommandOption("--from <FILE>")]
        [Description("The backup to restore (a timeline-backup-….zip).")]
        public string? From { get; init; }

        public override ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(From) ? ValidationResult.Error("--from is required: the backup file to restore.") : base.Validate();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        var (output, error) = (CommandIo.Current.Output, CommandIo.Current.Error);
        var from = Path.GetFullPath(settings.From!);
        await using var app = TimelineApp.Create(CommandHost.HostArgs(settings.Db));
        var storePath = StoreLocation.ResolvePath(app.Configuration.GetConnectionString("Timeline"), app.Environment.ContentRootPath);
        try
        {
            var report = await CommandProgress.RunAsync("Restoring", progress => Task.Run(() =>
                StoreRestore.Restore(from, storePath, CuratorAuthentication.KeysDirectory(storePath).FullName, DateTimeOffset.UtcNow, progress)));
            output.WriteLine($"Restored {storePath} from {from}, taken {report.Manifest.TakenAt:yyyy-MM-dd HH:mm:ss} UTC: " +
                             $"{report.Events} events, {report.Articles} articles, {BackupCommand.Accounts(report.Accounts)}.");
            if (report.ReplacedKeptAt is not null)
                output.WriteLine($"The store it replaced is kept in {report.ReplacedKeptAt}.");
            output.WriteLine("Start the app: it rebuilds its search index from the restored store.");
            return 0;
        }
        catch (BackupException e)
        {
            error.WriteLine(e.Message);
            return 1;
        }
    }
}
