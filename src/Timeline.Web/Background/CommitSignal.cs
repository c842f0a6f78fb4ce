using Timeline.Core.Storage;

namespace Timeline.Web.Background;

/// <summary>
/// Wakes a background service after the store commits: <see cref="TimelineStore.Committed"/> releases a semaphore
/// that holds at most one wake-up, so a burst of commits wakes the service once, not once each.
/// </summary>
public sealed class CommitSignal : IDisposable
{
    private readonly TimelineStore store;
    private readonly SemaphoreSlim committed = new(0);

    public CommitSignal(TimelineStore store)
    {
        this.store = store;
        store.Committed += OnCommitted;
    }

    private void OnCommitted()
    {
        if (committed.CurrentCount == 0)
            committed.Release();
    }

    /// <summary>Waits for a commit since the last wait, or for <paramref name="timeout"/>.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => committed.WaitAsync(timeout, cancellationToken);

    public void Dispose()
    {
        store.Committed -= OnCommitted;
        committed.Dispose();
    }
}
