using System.Security.Cryptography;
using System.Text;

namespace Timeline.Web.Accounts;

/// <summary>
/// The one-time secret of the setup link (/setup?token=…), made at start while no account exists and
/// written to the log. It creates the first admin once; after that, or after a restart, it is gone.
/// </summary>
public sealed class SetupToken
{
    private readonly Lock gate = new();
    private string? token;

    public string Issue()
    {
        lock (gate)
            return token ??= Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
    }

    public bool IsValid(string? candidate)
    {
        lock (gate)
            return token is not null && candidate is not null
                && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(token), Encoding.UTF8.GetBytes(candidate));
    }

    /// <summary>True once, for the request that uses the token; the token is then gone.</summary>
    public bool TryConsume(string? candidate)
    {
        lock (gate)
        {
            if (!IsValid(candidate))
                return false;
            token = null;
            return true;
        }
    }

    /// <summary>Gives a consumed token back, when creating the admin failed (a too-short password, say).</summary>
    public void Restore(string candidate)
    {
        lock (gate)
            token ??= candidate;
    }

    public void Revoke()
    {
        lock (gate)
            token = null;
    }
}
