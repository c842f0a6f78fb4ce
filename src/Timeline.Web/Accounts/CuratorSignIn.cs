using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Timeline.Core.Domain;

namespace Timeline.Web.Accounts;

/// <summary>
/// Signing a curator in with name and password. Every attempt takes one path: the password is checked against
/// the account's hash (or a decoy's, for an unknown name) before the account's state is looked at, and a failure
/// is answered no sooner than <see cref="FailureFloor"/> after it began. So an unknown name, a wrong password, a
/// locked and a disabled account all cost the same time, and the time does not tell an attacker which names exist.
/// (Identity's PasswordSignInAsync answers a locked account before hashing: about 3 ms against 80.)
/// </summary>
public sealed class CuratorSignIn(UserManager<CuratorAccount> users, SignInManager<CuratorAccount> signIn, TimeProvider clock)
{
    /// <summary>Longer than a password hash and a failure count's write on a slow disk.</summary>
    public static readonly TimeSpan FailureFloor = TimeSpan.FromMilliseconds(400);

    private static readonly CuratorAccount DecoyAccount = new() { UserName = "", NormalizedUserName = "" };
    private static readonly string DecoyHash = new PasswordHasher<CuratorAccount>().HashPassword(DecoyAccount, Guid.NewGuid().ToString());

    public async Task<bool> SignInAsync(string userName, string password)
    {
        var started = Stopwatch.GetTimestamp();
        var account = await users.FindByNameAsync(userName.Trim());
        var check = users.PasswordHasher.VerifyHashedPassword(account ?? DecoyAccount, account?.PasswordHash ?? DecoyHash, password);
        var passwordMatches = account is not null && check != PasswordVerificationResult.Failed;
        if (account is not null && !await users.IsLockedOutAsync(account)) // disabled reads as locked out for ever
        {
            if (passwordMatches)
            {
                if (check == PasswordVerificationResult.SuccessRehashNeeded)
                    account.PasswordHash = users.PasswordHasher.HashPassword(account, password);
                await users.ResetAccessFailedCountAsync(account); // stores the account, with a new hash if there is one
                await signIn.SignInAsync(account, isPersistent: false);
                return true;
            }
            await users.AccessFailedAsync(account); // the fifth failure locks the account
        }
        var remaining = FailureFloor - Stopwatch.GetElapsedTime(started);
        // Rounded up: timers count whole milliseconds and drop the fraction, which answered in 399.96 ms.
        if (remaining > TimeSpan.Zero)
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Ceiling(remaining.TotalMilliseconds)), clock);
        return false;
    }
}
