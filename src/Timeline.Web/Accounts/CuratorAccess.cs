using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Timeline.Core.Domain;

namespace Timeline.Web.Accounts;

/// <summary>A signed-in curator as the store has them now.</summary>
public sealed record CuratorUser(int Id, string Name, string Role);

/// <summary>
/// Whether a signed-in principal may act as a curator with a role, decided by the account as stored now: it must
/// exist, not be disabled, carry the security stamp the sign-in was made with (a password reset or a change of
/// role or access renews it), and hold the role. Every curator component asks this before it loads anything and
/// again before each change; the router's [Authorize] alone is not enough, since a component can be started
/// without the router (from a server-component marker replayed in another page).
/// </summary>
public sealed class CuratorAccess(UserManager<CuratorAccount> users)
{
    public async Task<CuratorUser?> CheckAsync(ClaimsPrincipal? principal, string role)
    {
        if (principal?.Identity?.IsAuthenticated != true || !CuratorRoles.IsKnown(role))
            return null;
        var account = await users.GetUserAsync(principal);
        if (account is null || account.IsDisabled)
            return null;
        if (principal.FindFirstValue(users.Options.ClaimsIdentity.SecurityStampClaimType) != account.SecurityStamp)
            return null;
        if (role == CuratorRoles.Admin && account.Role != CuratorRoles.Admin)
            return null;
        return new CuratorUser(account.Id, account.UserName, account.Role);
    }
}
