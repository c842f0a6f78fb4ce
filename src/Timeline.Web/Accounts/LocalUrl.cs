using Timeline.Core.Addresses;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Timeline.Web.Accounts;

/// <summary>Where to go after signing in: a path on this site, never another host.</summary>
public static class LocalUrl
{
    /// <summary>
    /// <paramref name="url"/> when it is a path on this site ("/curate/events?x=1"), judged by the framework's own
    /// check (not "//host", "/\host", "https://host", nor anything with control characters); otherwise the fallback.
    /// </summary>
    public static string OrDefault(string? url, string fallback = CuratorPaths.Home) =>
        RedirectHttpResult.IsLocalUrl(url) ? url! : fallback;
}
