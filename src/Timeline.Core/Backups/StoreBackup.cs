using System.IO.Compression;
using Timeline.Core.Storage;

namespace Timeline.Core.Backups;

/// <summary>
/// Takes a backup: one zip with the store's file (a consistent copy taken while the app runs, see
/// <see cref="TimelineStore.CopyTo"/>), the data-protection keys and <see cref="BackupManifest"/>. Written under a
/// temporary name, flushed to the disk, then renamed: a backup that is listed is a whole one.
/// </summary>
public static class StoreBackup
{
    public static BackupFile Write(TimelineStore store, string? keysDirectory, string folder, DateTimeOffset now,
        IProgress<double>? progress = null, CancellationToken cancellation = default)
    {
        Directory.CreateDirectory(folder);
        BackupFolder.RemoveUnfinished(folder);
        var name = BackupFolder.NewName(folder, now);
        var path = Path.Combine(folder, name);
        var unfinished = path + BackupFolder.UnfinishedSuffix;
        try
        {
            using (var file = new FileStream(unfinished, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                using (var zip = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: true))
                {
                    StoreCopy copy;
                    // Fastest: the store compresses to about a third at this level (performance.md), twice as fast as the default.
                    using (var entry = zip.CreateEntry(BackupManifest.StoreEntryName, CompressionLevel.Fastest).Open())
                        copy = store.CopyTo(entry, progress, cancellation);
                    if (keysDirectory is not null && Directory.Exists(keysDirectory))
                    {
                        foreach (var key in Directory.EnumerateFiles(keysDirectory, "*.xml"))
                            zip.CreateEntryFromFile(key, BackupManifest.KeysFolderName + Path.GetFileName(key));
                    }
                    var manifest = new BackupManifest(BackupManifest.FormatName, BackupManifest.CurrentFormatVersion, store.StoreId,
                        store.Version, now, copy.Bytes, copy.Sha256, copy.Events, copy.Articles, copy.Accounts);
                    using var writer = new StreamWriter(zip.CreateEntry(BackupManifest.EntryName).Open());
                    writer.Write(manifest.ToJson());
                }
                file.Flush(flushToDisk: true);
            }
            File.Move(unfinished, path);
            return new BackupFile(name, path, new FileInfo(path).Length, now, BackupFolder.ReadManifest(path));
        }
        catch (Exception e)
        {
            TryDelete(unfinished);
            if (e is IOException or UnauthorizedAccessException)
                throw new BackupException($"The backup could not be written to {folder}: {e.Message}", e);
            throw;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // the next backup removes it (BackupFolder.RemoveUnfinished)
        }
    }
}
