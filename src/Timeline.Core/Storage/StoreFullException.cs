namespace Timeline.Core.Storage;

/// <summary>A write refused because the store's disk is (nearly) full: nothing was written; it works again once space is freed.</summary>
public sealed class StoreFullException(string path, long free, long floor, Exception? inner = null)
    : Exception($"Not saved: the disk that holds the store has {free / 1048576.0:0.#} MB free, below the {floor / 1048576.0:0.#} MB the app keeps " +
                $"in reserve ({Path.GetDirectoryName(path)}). Nothing was written. Free some space on it, then save again.", inner)
{
    public long FreeBytes { get; } = free;
}
