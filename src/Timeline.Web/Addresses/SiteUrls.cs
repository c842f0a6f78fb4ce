using Timeline.Web.Hosting;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using Timeline.Core.Addresses;
using Timeline.Core.Text;

namespace Timeline.Web.Addresses;

/// <summary>The site's absolute addresses: from the configured public address, else the request's. The paths
/// themselves are <see cref="ReaderPaths"/> and <see cref="CuratorPaths"/>.</summary>
public sealed class SiteUrls(IOptions<TimelineOptions> options)
{
    /// <summary>An article's original address, only when it is plain http(s): never a script or data URL.</summary>
    public static string? External(string? url) => WebAddress.Http(url)?.ToString();

    /// <summary>An absolute URL: the configured public address when there is one, else the request's.</summary>
    public string Absolute(NavigationManager navigation, string path) => new Uri(BaseUri(navigation.BaseUri), path.TrimStart('/')).ToString();

    /// <summary>The site's links for feeds, exports and the API: from the configured public address, else the request's.</summary>
    public SiteLinks Links(HttpRequest request) => new(BaseUri($"{request.Scheme}://{request.Host}{request.PathBase}/"));

    private Uri BaseUri(string requestBase)
    {
        var configured = options.Value.PublicBaseUrl;
        return new Uri((string.IsNullOrWhiteSpace(configured) ? requestBase : configured).TrimEnd('/') + "/");
    }
}
