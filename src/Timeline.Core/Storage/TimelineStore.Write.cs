using System.Diagnostics;
using LiteDB;
using Microsoft.Extensions.Logging;
using Timeline.Core.Diagnostics;

namespace Timeline.Core.Storage;

public sealed partial class TimelineStore
{
    /// <summary>
    /// Writes are refused while the store's disk has less free space than this (bytes; 0: never). LiteDB closes its
    /// engine for the rest of the process on any I/O error, a full disk's included, so a write should not start where
    /// it might not finish: refused here, it loses nothing, and saves work again once space is freed. A write the disk
    /// fills up under anyway (another program taking the space meanwhile) fails whole, and <see cref="Recover"/>
    /// reopens the store.
    /// </summary>
    public long FreeSpaceFloor { get; set; }

    /// <summary>The free space of the disk that holds the store, in bytes (null for a store in memory).</summary>
    public long? FreeSpace => lockFile is null ? null : new DriveInfo(Path.GetDirectoryName(FilePath)!).AvailableFreeSpace;

    /// <summary>True while the store's disk has less free space than <see cref="FreeSpaceFloor"/>: writes are refused then.</summary>
    public bool BelowFloor(out long free)
    {
        free = FreeSpace ?? long.MaxValue;
        return FreeSpaceFloor > 0 && free < FreeSpaceFloor;
    }

    /// <summary>Set when a write found LiteDB closed after an I/O error and it could not be reopened yet.</summary>
    private volatile bool engineFailed;

    /// <summary>
    /// Runs <paramref name="work"/> as the only writer, in one transaction: all of it is stored, or (on an
    /// exception) none of it. <paramref name="work"/> is synchronous on purpose: LiteDB's transactions belong to
    /// the thread that began them, so nothing may be awaited inside.
    /// </summary>
    public T Write<T>(Func<StoreTransaction, T> work)
    {
        var started = Stopwatch.GetTimestamp();
        if (BelowFloor(out var free))
        {
            TimelineMetrics.Saves.Add(1, new KeyValuePair<string, object?>("outcome", "refused"));
            throw new StoreFullException(FilePath, free, FreeSpaceFloor);
        }
        T result;
        lock (writeGate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            // LiteDB 5.0.20 may acknowledge a commit and fail to write its log afterwards, on its queue's thread (a
            // disk filled meanwhile): it has closed itself then, and the next call of any kind throws.
            if ((engineFailed || !engine.Answers()) && !Reopen())
                throw new IOException($"The store {FilePath} could not be reopened after an I/O error; see the log.");
            if (!Database.BeginTrans())
                throw new InvalidOperationException("A transaction is already open on this thread: store writes may not nest.");
            try
            {
                result = work(new StoreTransaction(this));
                Database.Commit();
            }
            catch (Exception e)
            {
                TimelineMetrics.Saves.Add(1, new KeyValuePair<string, object?>("outcome", "failed"));
                try
                {
                    Database.Rollback();
                }
                catch (Exception) when (!engine.Answers())
                {
                    // LiteDB has closed itself: nothing of this transaction was confirmed in its log
                }
                if (e is IOException or LiteException && !engine.Answers())
                    throw Failed(e);
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

    /// <summary>After LiteDB closed itself on an I/O error (in the write gate): reopens it, so that readers are served
    /// again at once, and says why the write failed, in words when the disk is full.</summary>
    private Exception Failed(Exception error)
    {
        logger.LogError(error, "LiteDB closed the store {Path} after an I/O error; reopening it.", FilePath);
        engineFailed = true;
        Reopen();
        var free = FreeSpace ?? long.MaxValue;
        var floor = Math.Max(FreeSpaceFloor, 1 << 20);
        return free < floor ? new StoreFullException(FilePath, free, floor, error) : error;
    }

    /// <summary>False when LiteDB has closed itself after an I/O error and the store is not reopened yet.</summary>
    public bool Answers => engine.Answers();

    /// <summary>
    /// Reopens LiteDB on the store's file when it has closed itself after an I/O error (the health check asks too);
    /// true when the store answers. Opening writes nothing, so it works on a full disk; what the failed write left in
    /// the log is unconfirmed and skipped, as after a crash. The lock file is held throughout.
    /// </summary>
    public bool Recover()
    {
        lock (writeGate)
            return !disposed && (engine.Answers() || Reopen());
    }

    private bool Reopen()
    {
        try
        {
            engine.Database.Dispose();
        }
        catch (Exception e) when (e is IOException or LiteException or ObjectDisposedException)
        {
            // already closed by LiteDB
        }
        try
        {
            engine = new StoreEngine(OpenDatabase(FilePath));
            engineFailed = false;
            logger.LogWarning("Reopened the store {Path} after an I/O error.", FilePath);
            return true;
        }
        catch (Exception e) when (e is IOException or LiteException)
        {
            logger.LogError(e, "The store {Path} could not be reopened yet.", FilePath);
            engineFailed = true;
            return false;
        }
    }

    /// <summary>Merges the write-ahead log into the data file. LiteDB does it by itself only when no reader is open, so
    /// under steady reading the log would grow without end; a background service calls this every few minutes. Not
    /// while a backup copies the file, nor below the free-space floor (a checkpoint that the disk cannot take would
    /// close LiteDB).</summary>
    public void Checkpoint()
    {
        lock (writeGate)
        {
            if (disposed || copying || engineFailed || BelowFloor(out _))
                return;
            try
            {
                Database.Checkpoint();
            }
            catch (Exception e) when (e is IOException or LiteException && !engine.Answers())
            {
                Failed(e);
            }
        }
    }
}
