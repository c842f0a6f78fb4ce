using Timeline.Core.Backups;
using Timeline.Core.Storage;
using Timeline.Web.Accounts;
using Timeline.Web.Hosting;

namespace Timeline.Web.Cli;

/// <summary><c>restore --from FILE [--db PATH]</c>: puts a backup in place of a stopped app's store (see <see cref="StoreRestore"/>).</summary>
public static class RestoreCommand
{
    public const string Usage = "usage: dotnet run --project src/Timeline.Web -- restore --from FILE [--db PATH]";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        if (NamedOptions.Parse(args, ["--from", "--db"], error, Usage) is not { } options)
            return 2;
        var from = options.GetValueOrDefault("--from");
        var db = options.GetValueOrDefault("--db");
        if (from is null)
            return Fail(error, "--from is required: the backup file to restore.");

        await using var app = TimelineApp.Create(CommandHost.HostArgs(db));
        var storePath = StoreLocation.ResolvePath(app.Configuration.GetConnectionString("Timeline"), app.Environment.ContentRootPath);
        try
        {
            var report = StoreRestore.Restore(Path.GetFullPath(from), storePath, CuratorAuthentication.KeysDirectory(storePath).FullName, DateTimeOffset.UtcNow);
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

    private static int Fail(TextWriter error, string message)
    {
        error.WriteLine(message);
        error.WriteLine(Usage);
        return 2;
    }
}
