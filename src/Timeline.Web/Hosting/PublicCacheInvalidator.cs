using Microsoft.AspNetCore.OutputCaching;
using Timeline.Core.Curation;
using Timeline.Core.Reading;

namespace Timeline.Web.Hosting;

/// <summary>After an editor's change: drops the cached reader pages and filter choices, so readers see it on their next request.</summary>
public sealed class PublicCacheInvalidator(IOutputCacheStore outputCache, TimelineQueries queries) : IContentChangeListener
{
    public async Task ContentChangedAsync(CancellationToken cancellationToken = default)
    {
        queries.ForgetFacets();
        await outputCache.EvictByTagAsync(TimelineApp.PublicPageTag, cancellationToken);
    }
}
