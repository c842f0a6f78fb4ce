using Timeline.Web.Caching;
using Microsoft.Net.Http.Headers;
using Timeline.Core.Domain;
using Timeline.Core.Storage;
using Timeline.Web.Accounts;
using Timeline.Web.Hosting;

namespace Timeline.Web.Publishing;

/// <summary>
/// /media/{fileId}: an event's uploaded image, from the store's file storage. Readers get it once a published event
/// shows it, cached for good (the id is the image's hash, so the address never serves other bytes); a signed-in
/// curator also gets the images of drafts, uncached. Anyone else: 404, so nothing of a draft reaches a reader.
/// </summary>
public static class MediaEndpoint
{
    public static IEndpointRouteBuilder MapMedia(this IEndpointRouteBuilder app)
    {
        app.MapGet("/media/{fileId}", Serve).WithMetadata(new SetsOwnCacheHeaders());
        return app;
    }

    private static async Task<IResult> Serve(string fileId, HttpContext context, TimelineStore store, CuratorAccess access)
    {
        var events = store.EventsShowing(fileId).ToList();
        var published = events.Any(e => e.Status == EventStatus.Published);
        if (events.Count == 0 || (!published && await access.CheckAsync(context.User, CuratorRoles.Editor) is null))
            return Results.NotFound();
        var file = store.Media.FindById(fileId);
        if (file is null || events.First().Media?.ContentType is not { } contentType)
            return Results.NotFound();
        // Once public, an image stays in caches for a year even if its event is later withdrawn: its address is its
        // hash, known only to those who were shown it.
        context.Response.Headers.CacheControl = published ? "public, max-age=31536000, immutable" : "private, no-store";
        context.Response.Headers[HeaderNames.ContentDisposition] = "inline";
        return Results.Stream(file.OpenRead(), contentType, entityTag: new EntityTagHeaderValue($"\"{fileId}\""), enableRangeProcessing: true);
    }
}
