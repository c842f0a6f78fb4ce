using Microsoft.Extensions.DependencyInjection;
using Timeline.Core.Storage;
using Timeline.Tests.Support;
using Timeline.Web.Accounts;
using Timeline.Web.Cli;

namespace Timeline.Web.Tests.Cli;

/// <summary>
/// users, export, import-timelinejs and backup while the app runs: the command line asks the running app (through
/// its owner-only socket) instead of opening the store beside it, and says and exits exactly as when the app is stopped.
/// </summary>
public sealed class RunningAppCommandTests : IAsyncLifetime
{
    private readonly TimelineWebFactory running = new();
    private readonly string stopped = TestStore.NewFolder();
    private readonly string scratch = TestStore.NewFolder();

    public Task InitializeAsync()
    {
        _ = running.Services; // starts the app, its command channel with it
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await running.DisposeAsync();
        await TempFolders.DeleteAsync(stopped);
        await TempFolders.DeleteAsync(scratch);
    }

    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "timelinejs", name);

    /// <summary>One command on the store at <paramref name="db"/>: its exit code and what it wrote, folder names made alike.</summary>
    private async Task<(int Code, string Output, string Error)> RunAsync(string db, string stdin, params string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var code = args[0] switch
        {
            "users" => await UsersCommand.RunAsync([.. args[1..], "--db", db], new StringReader(stdin), output, error),
            "export" => await ExportCommand.RunAsync([.. args[1..], "--db", db], output, error),
            "import-timelinejs" => await ImportTimelineJsCommand.RunAsync([.. args[1..], "--db", db], output, error),
            _ => await BackupCommand.RunAsync([.. args[1..], "--db", db], output, error),
        };
        string Alike(string text) => text.Replace(Path.GetDirectoryName(db)!, "STORE").Replace(scratch, "SCRATCH");
        return (code, Alike(output.ToString()), Alike(error.ToString()));
    }

    private async Task<List<(int, string, string)>> ScriptAsync(string db, string name)
    {
        var export = Path.Combine(scratch, name, "export");
        return
        [
            await RunAsync(db, Curators.Password + "\n", "users", "add", "cli-editor"),
            await RunAsync(db, Curators.Password + "\n", "users", "add", "cli-editor"),
            await RunAsync(db, "short\n", "users", "add", "cli-short"),
            await RunAsync(db, "", "users", "disable", "cli-editor"),
            await RunAsync(db, "", "users", "list"),
            await RunAsync(db, "", "users", "role", "cli-editor", "Chief"),
            await RunAsync(db, "", "users", "promote", "cli-editor"),
            await RunAsync(db, "", "import-timelinejs", Fixture("newsroom.json"), "--publish"),
            await RunAsync(db, "", "import-timelinejs", Fixture("bad-entries.json")),
            await RunAsync(db, "", "export", "--to", export.Replace(Path.Combine(scratch, name), Path.Combine(scratch, "same"))),
        ];
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task The_commands_run_in_the_running_app_and_say_and_exit_as_they_do_with_the_app_stopped()
    {
        var socket = ControlChannel.SocketPath(running.StorePath);
        Assert.True(File.Exists(socket));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(socket));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(ControlChannel.Folder(running.StorePath)));

        var whileRunning = await ScriptAsync(running.StorePath, "running");
        // Done by the running app, on its one store: it sees the account at once.
        await using (var scope = running.Services.CreateAsyncScope())
            Assert.Contains(scope.ServiceProvider.GetRequiredService<CuratorAccounts>().List(), a => a.UserName == "cli-editor" && a.IsDisabled);
        Assert.Contains(running.Services.GetRequiredService<TimelineStore>().Events.FindAll(), e => e.Title == "Talks stall");
        Directory.Delete(Path.Combine(scratch, "same"), recursive: true);

        var whileStopped = await ScriptAsync(TestStore.StoreFile(stopped), "stopped");

        Assert.Equal(whileStopped, whileRunning);
        Assert.Equal([0, 1, 1, 0, 0, 1, 2, 0, 1, 0], whileRunning.Select(r => r.Item1));
        Assert.Contains("Created Editor account \"cli-editor\".", whileRunning[0].Item2);
        Assert.Matches(@"cli-editor\s+Editor\s+disabled", whileRunning[4].Item2);
        Assert.Contains("Imported 4 event(s) as published", whileRunning[7].Item2);
        Assert.Contains("Exported ", whileRunning[9].Item2);
    }

    [Fact]
    public async Task A_backup_asked_of_the_running_app_is_taken_without_stopping_it()
    {
        var (code, output, error) = await RunAsync(running.StorePath, "", "backup", "--to", Path.Combine(scratch, "backups"));
        Assert.Equal((0, ""), (code, error));
        Assert.Matches(@"^Backed up 18 events, 5 articles and \d+ accounts? to SCRATCH/backups/timeline-backup-\d{8}-\d{6}\.zip \([\d,]+ bytes\)\.\n$", output);
        // Not a second engine on the store: the lock is the running app's, and the app still answers.
        Assert.Throws<StoreLockedException>(() => TimelineStore.Open(running.StorePath));
        Assert.True(running.Services.GetRequiredService<TimelineStore>().Events.Count() >= 18);
    }
}
