using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Components.Forms;

namespace Timeline.Web.Security;

/// <summary>
/// Makes an antiforgery token only when a form asks for one. The framework's default provider also
/// persists a token into every server-rendered page for interactive components that might need it,
/// which sets a cookie and "Cache-Control: no-store" on every public page and encrypts state per
/// request: pages that should be shared, cached and cheap became none of those. Forms (which render
/// &lt;AntiforgeryToken /&gt; or are posted to the server) still get their token and are still validated.
/// </summary>
public sealed class OnDemandAntiforgeryStateProvider(IAntiforgery antiforgery, IHttpContextAccessor accessor) : AntiforgeryStateProvider
{
    public override AntiforgeryRequestToken? GetAntiforgeryToken()
    {
        if (accessor.HttpContext is not { } context)
            return null; // inside a circuit there is no HTTP request to protect
        var tokens = antiforgery.GetAndStoreTokens(context);
        return tokens.RequestToken is null ? null : new AntiforgeryRequestToken(tokens.RequestToken, tokens.FormFieldName);
    }
}
