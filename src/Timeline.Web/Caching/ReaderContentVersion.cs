using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.AspNetCore.Http.Headers;
using Microsoft.Net.Http.Headers;

namespace Timeline.Web.Caching;

/// <summary>
/// The version of everything a reader page shows. Each reader page's content follows from the published
/// timeline alone, so one counter, moved on every change a curator makes, validates them all: its ETag and
/// Last-Modified change when (and only when) the content may have. The ETag also names this process, so a
/// restart (perhaps with new page templates) never answers "not modified" for a page rendered before it.
/// </summary>
public sealed class ReaderContentVersion(TimeProvider clock)
{
    private readonly string process = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(4));
    private readonly Lock gate = new();
    private long changes;
    private DateTimeOffset lastModified = WholeSeconds(clock.GetUtcNow());
    private (EntityTagHeaderValue ETag, DateTimeOffset LastModified)? current;

    /// <summary>The validators, made once per change (every request reads them; only a save moves them).</summary>
    public (EntityTagHeaderValue ETag, DateTimeOffset LastModified) Current
    {
        get
        {
            lock (gate)
                return current ??= (new EntityTagHeaderValue($"\"{process}-{changes}\"", isWeak: true), lastModified);
        }
    }

    /// <summary>After a change is visible to readers (caches evicted, search caught up).</summary>
    public void Changed()
    {
        lock (gate)
        {
            changes++;
            // HTTP dates count whole seconds: a second change within the same second still moves Last-Modified on,
            // so a client that only sends If-Modified-Since is not told its copy of the first is current.
            var now = WholeSeconds(clock.GetUtcNow());
            lastModified = now > lastModified ? now : lastModified.AddSeconds(1);
            current = null;
        }
    }

    private static DateTimeOffset WholeSeconds(DateTimeOffset time) => new(time.Ticks - time.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
}
