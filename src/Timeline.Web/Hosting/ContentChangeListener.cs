using Timeline.Web.Caching;
using Microsoft.AspNetCore.OutputCaching;
using Timeline.Core.Curation;
using Timeline.Core.Reading;
using Timeline.Core.Search;

namespace Timeline.Web.Hosting;

/// <summary>
/// After an editor's change: indexes it for search at once (so the saving curator's next search shows it), then
/// drops the cached reader pages and filter choices and moves their HTTP validators on, so readers see it on their
/// next request.
/// </summary>
public sealed class ContentChangeListener(IOutputCacheStore outputCache, TimelineQueries queries, SearchIndexer indexer, ReaderContentVersion version,
    ILogger<ContentChangeListener> logger) : IContentChangeListener
{
    public async Task ContentChangedAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await indexer.CatchUpAsync(cancellationToken);
        }
        catch (IOException e)
        {
            // The change is stored; only its search entry waits (a full disk, say): it stays in the outbox and the
            // indexer's loop tries again. The save must not be reported as failed, or the curator would make it twice.
            logger.LogError(e, "A stored change could not be made searchable yet; it will be tried again.");
        }
        queries.ForgetFacets();
        await outputCache.EvictByTagAsync(TimelineApp.PublicPageTag, cancellationToken);
        version.Changed(); // browsers and a CDN revalidating now get the new pages
    }
}
