namespace Timeline.Web.Accounts;

/// <summary>Written here because the framework's own check (RedirectHttpResult.IsLocalUrl) becomes public only in
/// .NET 10; on .NET 9 only MVC's IUrlHelper offers it. Move to the framework's when the project moves.</summary>
public static class LocalUrl
{
    /// <summary>
    /// True only for a path on this site ("/curate/events?x=1"): not "//host", "/\host", "https://host",
    /// or anything with control characters, which browsers may read as another host.
    /// </summary>
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(char.IsControl);

    public static string OrDefault(string? url, string fallback = "/curate") => IsLocal(url) ? url! : fallback;
}
