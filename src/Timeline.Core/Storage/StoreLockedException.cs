namespace Timeline.Core.Storage;

/// <summary>The store's file is held by another process (or another store object in this one).</summary>
public sealed class StoreLockedException(string path, Exception inner)
    : Exception($"The timeline store {path} is in use by another process: its lock file {path}.lock is held. " +
                "Stop that process first, or give this one another store (ConnectionStrings:Timeline, or --db PATH).", inner);
