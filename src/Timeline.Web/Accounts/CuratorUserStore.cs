using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Timeline.Core.Domain;
using Timeline.Core.Storage;

namespace Timeline.Web.Accounts;

/// <summary>
/// ASP.NET Core Identity's storage for curator accounts, in the store's "accounts" collection. Written here
/// because no Identity store for LiteDB exists in the package feed. Writes go through the store's write gate.
/// Identity's interfaces ask for tasks; LiteDB's work is synchronous, so every answer is a completed task.
/// </summary>
public sealed class CuratorUserStore(TimelineStore store) :
    IUserPasswordStore<CuratorAccount>, IUserSecurityStampStore<CuratorAccount>, IUserLockoutStore<CuratorAccount>
{
    public Task<string> GetUserIdAsync(CuratorAccount user, CancellationToken cancellationToken) =>
        Task.FromResult(user.Id.ToString(CultureInfo.InvariantCulture));

    public Task<string?> GetUserNameAsync(CuratorAccount user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.UserName);

    public Task SetUserNameAsync(CuratorAccount user, string? userName, CancellationToken cancellationToken)
    {
        user.UserName = userName ?? "";
        return Task.CompletedTask;
    }

    public Task<string?> GetNormalizedUserNameAsync(CuratorAccount user, CancellationToken cancellationToken) =>
        Task.FromResult<string?>(user.NormalizedUserName);

    public Task SetNormalizedUserNameAsync(CuratorAccount user, string? normalizedName, CancellationToken cancellationToken)
    {
        user.NormalizedUserName = normalizedName ?? "";
        return Task.CompletedTask;
    }

    public Task<IdentityResult> CreateAsync(CuratorAccount user, CancellationToken cancellationToken) => Task.FromResult(store.Write(tx =>
    {
        if (store.AccountByName(user.NormalizedUserName).Exists())
            return IdentityResult.Failed(new IdentityErrorDescriber().DuplicateUserName(user.UserName));
        user.Id = tx.NextIntId("accounts");
        store.Accounts.Insert(user);
        return IdentityResult.Success;
    }));

    public Task<IdentityResult> UpdateAsync(CuratorAccount user, CancellationToken cancellationToken) => Task.FromResult(store.Write(tx =>
    {
        // A rename to a name another account holds would break the unique index: say so instead.
        if (store.AccountByName(user.NormalizedUserName).FirstOrDefault() is { } other && other.Id != user.Id)
            return IdentityResult.Failed(new IdentityErrorDescriber().DuplicateUserName(user.UserName));
        return store.Accounts.Update(user) ? IdentityResult.Success : IdentityResult.Failed(new IdentityError { Description = "This account no longer exists." });
    }));

    public Task<IdentityResult> DeleteAsync(CuratorAccount user, CancellationToken cancellationToken)
    {
        store.Write(tx => tx.Store.Accounts.Delete(user.Id));
        return Task.FromResult(IdentityResult.Success);
    }

    public Task<CuratorAccount?> FindByIdAsync(string userId, CancellationToken cancellationToken) =>
        Task.FromResult(int.TryParse(userId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? store.Accounts.FindById(id) : null);

    public Task<CuratorAccount?> FindByNameAsync(string normalizedUserName, CancellationToken cancellationToken) =>
        Task.FromResult<CuratorAccount?>(store.AccountByName(normalizedUserName).FirstOrDefault());

    public Task SetPasswordHashAsync(CuratorAccount user, string? passwordHash, CancellationToken cancellationToken)
    {
        user.PasswordHash = passwordHash;
        return Task.CompletedTask;
    }

    public Task<string?> GetPasswordHashAsync(CuratorAccount user, CancellationToken cancellationToken) => Task.FromResult(user.PasswordHash);

    public Task<bool> HasPasswordAsync(CuratorAccount user, CancellationToken cancellationToken) => Task.FromResult(user.PasswordHash is not null);

    public Task SetSecurityStampAsync(CuratorAccount user, string stamp, CancellationToken cancellationToken)
    {
        user.SecurityStamp = stamp;
        return Task.CompletedTask;
    }

    public Task<string?> GetSecurityStampAsync(CuratorAccount user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.SecurityStamp);

    // A disabled account reads as locked out for ever, so Identity refuses its sign-in like any lockout.
    public Task<DateTimeOffset?> GetLockoutEndDateAsync(CuratorAccount user, CancellationToken cancellationToken) =>
        Task.FromResult(user.IsDisabled ? DateTimeOffset.MaxValue : user.LockoutEnd);

    public Task SetLockoutEndDateAsync(CuratorAccount user, DateTimeOffset? lockoutEnd, CancellationToken cancellationToken)
    {
        user.LockoutEnd = lockoutEnd;
        return Task.CompletedTask;
    }

    public Task<int> IncrementAccessFailedCountAsync(CuratorAccount user, CancellationToken cancellationToken) =>
        Task.FromResult(++user.AccessFailedCount);

    public Task ResetAccessFailedCountAsync(CuratorAccount user, CancellationToken cancellationToken)
    {
        user.AccessFailedCount = 0;
        return Task.CompletedTask;
    }

    public Task<int> GetAccessFailedCountAsync(CuratorAccount user, CancellationToken cancellationToken) => Task.FromResult(user.AccessFailedCount);

    public Task<bool> GetLockoutEnabledAsync(CuratorAccount user, CancellationToken cancellationToken) => Task.FromResult(true);

    public Task SetLockoutEnabledAsync(CuratorAccount user, bool enabled, CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose()
    {
    }
}

/// <summary>Adds the account's role claims: Admin carries Editor too, so every editor page admits admins.</summary>
public sealed class CuratorClaimsFactory(UserManager<CuratorAccount> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<CuratorAccount>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(CuratorAccount user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(Options.ClaimsIdentity.RoleClaimType, CuratorRoles.Editor));
        if (user.Role == CuratorRoles.Admin)
            identity.AddClaim(new Claim(Options.ClaimsIdentity.RoleClaimType, CuratorRoles.Admin));
        return identity;
    }
}
