using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Timeline.Core.Domain;
using Timeline.Tests.Support;

namespace Timeline.Web.Tests.Accounts;

/// <summary>Every cookie the app sets is HttpOnly and SameSite, and Secure whenever the request came over HTTPS.</summary>
public sealed class CookieTests(TimelineWebFactory factory) : IClassFixture<TimelineWebFactory>
{
    private HttpClient Client(string scheme) => factory.CreateClient(new WebApplicationFactoryClientOptions
    {
        BaseAddress = new Uri(scheme + "://localhost"), AllowAutoRedirect = false,
    });

    /// <summary>Visits every page that sets a cookie: the sign-in form, a failed and a good sign-in, a curator page, sign-out.</summary>
    private async Task<List<string>> CookiesSetDuringASessionAsync(string scheme, string user)
    {
        await Curators.EnsureAsync(factory.Services, user, CuratorRoles.Admin);
        var client = Client(scheme);
        var cookies = new List<string>();
        void Collect(HttpResponseMessage response)
        {
            if (response.Headers.TryGetValues("Set-Cookie", out var values))
                cookies.AddRange(values);
        }
        Collect(await client.GetAsync("/account/login"));
        Collect(await CuratorHttp.PostLoginAsync(client, user, "wrong password entirely"));
        Collect(await CuratorHttp.PostLoginAsync(client, user, Curators.Password));
        Collect(await client.GetAsync("/curate"));
        Collect(await client.GetAsync("/"));
        var signOutPage = await Html.GetAsync(client, "/curate");
        Collect(signOutPage.Response);
        var token = signOutPage.Document.QuerySelector("form.sign-out input[name=__RequestVerificationToken]")?.GetAttribute("value");
        Assert.NotNull(token);
        Collect(await client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token! })));
        Assert.Contains(cookies, c => c.StartsWith("timeline-curator=", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        return cookies;
    }

    [Fact]
    public async Task Over_https_every_cookie_is_secure_httponly_and_samesite()
    {
        foreach (var cookie in await CookiesSetDuringASessionAsync("https", "cookie-https"))
        {
            var attributes = cookie.Split(';').Select(a => a.Trim().ToLowerInvariant()).ToList();
            Assert.True(attributes.Contains("secure"), cookie);
            Assert.True(attributes.Contains("httponly"), cookie);
            Assert.True(attributes.Any(a => a is "samesite=strict" or "samesite=lax"), cookie);
        }
    }

    [Fact]
    public async Task Over_plain_http_the_cookies_work_and_are_still_httponly_and_samesite()
    {
        foreach (var cookie in await CookiesSetDuringASessionAsync("http", "cookie-http"))
        {
            var attributes = cookie.Split(';').Select(a => a.Trim().ToLowerInvariant()).ToList();
            Assert.DoesNotContain("secure", attributes); // a Secure cookie would never come back over http
            Assert.True(attributes.Contains("httponly"), cookie);
            Assert.True(attributes.Any(a => a is "samesite=strict" or "samesite=lax"), cookie);
        }
    }

    [Fact]
    public async Task Reader_pages_set_no_cookie_even_over_https()
    {
        var client = Client("https");
        foreach (var url in new[] { "/", "/eras", "/search?q=jenin", "/events/2023-01-26-the-palestinian-authority-declares-security-coordination-over" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.False(response.Headers.Contains("Set-Cookie"), url);
        }
    }
}

/// <summary>The app behind a reverse proxy that ends TLS, with ASPNETCORE_FORWARDEDHEADERS_ENABLED=true as the README says.</summary>
public sealed class BehindProxyWebFactory : TimelineWebFactory
{
    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("FORWARDEDHEADERS_ENABLED", "true");
    }
}

public sealed class BehindProxyTests(BehindProxyWebFactory factory) : IClassFixture<BehindProxyWebFactory>
{
    [Fact]
    public async Task Behind_a_proxy_that_ends_https_the_cookies_are_secure()
    {
        var client = factory.CreateBrowserlessClient();
        var request = new HttpRequestMessage(HttpMethod.Get, "/account/login");
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        var response = await client.SendAsync(request);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        Assert.Contains("secure", cookie.Split(';').Select(a => a.Trim().ToLowerInvariant()));
    }
}
