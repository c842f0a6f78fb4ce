using System.Globalization;
using System.IO.Compression;
using System.Text.RegularExpressions;

namespace Timeline.Core.Backups;

/// <summary>A backup in the backup folder: its file name, size, when it was taken and, when readable, its manifest.</summary>
public sealed record BackupFile(string Name, string FullPath, long Bytes, DateTimeOffset TakenAt, BackupManifest? Manifest);

/// <summary>
/// The backup folder: finished backups are named "timeline-backup-20261203-180501.zip" (UTC); one being written has
/// ".partial" after that, so it is never listed, downloaded or restored, and is removed before the next backup starts
/// (a process killed while writing leaves it behind).
/// </summary>
public static partial class BackupFolder
{
    public const string UnfinishedSuffix = ".partial";

    [GeneratedRegex(@"^timeline-backup-(\d{8}-\d{6})(?:-(\d{1,3}))?\.zip$", RegexOptions.CultureInvariant)]
    private static partial Regex FinishedName();

    /// <summary>True for the name of a finished backup, and nothing else: no path, no other file of the folder.</summary>
    public static bool IsBackupName(string? name) => name is not null && FinishedName().IsMatch(name);

    /// <summary>The finished backups, newest first.</summary>
    public static IReadOnlyList<BackupFile> List(string folder, bool readManifests = false)
    {
        if (!Directory.Exists(folder))
            return [];
        return [.. new DirectoryInfo(folder).EnumerateFiles("timeline-backup-*.zip")
            .Where(f => IsBackupName(f.Name))
            .Select(f => new BackupFile(f.Name, f.FullName, f.Length, TakenAt(f.Name), readManifests ? ReadManifest(f.FullName) : null))
            .OrderByDescending(b => b.TakenAt).ThenByDescending(b => Number(b.Name))];
    }

    /// <summary>The finished backup called <paramref name="name"/>, or null (also for any name that is not a backup's).</summary>
    public static BackupFile? Find(string folder, string? name) =>
        IsBackupName(name) ? List(folder).FirstOrDefault(b => b.Name == name) : null;

    /// <summary>A new backup's file name for <paramref name="now"/>, numbered when one of that second exists.</summary>
    public static string NewName(string folder, DateTimeOffset now)
    {
        var stem = "timeline-backup-" + now.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        var name = stem + ".zip";
        for (var n = 2; File.Exists(Path.Combine(folder, name)) || File.Exists(Path.Combine(folder, name + UnfinishedSuffix)); n++)
            name = $"{stem}-{n}.zip";
        return name;
    }

    /// <summary>Deletes all but the newest <paramref name="keep"/> backups; returns how many it deleted.</summary>
    public static int Prune(string folder, int keep)
    {
        var old = List(folder).Skip(Math.Max(1, keep)).ToList();
        foreach (var backup in old)
            File.Delete(backup.FullPath);
        return old.Count;
    }

    /// <summary>Deletes what a backup cut off by a crash left behind.</summary>
    public static void RemoveUnfinished(string folder)
    {
        if (!Directory.Exists(folder))
            return;
        foreach (var file in Directory.EnumerateFiles(folder, "timeline-backup-*" + UnfinishedSuffix))
            File.Delete(file);
    }

    /// <summary>The manifest of a backup, or null when the file is not a readable Timeline backup.</summary>
    public static BackupManifest? ReadManifest(string path)
    {
        try
        {
            using var zip = ZipFile.OpenRead(path);
            using var json = zip.GetEntry(BackupManifest.EntryName)?.Open();
            return json is null ? null : BackupManifest.Parse(json);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The second backup of one second is "-2", and so on.</summary>
    private static int Number(string name) => FinishedName().Match(name).Groups[2] is { Success: true } n ? int.Parse(n.Value, CultureInfo.InvariantCulture) : 1;

    private static DateTimeOffset TakenAt(string name) =>
        DateTime.ParseExact(FinishedName().Match(name).Groups[1].Value, "yyyyMMdd-HHmmss", CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
