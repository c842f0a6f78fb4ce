using Timeline.Tests.Support;
using Timeline.Web.Cli;

namespace Timeline.Web.Tests.Cli;

public sealed class BackupCommandTests
{
    [Fact]
    public async Task A_backup_from_the_command_line_restores_with_the_same_events_and_accounts()
    {
        await using var database = await TestStore.CreateSeededAsync();
        var accounts = database.Store.Accounts.Count();
        database.Close();
        var (output, error) = (new StringWriter(), new StringWriter());

        Assert.Equal(0, await BackupCommand.RunAsync(["--db", database.Path], output, error));
        Assert.Contains("Backed up 18 events, 5 articles and", output.ToString());
        var backup = Directory.GetFiles(Path.Combine(database.Folder, "timeline-backups"), "timeline-backup-*.zip").Single();
        Assert.Contains(backup, output.ToString());

        var target = Path.Combine(database.Folder, "restored.db");
        Assert.Equal(0, await RestoreCommand.RunAsync(["--from", backup, "--db", target], output, error));
        Assert.Contains($"Restored {target} from {backup}", output.ToString());
        Assert.Contains($"18 events, 5 articles, {BackupCommand.Accounts(accounts)}.", output.ToString());
        Assert.Contains("rebuilds its search index", output.ToString());
        Assert.Equal("", error.ToString());

        // Over an existing store: the replaced one is kept aside, and the command says where.
        Assert.Equal(0, await RestoreCommand.RunAsync(["--from", backup, "--db", database.Path], output, error));
        Assert.Contains("The store it replaced is kept in " + Path.Combine(database.Folder, "timeline-before-restore-"), output.ToString());

        Assert.Equal(2, await RestoreCommand.RunAsync(["--db", target], output, error));
        Assert.Contains("--from is required", error.ToString());
        Assert.Contains("--help", error.ToString());
        Assert.Equal(1, await RestoreCommand.RunAsync(["--from", target, "--db", database.Path], output, error));
        Assert.Contains("is not a Timeline backup", error.ToString());

        database.Reopen();
        Assert.Equal(18, database.Store.Events.Count());
        // While the app holds the store: a restore refuses, saying to stop it.
        Assert.Equal(1, await RestoreCommand.RunAsync(["--from", backup, "--db", database.Path], output, error));
        Assert.Contains("The app is running on", error.ToString());
    }
}
