using Timeline.Web.Hosting;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.OutputCaching;

namespace Timeline.Web.Security;

/// <summary>
/// Blazor's endpoint invoker stores antiforgery tokens on every page it renders (a cookie plus
/// "Cache-Control: no-cache, no-store"). The cached public pages (event, storyline, article) have no form to
/// protect, and a cookie would both stop them being cached and, if cached, hand one token to everyone.
/// So for a GET of such a page no token is stored; every other request, and every validation, goes to the
/// framework's own implementation unchanged.
/// </summary>
public sealed class PublicPageAntiforgery(IAntiforgery inner) : IAntiforgery
{
    public AntiforgeryTokenSet GetAndStoreTokens(HttpContext httpContext) =>
        IsCachedPublicPage(httpContext) ? new AntiforgeryTokenSet(null, null, "__RequestVerificationToken", null) : inner.GetAndStoreTokens(httpContext);

    public AntiforgeryTokenSet GetTokens(HttpContext httpContext) => inner.GetTokens(httpContext);

    public Task<bool> IsRequestValidAsync(HttpContext httpContext) => inner.IsRequestValidAsync(httpContext);

    public Task ValidateRequestAsync(HttpContext httpContext) => inner.ValidateRequestAsync(httpContext);

    public void SetCookieTokenAndHeader(HttpContext httpContext) => inner.SetCookieTokenAndHeader(httpContext);

    private static bool IsCachedPublicPage(HttpContext context) =>
        (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
        && context.GetEndpoint()?.Metadata.GetMetadata<OutputCacheAttribute>()?.PolicyName == TimelineApp.PublicPagePolicy;

    /// <summary>Wraps the registered IAntiforgery (the framework's internal implementation) in this class.</summary>
    public static void Decorate(IServiceCollection services)
    {
        var registration = services.Last(d => d.ServiceType == typeof(IAntiforgery));
        services.Remove(registration);
        services.AddSingleton<IAntiforgery>(provider => new PublicPageAntiforgery(
            (IAntiforgery)ActivatorUtilities.CreateInstance(provider, registration.ImplementationType!)));
    }
}
