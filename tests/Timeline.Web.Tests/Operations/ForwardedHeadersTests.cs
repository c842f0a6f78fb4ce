using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.DependencyInjection;
using Timeline.Tests.Support;
using Timeline.Web.Hosting;

namespace Timeline.Web.Tests.Operations;

/// <summary>The app on a test server whose every request comes from <paramref name="peer"/> (the address of the
/// connection, as a proxy's or a client's would be), with the proxies the operator named.</summary>
public sealed class PeerFactory(string peer, string? knownProxies = null, string? knownNetworks = null) : TimelineWebFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Timeline:PublicRequestsPerMinute", "3");
        builder.UseSetting("Timeline:SignInAttemptsPerMinute", "2");
        if (knownProxies is not null)
            builder.UseSetting("Timeline:Proxies:KnownProxies", knownProxies);
        if (knownNetworks is not null)
            builder.UseSetting("Timeline:Proxies:KnownNetworks", knownNetworks);
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new PeerAddress(IPAddress.Parse(peer))));
    }

    private sealed class PeerAddress(IPAddress peer) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = peer;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

/// <summary>X-Forwarded-For and -Proto are believed from the proxies named in Timeline:Proxies only; from anyone else a
/// spoofed header changes nothing (the rate limit, the sign-in limit and the scheme all see the connection).</summary>
public sealed class ForwardedHeadersTests
{
    private static async Task<HttpStatusCode> GetAsync(HttpClient client, string path, string? forwardedFor = null, string? proto = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (forwardedFor is not null)
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        if (proto is not null)
            request.Headers.Add("X-Forwarded-Proto", proto);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    [Theory]
    [InlineData("10.0.0.5", null)]
    [InlineData(null, "10.0.0.0/24")]
    [InlineData("10.0.0.4, 10.0.0.5", null)]
    public async Task Behind_a_named_proxy_each_forwarded_client_has_its_own_limit(string? proxies, string? networks)
    {
        await using var factory = new PeerFactory("10.0.0.5", proxies, networks);
        var client = factory.CreateBrowserlessClient();
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, await GetAsync(client, "/api/v1/eras", "203.0.113.1"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await GetAsync(client, "/api/v1/eras", "203.0.113.1"));
        Assert.Equal(HttpStatusCode.OK, await GetAsync(client, "/api/v1/eras", "203.0.113.2"));
        // A chain: the client a CDN forwarded for, then the CDN, as nginx appends it; the CDN is not named, so it is the client.
        Assert.Equal(HttpStatusCode.OK, await GetAsync(client, "/api/v1/eras", "203.0.113.1, 198.51.100.9"));
    }

    [Theory]
    [InlineData("10.0.0.5", null)]          // no proxy named: the connection is the client, whatever it says
    [InlineData("198.51.100.7", "10.0.0.5")] // a proxy is named, but this sender is not it
    public async Task From_anyone_else_a_spoofed_forwarded_for_changes_nothing(string peer, string? proxies)
    {
        await using var factory = new PeerFactory(peer, proxies);
        var client = factory.CreateBrowserlessClient();
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, await GetAsync(client, "/api/v1/eras", $"203.0.113.{i + 10}"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await GetAsync(client, "/api/v1/eras", "203.0.113.99"));
    }

    [Theory]
    [InlineData("10.0.0.5", "10.0.0.5", true)]
    [InlineData("10.0.0.5", null, false)]
    [InlineData("198.51.100.7", "10.0.0.5", false)]
    public async Task Forwarded_https_makes_cookies_secure_only_from_a_named_proxy(string peer, string? proxies, bool secure)
    {
        await using var factory = new PeerFactory(peer, proxies);
        var client = factory.CreateBrowserlessClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account/login");
        request.Headers.Add("X-Forwarded-Proto", "https");
        using var response = await client.SendAsync(request);
        var cookies = response.Headers.GetValues("Set-Cookie").ToList();
        Assert.NotEmpty(cookies);
        Assert.All(cookies, cookie => Assert.True(secure == cookie.Contains("secure", StringComparison.OrdinalIgnoreCase), cookie));
    }

    [Fact]
    public async Task The_sign_in_limit_counts_each_forwarded_client_and_keeps_the_name_typed()
    {
        await using var factory = new PeerFactory("10.0.0.5", "10.0.0.5");
        var client = factory.CreateBrowserlessClient();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.1");
        for (var i = 0; i < 2; i++)
            Assert.Contains("Sign-in failed", await (await CuratorHttp.PostLoginAsync(client, "nobody-here", "wrong password")).Content.ReadAsStringAsync());
        var refused = await (await CuratorHttp.PostLoginAsync(client, "nobody-here", "wrong password")).Content.ReadAsStringAsync();
        Assert.Contains("Too many sign-in attempts from your address", refused);
        Assert.Contains("value=\"nobody-here\"", refused);

        var other = factory.CreateBrowserlessClient();
        other.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.2");
        Assert.Contains("Sign-in failed", await (await CuratorHttp.PostLoginAsync(other, "nobody-here", "wrong password")).Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("Timeline:Proxies:KnownProxies", "proxy.example.org", "Timeline:Proxies:KnownProxies: \"proxy.example.org\" is not an IP address.")]
    [InlineData("Timeline:Proxies:KnownNetworks:0", "10.0.0.0/99", "Timeline:Proxies:KnownNetworks: \"10.0.0.0/99\" is not a network")]
    public void A_wrong_proxy_setting_stops_the_app_at_start_with_its_name(string key, string value, string message)
    {
        var error = Assert.Throws<InvalidOperationException>(() => TimelineApp.Create([$"--{key}={value}", "--ConnectionStrings:Timeline=Filename=" + Path.Combine(Path.GetTempPath(), "never-opened.db")]));
        Assert.Contains(message, error.Message);
    }
}

public sealed class TrustedProxySettingsTests
{
    [Fact]
    public async Task Proxies_are_read_as_a_list_or_as_one_comma_separated_value_and_none_is_none()
    {
        static async Task<ForwardedHeadersOptions> OptionsAsync(params string[] settings)
        {
            await using var app = TimelineApp.Create([.. settings, "--ConnectionStrings:Timeline=Filename=" + Path.Combine(Path.GetTempPath(), "never-opened.db")]);
            return app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ForwardedHeadersOptions>>().Value;
        }

        var listed = await OptionsAsync("--Timeline:Proxies:KnownProxies:0=10.0.0.4", "--Timeline:Proxies:KnownProxies:1=::1", "--Timeline:Proxies:KnownNetworks:0=172.16.0.0/12");
        Assert.Equal([IPAddress.None, IPAddress.Parse("10.0.0.4"), IPAddress.IPv6Loopback], listed.KnownProxies);
        Assert.Equal([System.Net.IPNetwork.Parse("172.16.0.0/12")], listed.KnownIPNetworks);
        var none = await OptionsAsync();
        Assert.Equal([IPAddress.None], none.KnownProxies); // not loopback, which ASP.NET Core would trust by default
        Assert.Empty(none.KnownIPNetworks);
    }
}
