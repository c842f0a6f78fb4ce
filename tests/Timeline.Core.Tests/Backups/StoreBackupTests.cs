using System.IO.Compression;
using Timeline.Core.Backups;
using Timeline.Core.Curation;
using Timeline.Core.Dates;
using Timeline.Core.Storage;
using Timeline.Tests.Support;

namespace Timeline.Core.Tests.Backups;

/// <summary>Backups taken from a store in use and restored, on real LiteDB files in temp folders.</summary>
public sealed class StoreBackupTests : IAsyncLifetime
{
    private readonly string folder = TestStore.NewFolder();
    private TestStore database = null!;

    private string Backups => Path.Combine(folder, "backups");
    private string Keys => Path.Combine(database.Folder, "timeline-keys");

    public async Task InitializeAsync()
    {
        database = await TestStore.CreateSeededAsync();
        Directory.CreateDirectory(Keys);
        await File.WriteAllTextAsync(Path.Combine(Keys, "key-1.xml"), "<key id=\"1\" />");
    }

    public async Task DisposeAsync()
    {
        await database.DisposeAsync();
        await TempFolders.DeleteAsync(folder);
    }

    private static EventForm NewEvent(string title) => new() { Title = title, Start = new PartialDateInput { Precision = DatePrecision.Year, Year = 2024 } };

    /// <summary>Runs its action on the copying thread at the first report of progress, that is while the copy holds its transaction.</summary>
    private sealed class DuringCopy(Action action) : IProgress<double>
    {
        private bool done;

        public void Report(double value)
        {
            if (done)
                return;
            done = true;
            action();
        }
    }

    [Fact]
    public async Task Saves_and_checkpoints_go_on_during_a_backup_which_holds_the_store_as_it_was_when_it_began()
    {
        var before = database.Store.Events.Count();
        var savedDuring = false;
        var backup = StoreBackup.Write(database.Store, Keys, Backups, DateTimeOffset.UtcNow, new DuringCopy(() =>
        {
            // Another thread saves (and checkpoints) while this one copies: neither waits for the copy.
            savedDuring = Task.Run(async () =>
            {
                Assert.IsType<Saved>(await database.Events().SaveAsync(NewEvent("Saved while the backup ran"), "ada"));
                database.Store.Checkpoint();
            }).Wait(TimeSpan.FromSeconds(10));
        }));
        Assert.True(savedDuring);
        Assert.Equal(before + 1, database.Store.Events.Count());
        Assert.Equal(before, backup.Manifest!.Events);
        Assert.Equal(database.Store.StoreId, backup.Manifest.StoreId);

        var target = Path.Combine(folder, "restored", "timeline.db");
        var report = StoreRestore.Restore(backup.FullPath, target, Path.Combine(folder, "restored", "timeline-keys"), DateTimeOffset.UtcNow);
        Assert.Equal(before, report.Events);
        Assert.Null(report.ReplacedKeptAt);
        using var restored = TimelineStore.Open(target);
        Assert.Equal(before, restored.Events.Count());
        Assert.Empty(StoreAudit.Check(restored));
        Assert.DoesNotContain(restored.Events.FindAll(), e => e.Title == "Saved while the backup ran");
        Assert.Equal("<key id=\"1\" />", File.ReadAllText(Path.Combine(folder, "restored", "timeline-keys", "key-1.xml")));
    }

    [Fact]
    public async Task A_restore_puts_the_backup_in_place_and_keeps_the_replaced_store_aside()
    {
        var backup = StoreBackup.Write(database.Store, Keys, Backups, DateTimeOffset.UtcNow);
        Assert.IsType<Saved>(await database.Events().SaveAsync(NewEvent("After the backup"), "ada"));
        var events = database.Store.Events.Count();
        database.Close();
        File.WriteAllText(Path.Combine(Keys, "key-2.xml"), "<key id=\"2\" />");

        var report = StoreRestore.Restore(backup.FullPath, database.Path, Keys, new DateTimeOffset(2026, 12, 3, 18, 0, 0, TimeSpan.Zero));

        Assert.Equal(Path.Combine(database.Folder, "timeline-before-restore-20261203-180000"), report.ReplacedKeptAt);
        Assert.True(File.Exists(Path.Combine(report.ReplacedKeptAt!, "timeline.db")));
        Assert.True(File.Exists(Path.Combine(report.ReplacedKeptAt!, "timeline-keys", "key-2.xml")));
        Assert.Equal(["key-1.xml"], Directory.GetFiles(Keys).Select(Path.GetFileName));
        Assert.False(Directory.Exists(Path.Combine(database.Folder, "timeline-search")));
        Assert.Empty(Directory.GetFiles(database.Folder, "*.restoring*"));
        using (var aside = TimelineStore.Open(Path.Combine(report.ReplacedKeptAt!, "timeline.db")))
            Assert.Equal(events, aside.Events.Count());
        database.Reopen(); // the search index is rebuilt, as the app does at start
        Assert.Equal(events - 1, database.Store.Events.Count());
        Assert.Equal(events - 1, report.Events);
        Assert.NotEmpty(database.Search().Search("Jenin").Hits);
    }

    [Fact]
    public void A_running_store_is_not_replaced()
    {
        var backup = StoreBackup.Write(database.Store, Keys, Backups, DateTimeOffset.UtcNow);
        var error = Assert.Throws<BackupException>(() => StoreRestore.Restore(backup.FullPath, database.Path, Keys, DateTimeOffset.UtcNow));
        Assert.Contains("The app is running on", error.Message);
        Assert.Contains("stop it first", error.Message);
        Assert.True(database.Store.Events.Count() > 0);
    }

    public static TheoryData<string, string> Refused => new()
    {
        { "missing", "There is no file" },
        { "text", "is not a Timeline backup, or it is damaged" },
        { "foreign-zip", "is not a Timeline backup: it has no backup.json written by Timeline" },
        { "no-store", "is not a Timeline backup: it holds no timeline.db" },
        { "damaged", "is damaged: its store does not match the checksum it was written with" },
        { "newer", "was written by a newer version of Timeline" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void A_foreign_or_damaged_file_is_refused_with_a_message_and_the_store_is_left_alone(string kind, string message)
    {
        var good = StoreBackup.Write(database.Store, Keys, Backups, DateTimeOffset.UtcNow);
        var bad = Path.Combine(folder, "bad.zip");
        Build(kind, good.FullPath, bad);
        database.Close();
        var before = File.ReadAllBytes(database.Path);

        var error = Assert.Throws<BackupException>(() => StoreRestore.Restore(bad, database.Path, Keys, DateTimeOffset.UtcNow));

        Assert.Contains(message, error.Message);
        Assert.Equal(before, File.ReadAllBytes(database.Path));
        Assert.Empty(Directory.GetDirectories(database.Folder, "timeline-before-restore-*"));
        Assert.Empty(Directory.GetFiles(database.Folder, "*.restoring*"));
        Assert.True(File.Exists(Path.Combine(Keys, "key-1.xml")));
        database.Reopen();
    }

    private static void Build(string kind, string good, string bad)
    {
        switch (kind)
        {
            case "missing":
                return;
            case "text":
                File.WriteAllText(bad, "not a zip at all");
                return;
            case "foreign-zip":
                using (var zip = ZipFile.Open(bad, ZipArchiveMode.Create))
                    zip.CreateEntry("readme.txt");
                return;
        }
        File.Copy(good, bad);
        using var archive = ZipFile.Open(bad, ZipArchiveMode.Update);
        switch (kind)
        {
            case "no-store":
                archive.GetEntry(BackupManifest.StoreEntryName)!.Delete();
                break;
            case "damaged":
                var entry = archive.GetEntry(BackupManifest.StoreEntryName)!;
                byte[] bytes;
                using (var read = entry.Open())
                using (var copy = new MemoryStream())
                {
                    read.CopyTo(copy);
                    bytes = copy.ToArray();
                }
                bytes[bytes.Length / 2] ^= 0xFF;
                entry.Delete();
                using (var write = archive.CreateEntry(BackupManifest.StoreEntryName).Open())
                    write.Write(bytes);
                break;
            case "newer":
                var manifestEntry = archive.GetEntry(BackupManifest.EntryName)!;
                BackupManifest manifest;
                using (var read = manifestEntry.Open())
                    manifest = BackupManifest.Parse(read)!;
                manifestEntry.Delete();
                using (var writer = new StreamWriter(archive.CreateEntry(BackupManifest.EntryName).Open()))
                    writer.Write((manifest with { FormatVersion = BackupManifest.CurrentFormatVersion + 1 }).ToJson());
                break;
        }
    }

    [Fact]
    public void The_folder_lists_finished_backups_newest_first_keeps_the_newest_and_drops_unfinished_ones()
    {
        var start = new DateTimeOffset(2026, 12, 1, 3, 0, 0, TimeSpan.Zero);
        for (var day = 0; day < 4; day++)
            StoreBackup.Write(database.Store, Keys, Backups, start.AddDays(day));
        var twin = StoreBackup.Write(database.Store, Keys, Backups, start.AddDays(3));
        Assert.Equal("timeline-backup-20261204-030000-2.zip", twin.Name);
        File.WriteAllText(Path.Combine(Backups, "timeline-backup-20261205-030000.zip.partial"), "cut off");
        File.WriteAllText(Path.Combine(Backups, "notes.txt"), "not a backup");

        var listed = BackupFolder.List(Backups, readManifests: true);
        Assert.Equal(5, listed.Count);
        Assert.Equal(start.AddDays(3), listed[0].TakenAt);
        Assert.All(listed, b => Assert.Equal(18, b.Manifest!.Events));

        Assert.Equal(2, BackupFolder.Prune(Backups, keep: 3));
        Assert.Equal(["timeline-backup-20261204-030000-2.zip", "timeline-backup-20261204-030000.zip", "timeline-backup-20261203-030000.zip"],
            BackupFolder.List(Backups).Select(b => b.Name));

        StoreBackup.Write(database.Store, Keys, Backups, start.AddDays(5));
        Assert.Empty(Directory.GetFiles(Backups, "*.partial"));
        Assert.True(File.Exists(Path.Combine(Backups, "notes.txt")));
    }

    [Theory]
    [InlineData("timeline-backup-20261203-180501.zip", true)]
    [InlineData("timeline-backup-20261203-180501-2.zip", true)]
    [InlineData("timeline-backup-20261203-180501.zip.partial", false)]
    [InlineData("../timeline-backup-20261203-180501.zip", false)]
    [InlineData("timeline.db", false)]
    [InlineData("", false)]
    public void Only_a_finished_backups_name_is_one(string name, bool isBackup) => Assert.Equal(isBackup, BackupFolder.IsBackupName(name));
}
