using Timeline.Web.Publishing;

namespace Timeline.Web.Hosting;

/// <summary>Puts the request's client (after <see cref="TrustedProxies"/>: the real one behind a named proxy) into the
/// log scope, so every line logged for the request says whom it served, beside the request id ASP.NET Core adds.</summary>
public sealed class ClientLogScope(RequestDelegate next, ILogger<ClientLogScope> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        using (logger.BeginScope(new Dictionary<string, object?> { ["Client"] = PublishingServices.ClientOf(context.Connection.RemoteIpAddress) }))
            await next(context);
    }
}
