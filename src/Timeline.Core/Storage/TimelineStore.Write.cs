using System.Diagnostics;
using Timeline.Core.Diagnostics;

namespace Timeline.Core.Storage;

public sealed partial class TimelineStore
{
    /// <summary>
    /// Writes are refused while the store's disk has less free space than this (bytes; 0: never). LiteDB closes its
    /// engine for the rest of the process on any I/O error, a full disk's included, so a write must not start
    /// where it might not finish: refused here, it loses nothing, and saves work again once space is freed.
    /// </summary>
    public long FreeSpaceFloor { get; set; }

    /// <summary>The free space of the disk that holds the store, in bytes (null for a store in memory).</summary>
    public long? FreeSpace => lockFile is null ? null : new DriveInfo(Path.GetDirectoryName(FilePath)!).AvailableFreeSpace;

    /// <summary>
    /// Runs <paramref name="work"/> as the only writer, in one transaction: all of it is stored, or (on an
    /// exception) none of it. <paramref name="work"/> is synchronous on purpose: LiteDB's transactions belong to
    /// the thread that began them, so nothing may be awaited inside.
    /// </summary>
    public T Write<T>(Func<StoreTransaction, T> work)
    {
        var started = Stopwatch.GetTimestamp();
        if (FreeSpaceFloor > 0 && FreeSpace is { } free && free < FreeSpaceFloor)
        {
            TimelineMetrics.Saves.Add(1, new KeyValuePair<string, object?>("outcome", "refused"));
            throw new StoreFullException(FilePath, free, FreeSpaceFloor);
        }
        T result;
        lock (writeGate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            if (!Database.BeginTrans())
                throw new InvalidOperationException("A transaction is already open on this thread: store writes may not nest.");
            try
            {
                result = work(new StoreTransaction(this));
                Database.Commit();
            }
            catch
            {
                Database.Rollback();
                TimelineMetrics.Saves.Add(1, new KeyValuePair<string, object?>("outcome", "failed"));
                throw;
            }
        }
        TimelineMetrics.Saves.Add(1, new KeyValuePair<string, object?>("outcome", "committed"));
        TimelineMetrics.SaveDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
        Committed?.Invoke();
        return result;
    }

    public void Write(Action<StoreTransaction> work) => Write<bool>(tx =>
    {
        work(tx);
        return true;
    });

    /// <summary>Merges the write-ahead log into the data file. LiteDB does it by itself only when no reader is open, so
    /// under steady reading the log would grow without end; a background service calls this every few minutes.</summary>
    public void Checkpoint()
    {
        lock (writeGate)
        {
            if (!disposed && !copying)
                Database.Checkpoint();
        }
    }

}
