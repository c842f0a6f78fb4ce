using Timeline.Core.Backups;
using Timeline.Core.Generation;
using Timeline.Core.Storage;
using Timeline.Tests.Support;
using Xunit.Abstractions;

namespace Timeline.EndToEnd.Tests.Durability;

/// <summary>
/// kill -9 while the running app writes a backup: the app (a real process, backing itself up every second) is killed
/// the moment a backup's temporary file appears. Afterwards no cut-off backup is listed, every listed one restores
/// whole, the next start works and its next backup clears what the kill left; the store itself is intact.
/// </summary>
public sealed class BackupCrashTests(ITestOutputHelper output)
{
    private const int Kills = 3;

    [Fact]
    public async Task A_backup_cut_off_by_kill_9_is_never_listed_and_the_store_the_older_backups_and_the_next_start_are_intact()
    {
        var folder = TestStore.NewFolder();
        Directory.CreateDirectory(folder);
        var store = TestStore.StoreFile(folder);
        var backups = Path.Combine(folder, "backups");
        var generated = SyntheticTimeline.Generate(store, new(Events: 3_000, Articles: 600, Seed: 5));
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__Timeline"] = $"Filename={store}",
            ["Timeline__Backups__Folder"] = backups,
            ["Timeline__Backups__Interval"] = "00:00:01",
            ["Timeline__Backups__Keep"] = "3",
            ["Timeline__ReadArticleDatesInBackground"] = "false",
        };
        var cutOff = 0;
        try
        {
            for (var run = 1; run <= Kills; run++)
            {
                var newestBefore = BackupFolder.List(backups).FirstOrDefault()?.Name;
                var leftByTheKill = Directory.Exists(backups) ? Directory.GetFiles(backups, "*.partial") : [];
                await using (var app = AppProcess.Start(AppProcess.BuildOutput, folder, environment))
                {
                    await app.ListeningAsync();
                    // The next start backs up again, and that backup clears what the last kill left.
                    await WaitForAsync(() => BackupFolder.List(backups).FirstOrDefault()?.Name != newestBefore, "a new backup", app);
                    Assert.All(leftByTheKill, left => Assert.False(File.Exists(left), $"{left} is still there"));
                    await WaitForAsync(() => Directory.GetFiles(backups, "*.partial").Length > 0, "a backup under way", app, pollMilliseconds: 2);
                    await app.KillAsync();
                }
                if (Directory.GetFiles(backups, "*.partial").Length > 0)
                    cutOff++;
                var listed = BackupFolder.List(backups);
                Assert.NotEmpty(listed);
                foreach (var backup in listed)
                {
                    var target = Path.Combine(folder, "check", backup.Name, "timeline.db");
                    var report = StoreRestore.Restore(backup.FullPath, target, Path.Combine(folder, "check", backup.Name, "keys"), DateTimeOffset.UtcNow);
                    Assert.Equal(generated.Events, report.Events);
                    Directory.Delete(Path.Combine(folder, "check"), recursive: true);
                }
                output.WriteLine($"run {run}: {listed.Count} backups listed, all whole; {Directory.GetFiles(backups, "*.partial").Length} cut off");
            }
            Assert.True(cutOff > 0, "no kill landed inside a backup");
            using var opened = TimelineStore.Open(store);
            Assert.Equal(generated.Events, opened.Events.Count());
            Assert.Empty(StoreAudit.Check(opened));
        }
        finally
        {
            await TempFolders.DeleteAsync(folder);
        }
    }

    private static async Task WaitForAsync(Func<bool> condition, string what, AppProcess app, int pollMilliseconds = 50)
    {
        var until = DateTime.UtcNow.AddSeconds(60);
        while (!condition())
        {
            if (DateTime.UtcNow > until || app.HasExited)
                throw new InvalidOperationException($"No {what} within a minute.\n{app.Output}");
            await Task.Delay(pollMilliseconds);
        }
    }
}
