using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using Timeline.Core.Storage;

namespace Timeline.Core.Backups;

/// <summary>What a restore did: what the restored store holds, and where the store it replaced was put.</summary>
public sealed record RestoreReport(BackupManifest Manifest, int Events, int Articles, int Accounts, string? ReplacedKeptAt);

/// <summary>
/// Puts a backup in place of a stopped app's store. The backup is checked whole before anything is replaced: it must
/// be a zip with our manifest, its store must match the manifest's size and SHA-256 and open as a Timeline store with
/// the same id. The store it replaces (file, log and keys) is moved aside into "timeline-before-restore-…", and the
/// search index deleted: it is derived, and the app rebuilds it when it starts.
/// </summary>
public static class StoreRestore
{
    public static RestoreReport Restore(string backupPath, string storePath, string keysDirectory, DateTimeOffset now, IProgress<double>? progress = null)
    {
        storePath = Path.GetFullPath(storePath);
        if (!File.Exists(backupPath))
            throw new BackupException($"There is no file {backupPath}.");
        Directory.CreateDirectory(Path.GetDirectoryName(storePath)!);
        using var storeLock = LockStore(storePath);
        var incoming = storePath + ".restoring";
        try
        {
            var (manifest, keys) = Extract(backupPath, incoming, progress);
            var (events, articles, accounts) = Check(incoming, manifest, backupPath);
            var aside = SetAside(storePath, keysDirectory, now);
            File.Move(incoming, storePath);
            Directory.CreateDirectory(keysDirectory);
            foreach (var (name, bytes) in keys)
                File.WriteAllBytes(Path.Combine(keysDirectory, name), bytes);
            var index = TimelineStore.SiblingPath(storePath, "-search");
            if (Directory.Exists(index))
                Directory.Delete(index, recursive: true);
            return new RestoreReport(manifest, events, articles, accounts, aside);
        }
        finally
        {
            foreach (var left in new[] { incoming, incoming + ".lock", LogPath(incoming) })
                File.Delete(left);
        }
    }

    /// <summary>LiteDB's log beside a store file: timeline.db → timeline-log.db.</summary>
    public static string LogPath(string storePath) =>
        Path.Combine(Path.GetDirectoryName(storePath)!, Path.GetFileNameWithoutExtension(storePath) + "-log" + Path.GetExtension(storePath));

    /// <summary>Holds the store's lock file for the restore, as a running app holds it: refused while one runs.</summary>
    private static FileStream LockStore(string storePath)
    {
        try
        {
            return new FileStream(storePath + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e)
        {
            throw new BackupException($"The app is running on {storePath} (its lock file is held): stop it first. " +
                "A restore replaces the store's file, which a running app cannot let go of.", e);
        }
    }

    private static (BackupManifest Manifest, List<(string Name, byte[] Bytes)> Keys) Extract(string backupPath, string incoming, IProgress<double>? progress)
    {
        var notOurs = $"{backupPath} is not a Timeline backup";
        try
        {
            using var zip = ZipFile.OpenRead(backupPath);
            BackupManifest? manifest;
            using (var json = zip.GetEntry(BackupManifest.EntryName)?.Open())
                manifest = json is null ? null : BackupManifest.Parse(json);
            if (manifest is null)
                throw new BackupException($"{notOurs}: it has no {BackupManifest.EntryName} written by Timeline.");
            if (manifest.FormatVersion > BackupManifest.CurrentFormatVersion)
                throw new BackupException($"{backupPath} was written by a newer version of Timeline (backup format {manifest.FormatVersion}); restore it with that version.");
            var storeEntry = zip.GetEntry(BackupManifest.StoreEntryName)
                ?? throw new BackupException($"{notOurs}: it holds no {BackupManifest.StoreEntryName}.");
            string sha256;
            using (var source = storeEntry.Open())
            using (var target = new FileStream(incoming, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            using (var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
            {
                var buffer = new byte[1 << 20];
                long copied = 0;
                int read;
                while ((read = source.Read(buffer, 0, buffer.Length)) > 0)
                {
                    target.Write(buffer, 0, read);
                    hash.AppendData(buffer, 0, read);
                    copied += read;
                    progress?.Report(manifest.StoreBytes == 0 ? 1 : Math.Min(1, (double)copied / manifest.StoreBytes));
                }
                target.Flush(flushToDisk: true);
                sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
            }
            if (sha256 != manifest.StoreSha256)
                throw new BackupException($"{backupPath} is damaged: its store does not match the checksum it was written with.");
            var keys = zip.Entries
                .Where(e => e.FullName.StartsWith(BackupManifest.KeysFolderName, StringComparison.Ordinal) && e.Name.EndsWith(".xml", StringComparison.Ordinal)
                            && e.Name == e.FullName[BackupManifest.KeysFolderName.Length..])
                .Select(e =>
                {
                    using var stream = e.Open();
                    using var bytes = new MemoryStream();
                    stream.CopyTo(bytes);
                    return (e.Name, bytes.ToArray());
                })
                .ToList();
            return (manifest, keys);
        }
        catch (InvalidDataException e)
        {
            throw new BackupException($"{notOurs}, or it is damaged: {e.Message}", e);
        }
    }

    /// <summary>Opens the extracted store as the app would (upgrading an older one) and counts what it holds.</summary>
    private static (int Events, int Articles, int Accounts) Check(string incoming, BackupManifest manifest, string backupPath)
    {
        try
        {
            using var store = TimelineStore.Open(incoming);
            if (store.StoreId != manifest.StoreId)
                throw new BackupException($"{backupPath} is damaged: its store is not the one its manifest names.");
            return (store.Events.Count(), store.Articles.Count(), store.Accounts.Count());
        }
        catch (Exception e) when (e is LiteDB.LiteException or InvalidOperationException or IOException or StoreVersionException)
        {
            throw new BackupException(e is StoreVersionException ? e.Message : $"{backupPath} is damaged: its store cannot be opened ({e.Message}).", e);
        }
    }

    /// <summary>Moves the current store, its log and keys into a folder beside it; null when there was no store.</summary>
    private static string? SetAside(string storePath, string keysDirectory, DateTimeOffset now)
    {
        if (!File.Exists(storePath))
            return null;
        var stem = TimelineStore.SiblingPath(storePath, "-before-restore-" + now.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture));
        var aside = stem;
        for (var n = 2; Directory.Exists(aside); n++)
            aside = $"{stem}-{n}";
        Directory.CreateDirectory(aside);
        File.Move(storePath, Path.Combine(aside, Path.GetFileName(storePath)));
        if (File.Exists(LogPath(storePath)))
            File.Move(LogPath(storePath), Path.Combine(aside, Path.GetFileName(LogPath(storePath))));
        if (Directory.Exists(keysDirectory))
            Directory.Move(keysDirectory, Path.Combine(aside, Path.GetFileName(keysDirectory)));
        return aside;
    }
}
