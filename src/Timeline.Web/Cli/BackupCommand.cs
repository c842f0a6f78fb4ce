using Timeline.Core.Backups;
using Timeline.Core.Storage;
using Timeline.Web.Accounts;
using Timeline.Web.Backups;

namespace Timeline.Web.Cli;

/// <summary><c>backup [--to FOLDER] [--db PATH]</c>: a backup like the app's own, into its backup folder (keeping the
/// newest Timeline:Backups:Keep) or into FOLDER.</summary>
public static class BackupCommand
{
    public const string Usage = "usage: dotnet run --project src/Timeline.Web -- backup [--to FOLDER] [--db PATH]";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        if (NamedOptions.Parse(args, ["--to", "--db"], error, Usage) is not { } options)
            return 2;
        var to = options.GetValueOrDefault("--to");
        var db = options.GetValueOrDefault("--db");

        return await CommandHost.RunAsync("backup", to is null ? [] : ["--to", Path.GetFullPath(to)], db, "", output, error);
    }

    /// <summary>The backup, with an app's services (this process's or, while it runs, the app's: a backup is taken
    /// without stopping it).</summary>
    public static Task<int> ExecuteAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error)
    {
        var to = args is ["--to", var folder] ? folder : null;
        try
        {
            var store = services.GetRequiredService<TimelineStore>();
            var options = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<BackupOptions>>().Value;
            var target = to ?? options.FolderFor(store.FilePath);
            var backup = StoreBackup.Write(store, CuratorAuthentication.KeysDirectory(store.FilePath).FullName, target, DateTimeOffset.UtcNow);
            if (to is null)
                BackupFolder.Prune(target, options.Keep);
            output.WriteLine($"Backed up {backup.Manifest?.Events} events, {backup.Manifest?.Articles} articles and {Accounts(backup.Manifest?.Accounts ?? 0)} to {backup.FullPath} ({backup.Bytes:N0} bytes).");
            return Task.FromResult(0);
        }
        catch (Exception e) when (e is BackupException or StoreFullException)
        {
            error.WriteLine(e.Message);
            return Task.FromResult(1);
        }
    }

    public static string Accounts(int count) => count == 1 ? "1 account" : $"{count} accounts";

    private static int Fail(TextWriter error, string message)
    {
        error.WriteLine(message);
        error.WriteLine(Usage);
        return 2;
    }
}
