using LiteDB;
using Timeline.Core.Storage;

namespace Timeline.Web.Hosting;

/// <summary>
/// A reader's request that meets LiteDB closed after an I/O error (a disk that filled up under a save: LiteDB
/// 5.0.20 closes itself then, and every later call throws) gets the store reopened and is answered again, once:
/// readers keep being served while the disk is full. Only GET and HEAD, which change nothing, are run again.
/// </summary>
public sealed class StoreRecovery(RequestDelegate next, TimelineStore store, ILogger<StoreRecovery> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!HttpMethods.IsGet(context.Request.Method))
        {
            await next(context);
            return;
        }
        try
        {
            await next(context);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or LiteException && !context.Response.HasStarted && !store.Answers && store.Recover())
        {
            logger.LogWarning(e, "The store failed under a request and was reopened; answering it again.");
            context.Response.Clear();
            context.SetEndpoint(null);
            await next(context);
        }
    }
}
