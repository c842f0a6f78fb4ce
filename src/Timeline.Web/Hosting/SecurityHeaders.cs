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
    /// <summary>Reader pages, the sign-in page and everything else outside the curator area.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; style-src-attr 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; " +
        "frame-ancestors 'none'";

    /// <summary>
    /// The curator area also allows inline style elements: each MudSnackbar message writes one, holding its fade's
    /// @keyframes under a random name, so neither a hash nor a nonce can cover it (MudBlazor #4529). Readers keep
    /// the stricter policy; the curator area's links to reader pages and back load a new document
    /// (data-enhance-nav="false"), so each document keeps the policy of its own area.
    /// </summary>
    public const string CuratorContentSecurityPolicy = ContentSecurityPolicy + "; style-src-elem 'self' 'unsafe-inline'";

    /// <summary>The curator area: its own policy here, its own stylesheets and scripts in App.razor.</summary>
    public static bool IsCuratorArea(PathString path) => path.StartsWithSegments("/curate");

    public Task InvokeAsync(HttpContext context)
    {
        var policy = IsCuratorArea(context.Request.Path) ? CuratorContentSecurityPolicy : ContentSecurityPolicy;
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = policy;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers.XFrameOptions = "DENY";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            return Task.CompletedTask;
        });
        return next(context);
    }
}
