using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using Timeline.Core.Publishing;
using Timeline.Core.Text;

namespace Timeline.Web.Hosting;

/// <summary>The app's public URLs, in one place so that links, canonical tags and redirects agree.</summary>
public sealed class SiteUrls(IOptions<TimelineOptions> options)
{
    public static string Event(string slug) => "/events/" + Uri.EscapeDataString(slug);
    public static string Era(string slug) => "/eras/" + Uri.EscapeDataString(slug);
    public static string Article(int id) => "/articles/" + id;
    public static string Passage(int articleId, int linkId) => $"{Article(articleId)}#{PassageAnchor(linkId)}";
    public static string PassageAnchor(int linkId) => "passage-" + linkId;
    /// <summary>An article's original address, only when it is plain http(s): never a script or data URL.</summary>
    public static string? External(string? url) => WebAddress.Http(url)?.ToString();

    public static string InTimeline(string slug) => $"/?focus={Uri.EscapeDataString(slug)}#{Uri.EscapeDataString(slug)}";

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
