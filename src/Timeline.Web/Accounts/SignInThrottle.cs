using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Timeline.Web.Hosting;
using Timeline.Web.Publishing;

namespace Timeline.Web.Accounts;

/// <summary>
/// How many sign-in attempts one client address may make a minute (Timeline:SignInAttemptsPerMinute). The lockout
/// after five failures protects one account; this keeps one client from trying many accounts. Behind a proxy named
/// in Timeline:Proxies the client is the one it forwards for, so one reader's guessing does not lock out the newsroom.
/// </summary>
public sealed class SignInThrottle(IOptions<TimelineOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> limiter = PartitionedRateLimiter.Create<string, string>(client =>
        RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, options.Value.SignInAttemptsPerMinute), Window = TimeSpan.FromMinutes(1), QueueLimit = 0,
        }));

    /// <summary>True, counting the attempt, when the client may try to sign in now.</summary>
    public bool TryAttempt(HttpContext? context)
    {
        using var lease = limiter.AttemptAcquire(PublishingServices.ClientOf(context?.Connection.RemoteIpAddress));
        if (!lease.IsAcquired)
            Core.Diagnostics.TimelineMetrics.RateLimitRefusals.Add(1, new KeyValuePair<string, object?>("limit", "sign-in"));
        return lease.IsAcquired;
    }

    public void Dispose() => limiter.Dispose();
}
