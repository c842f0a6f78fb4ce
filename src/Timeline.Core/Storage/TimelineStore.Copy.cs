using System.Security.Cryptography;

namespace Timeline.Core.Storage;

public sealed partial class TimelineStore
{
    /// <summary>True while <see cref="CopyTo"/> reads the data file: the periodic checkpoint waits for the next round.</summary>
    private volatile bool copying;

    /// <summary>
    /// Writes a consistent copy of the store's file to <paramref name="destination"/> without holding up readers, and
    /// holding up saves only for a checkpoint. How, from LiteDB 5.0.20's source: every commit goes to the log file
    /// (timeline-log.db) and only a checkpoint writes the data file; a checkpoint needs LiteDB's exclusive lock, which
    /// an open transaction on any thread keeps it from taking (WalIndexService.TryCheckpoint, LockService). So: under
    /// the write gate, checkpoint (the data file then holds every acknowledged save) and open a transaction on this
    /// thread; let go of the gate (saves go on, into the log); copy the data file; end the transaction. Our own periodic
    /// <see cref="Checkpoint"/> skips while the copy runs, since it would wait for it and hold every reader up meanwhile
    /// (a waiting writer blocks new readers of a ReaderWriterLockSlim). Synchronous: the transaction belongs to
    /// this thread. Returns what was copied: its size, SHA-256 and counts read in the same transaction.
    /// </summary>
    public StoreCopy CopyTo(Stream destination, IProgress<double>? progress = null, CancellationToken cancellation = default)
    {
        lock (writeGate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            if (copying)
                throw new InvalidOperationException("The store is being copied already.");
            // The checkpoint below must not meet a full disk: LiteDB would close itself.
            if (BelowFloor(out var free))
                throw new StoreFullException(FilePath, free, FreeSpaceFloor);
            Database.Checkpoint();
            if (!Database.BeginTrans())
                throw new InvalidOperationException("A transaction is already open on this thread: the store cannot be copied from inside a write.");
            copying = true;
        }
        try
        {
            // Read in the copy's own transaction, so they count what the copied file holds.
            int events = Events.Count(), articles = Articles.Count(), accounts = Accounts.Count();
            using var source = new FileStream(FilePath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 16);
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[1 << 20];
            long length = source.Length, copied = 0;
            int read;
            while ((read = source.Read(buffer, 0, buffer.Length)) > 0)
            {
                cancellation.ThrowIfCancellationRequested();
                destination.Write(buffer, 0, read);
                hash.AppendData(buffer, 0, read);
                copied += read;
                progress?.Report(length == 0 ? 1 : (double)copied / length);
            }
            return new StoreCopy(copied, Convert.ToHexStringLower(hash.GetHashAndReset()), events, articles, accounts);
        }
        finally
        {
            // Ends the transaction (it wrote nothing) on the thread that began it, before anything may wait for it.
            Database.Rollback();
            copying = false;
        }
    }
}

/// <summary>What <see cref="TimelineStore.CopyTo"/> copied: the data file's size and SHA-256, and what it holds.</summary>
public sealed record StoreCopy(long Bytes, string Sha256, int Events, int Articles, int Accounts);
