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
public sealed class ContentChangeListener(IOutputCacheStore outputCache, TimelineQueries queries, SearchIndexer indexer, ReaderContentVersion version)
    : IContentChangeListener
{
    public async Task ContentChangedAsync(CancellationToken cancellationToken = default)
    {
        await indexer.CatchUpAsync(cancellationToken);
        queries.ForgetFacets();
        await outputCache.EvictByTagAsync(TimelineApp.PublicPageTag, cancellationToken);
        version.Changed(); // browsers and a CDN revalidating now get the new pages
    }
}
