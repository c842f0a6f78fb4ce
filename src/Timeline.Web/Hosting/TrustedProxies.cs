using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Timeline.Web.Hosting;

/// <summary>
/// X-Forwarded-For and X-Forwarded-Proto, believed only from the proxies an operator names ("Timeline:Proxies:
/// KnownProxies", addresses, and "KnownNetworks", CIDR ranges; none by default, not even loopback, which ASP.NET
/// Core trusts out of the box). From a named proxy, the client it forwards for becomes the request's address for
/// the rate limiter, the sign-in limit and the logs, and its scheme makes cookies Secure; from anyone else the
/// headers change nothing. A chain of named proxies (a CDN in front of nginx) is followed back to the first
/// address not named. This overrides ASPNETCORE_FORWARDEDHEADERS_ENABLED, which would trust every sender.
/// </summary>
public static class TrustedProxies
{
    public const string Section = "Timeline:Proxies";

    public static IServiceCollection AddTrustedProxies(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var proxies = Parse(section.GetSection("KnownProxies"), "an IP address", text => IPAddress.TryParse(text, out var a) ? a : null);
        var networks = Parse(section.GetSection("KnownNetworks"), "a network such as 10.0.0.0/8", text => System.Net.IPNetwork.TryParse(text, out var n) ? n : (System.Net.IPNetwork?)null);
        services.PostConfigure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.ForwardLimit = null;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            // With both lists empty the middleware believes every sender (what ASPNETCORE_FORWARDEDHEADERS_ENABLED
            // relies on): an address no connection comes from keeps "none named" meaning none.
            options.KnownProxies.Add(IPAddress.None);
            foreach (var proxy in proxies)
                options.KnownProxies.Add(proxy);
            foreach (var network in networks)
                options.KnownIPNetworks.Add(network!.Value);
        });
        return services;
    }

    /// <summary>A list setting, as an array ("KnownProxies:0") or one comma-separated value; a wrong entry stops the
    /// app at start with its name, rather than silently trusting less (or more) than meant.</summary>
    private static List<T> Parse<T>(IConfigurationSection section, string what, Func<string, T?> parse)
    {
        var texts = section.Value is { } one ? one.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            : section.GetChildren().Select(c => c.Value?.Trim() ?? "").Where(v => v.Length > 0).ToArray();
        return [.. texts.Select(text => parse(text) ?? throw new InvalidOperationException($"{section.Path}: \"{text}\" is not {what}."))];
    }
}
