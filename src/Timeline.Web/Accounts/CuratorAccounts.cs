using Microsoft.AspNetCore.Identity;
using LiteDB;
using Timeline.Core.Domain;
using Timeline.Core.Storage;

namespace Timeline.Web.Accounts;

public sealed record AccountRow(int Id, string UserName, string Role, bool IsDisabled, DateTimeOffset? LockedUntil, DateTimeOffset CreatedAt);

/// <summary>
/// Managing curator accounts, for the admin page, the setup page and the `users` command alike. Errors come
/// back as text to show; a change of password, role or access renews the security stamp, which signs the
/// account out of every browser within a minute.
/// </summary>
public sealed class CuratorAccounts(UserManager<CuratorAccount> users, TimelineStore store, TimeProvider clock)
{
    /// <summary>Every account by name (the accounts of one newsroom: a short list).</summary>
    public IReadOnlyList<AccountRow> List()
    {
        var now = clock.GetUtcNow();
        IReadOnlyList<AccountRow> rows = [.. store.AccountsByName().ToEnumerable()
            .Select(a => new AccountRow(a.Id, a.UserName, a.Role, a.IsDisabled, a.LockoutEnd > now ? a.LockoutEnd : null, a.CreatedAt))];
        return rows;
    }

    public bool Any() => store.Accounts.Exists(Query.All());

    /// <summary>What a user name that is empty or too long is told (the form says it too, on leaving the field empty).</summary>
    public static readonly string UserNameLength = $"A user name needs 1 to {Limits.UserNameLength} characters.";

    public async Task<IReadOnlyList<string>> CreateAsync(string userName, string role, string password)
    {
        if (!CuratorRoles.IsKnown(role))
            return [$"The role must be {CuratorRoles.Editor} or {CuratorRoles.Admin}."];
        if (userName.Trim().Length is 0 or > Limits.UserNameLength)
            return [UserNameLength];
        var account = new CuratorAccount { UserName = userName.Trim(), NormalizedUserName = "", Role = role, CreatedAt = clock.GetUtcNow() };
        return Errors(await users.CreateAsync(account, password));
    }

    public async Task<IReadOnlyList<string>> ResetPasswordAsync(string userName, string password)
    {
        if (await users.FindByNameAsync(userName) is not { } account)
            return [NoSuchAccount(userName)];
        // Checked first, so that a refused password leaves the old one in place.
        foreach (var validator in users.PasswordValidators)
        {
            var check = await validator.ValidateAsync(users, account, password);
            if (!check.Succeeded)
                return Errors(check);
        }
        account.PasswordHash = users.PasswordHasher.HashPassword(account, password);
        account.AccessFailedCount = 0;
        account.LockoutEnd = null;
        return Errors(await users.UpdateSecurityStampAsync(account));
    }

    public async Task<IReadOnlyList<string>> SetDisabledAsync(string userName, bool disabled)
    {
        if (await users.FindByNameAsync(userName) is not { } account)
            return [NoSuchAccount(userName)];
        if (disabled && account.Role == CuratorRoles.Admin && !account.IsDisabled && ActiveAdminCount() <= 1)
            return ["This is the last active admin: make another admin first, or nobody could manage accounts."];
        account.IsDisabled = disabled;
        if (!disabled)
            (account.AccessFailedCount, account.LockoutEnd) = (0, null);
        return Errors(await users.UpdateSecurityStampAsync(account));
    }

    public async Task<IReadOnlyList<string>> SetRoleAsync(string userName, string role)
    {
        if (!CuratorRoles.IsKnown(role))
            return [$"The role must be {CuratorRoles.Editor} or {CuratorRoles.Admin}."];
        if (await users.FindByNameAsync(userName) is not { } account)
            return [NoSuchAccount(userName)];
        if (account.Role == role)
            return [];
        if (role != CuratorRoles.Admin && !account.IsDisabled && ActiveAdminCount() <= 1)
            return ["This is the last active admin: make another admin first, or nobody could manage accounts."];
        account.Role = role;
        return Errors(await users.UpdateSecurityStampAsync(account));
    }

    private int ActiveAdminCount() =>
        store.Accounts.Count(a => a.Role == CuratorRoles.Admin && !a.IsDisabled);

    private static string NoSuchAccount(string userName) => $"There is no account named \"{userName}\".";

    private static IReadOnlyList<string> Errors(IdentityResult result) => [.. result.Errors.Select(e => e.Description)];
}
