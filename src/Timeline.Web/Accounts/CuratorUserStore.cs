using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Timeline.Core.Data;
using Timeline.Core.Domain;

namespace Timeline.Web.Accounts;

/// <summary>
/// ASP.NET Core Identity's storage for curator accounts, over the app's own DbContext. Written here because
/// Microsoft.AspNetCore.Identity.EntityFrameworkCore does not restore from this package feed. Each call uses
/// a fresh context, so the store is safe in circuits and requests alike.
/// </summary>
public sealed class CuratorUserStore(IDbContextFactory<TimelineDbContext> contexts) :
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

    public async Task<IdentityResult> CreateAsync(CuratorAccount user, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.CuratorAccounts.AnyAsync(a => a.NormalizedUserName == user.NormalizedUserName, cancellationToken))
            return IdentityResult.Failed(new IdentityErrorDescriber().DuplicateUserName(user.UserName));
        db.CuratorAccounts.Add(user);
        await db.SaveChangesAsync(cancellationToken);
        return IdentityResult.Success;
    }

    public async Task<IdentityResult> UpdateAsync(CuratorAccount user, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.CuratorAccounts.Update(user);
        await db.SaveChangesAsync(cancellationToken);
        return IdentityResult.Success;
    }

    public async Task<IdentityResult> DeleteAsync(CuratorAccount user, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.CuratorAccounts.Where(a => a.Id == user.Id).ExecuteDeleteAsync(cancellationToken);
        return IdentityResult.Success;
    }

    public async Task<CuratorAccount?> FindByIdAsync(string userId, CancellationToken cancellationToken)
    {
        if (!int.TryParse(userId, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            return null;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.CuratorAccounts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
    }

    public async Task<CuratorAccount?> FindByNameAsync(string normalizedUserName, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.CuratorAccounts.AsNoTracking().SingleOrDefaultAsync(a => a.NormalizedUserName == normalizedUserName, cancellationToken);
    }

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
