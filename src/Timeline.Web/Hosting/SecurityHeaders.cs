namespace Timeline.Web.Hosting;

/// <summary>
/// Headers on every response. The policy allows only the site's own scripts (Blazor's, MudBlazor's and the
/// site's files, never inline script, so nothing in an article or summary can run) and the site's own
/// stylesheets (MudBlazor's theme is served as a file, /theme.css, not as style elements). Style attributes
/// stay allowed: MudBlazor's components set them (popover transitions, grid cells, inputs), and so do the
/// timeline's density bars and storyline colours.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; style-src-attr 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; " +
        "frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers.XFrameOptions = "DENY";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            return Task.CompletedTask;
        });
        return next(context);
    }
}
