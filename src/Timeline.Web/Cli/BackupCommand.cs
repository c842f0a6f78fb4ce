using Timeline.Core.Backups;
using Timeline.Core.Storage;
using Timeline.Web.Accounts;
using Timeline.Web.Backups;
using Timeline.Web.Hosting;

namespace Timeline.Web.Cli;

/// <summary><c>backup [--to FOLDER] [--db PATH]</c>: a backup like the app's own, into its backup folder (keeping the
/// newest Timeline:Backups:Keep) or into FOLDER.</summary>
public static class BackupCommand
{
    public const string Usage = "usage: dotnet run --project src/Timeline.Web -- backup [--to FOLDER] [--db PATH]";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        string? to = null, db = null;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] is "--to" or "--db" && i + 1 < args.Length)
            {
                if (args[i] == "--to")
                    to = args[++i];
                else
                    db = args[++i];
            }
            else
            {
                return Fail(error, $"“{args[i]}” is not an option here.");
            }
        }

        await using var app = TimelineApp.Create(db is null ? ["--Logging:LogLevel:Default=Warning"] : ["--Logging:LogLevel:Default=Warning", $"--ConnectionStrings:Timeline=Filename={db}"]);
        try
        {
            var store = app.Services.GetRequiredService<TimelineStore>();
            var options = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<BackupOptions>>().Value;
            var folder = to is null ? options.FolderFor(store.FilePath) : Path.GetFullPath(to);
            var backup = StoreBackup.Write(store, CuratorAuthentication.KeysDirectory(store.FilePath).FullName, folder, DateTimeOffset.UtcNow);
            if (to is null)
                BackupFolder.Prune(folder, options.Keep);
            output.WriteLine($"Backed up {backup.Manifest?.Events} events, {backup.Manifest?.Articles} articles and {backup.Manifest?.Accounts} accounts to {backup.FullPath} ({backup.Bytes:N0} bytes).");
            return 0;
        }
        catch (Exception e) when (e is StoreLockedException or StoreVersionException or BackupException)
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
