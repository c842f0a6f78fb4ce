using Timeline.Core.Addresses;

namespace Timeline.Web.Security;

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

    /// <summary>
    /// The API reference page (Scalar, served from the app's own files at /api) starts its bundle with an inline module
    /// script, allowed by a nonce made per request, and its bundle writes style elements (Tailwind, its theme) that
    /// take no nonce. The page shows the API's own OpenAPI document and nothing a curator or reader wrote.
    /// </summary>
    public static string ApiReferencePolicy(string nonce) =>
        ContentSecurityPolicy.Replace("script-src 'self'", $"script-src 'self' 'nonce-{nonce}'").Replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");

    public const string NonceItem = "csp-nonce";

    /// <summary>The embeddable timeline's policy: the readers' one, but any site may frame it.</summary>
    public const string EmbedContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; style-src-attr 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; " +
        "frame-ancestors *";

    /// <summary>The embeddable timeline: the only page any site may frame.</summary>
    public static bool IsEmbed(PathString path) => path.StartsWithSegments("/embed");

    /// <summary>/api and Scalar's files under it (its page also answers /api/v1, the document's name); not the API
    /// itself (/api/v1/…).</summary>
    public static bool IsApiReference(PathString path) =>
        path.StartsWithSegments("/api") && !(path.StartsWithSegments("/api/v1", out var rest) && rest.Value is { Length: > 1 });

    /// <summary>The curator area: its own policy here, its own stylesheets and scripts in App.razor.</summary>
    public static bool IsCuratorArea(PathString path) => path.StartsWithSegments(CuratorPaths.Home);

    public Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        var policy = IsCuratorArea(path) ? CuratorContentSecurityPolicy : IsEmbed(path) ? EmbedContentSecurityPolicy : ContentSecurityPolicy;
        if (IsApiReference(path))
        {
            // Hex, not base64: "+" and "/" would be written into the page as character references.
            var nonce = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
            context.Items[NonceItem] = nonce;
            policy = ApiReferencePolicy(nonce);
        }
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = policy;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            if (!IsEmbed(path))
                headers.XFrameOptions = "DENY";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            return Task.CompletedTask;
        });
        return next(context);
    }
}
