using Timeline.Web.Caching;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Timeline.Core.Curation;
using Timeline.Core.Domain;
using Timeline.Tests.Support;
using Timeline.Web.Hosting;

namespace Timeline.Web.Tests.Caching;

/// <summary>
/// What a CDN or browser in front of the app may keep: reader pages are public for a minute with a validator and
/// answer conditional requests with 304 until a curator changes something; the curator area and sign-in are never
/// stored. Through the real host.
/// </summary>
public sealed class HttpCachingTests(TimelineWebFactory factory) : IClassFixture<TimelineWebFactory>
{
    public static TheoryData<string> ReaderPages => new(
        "/", "/?era=2022-jenin-operation&zoom=months", "/filters", "/search?q=Kerry", "/eras", "/eras/2022-jenin-operation",
        "/events/2023-01-26-the-palestinian-authority-declares-security-coordination-over", "/articles/2");

    [Theory]
    [MemberData(nameof(ReaderPages))]
    public async Task Reader_pages_are_public_for_a_minute_in_a_shared_cache_with_a_validator_and_no_cookie(string url)
    {
        var response = await factory.CreateBrowserlessClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cacheControl = response.Headers.CacheControl!;
        Assert.True(cacheControl.Public);
        Assert.Equal(ReaderCaching.SharedMaxAge, cacheControl.SharedMaxAge);
        Assert.Equal(TimeSpan.Zero, cacheControl.MaxAge); // browsers revalidate: a trashed event is not shown from their cache
        Assert.False(cacheControl.NoStore || cacheControl.NoCache || cacheControl.Private);
        Assert.NotNull(response.Headers.ETag);
        Assert.NotNull(response.Content.Headers.LastModified);
        Assert.False(response.Headers.Contains("Set-Cookie"));
        Assert.DoesNotContain("Cookie", response.Headers.Vary);
    }

    [Theory]
    [MemberData(nameof(ReaderPages))]
    public async Task A_matching_conditional_request_is_answered_304_without_a_body(string url)
    {
        var client = factory.CreateBrowserlessClient();
        var first = await client.GetAsync(url);

        using var byTag = new HttpRequestMessage(HttpMethod.Get, url);
        byTag.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        var notModified = await client.SendAsync(byTag);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
        Assert.Equal(first.Headers.ETag, notModified.Headers.ETag);
        Assert.True(notModified.Headers.CacheControl!.Public);

        using var byDate = new HttpRequestMessage(HttpMethod.Get, url);
        byDate.Headers.IfModifiedSince = first.Content.Headers.LastModified;
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(byDate)).StatusCode);

        using var otherTag = new HttpRequestMessage(HttpMethod.Get, url);
        otherTag.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"something-else\"", isWeak: true));
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(otherTag)).StatusCode);

        // If-None-Match decides when both are sent: an old tag with a current date is not "not modified".
        using var both = new HttpRequestMessage(HttpMethod.Get, url);
        both.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"something-else\"", isWeak: true));
        both.Headers.IfModifiedSince = first.Content.Headers.LastModified;
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(both)).StatusCode);
    }

    [Fact]
    public async Task A_curators_save_changes_the_validators_and_the_page()
    {
        var client = factory.CreateBrowserlessClient();
        var before = await client.GetAsync("/search?q=zarzuela");
        Assert.DoesNotContain("Zarzuela", await before.Content.ReadAsStringAsync());

        var saved = Assert.IsType<Saved>(await factory.Services.GetRequiredService<EventEditor>().SaveAsync(new EventForm
        {
            Title = "Zarzuela summit", Status = EventStatus.Published,
            Start = new PartialDateInput { Precision = Timeline.Core.Dates.DatePrecision.Year, Year = 2019 },
        }, "ada"));

        using var revalidate = new HttpRequestMessage(HttpMethod.Get, "/search?q=zarzuela");
        revalidate.Headers.IfNoneMatch.Add(before.Headers.ETag!);
        var after = await client.SendAsync(revalidate);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.NotEqual(before.Headers.ETag, after.Headers.ETag);
        Assert.True(after.Content.Headers.LastModified > before.Content.Headers.LastModified);
        Assert.Contains($"/events/{saved.Slug}", await after.Content.ReadAsStringAsync());

        using var byOldDate = new HttpRequestMessage(HttpMethod.Get, "/");
        byOldDate.Headers.IfModifiedSince = before.Content.Headers.LastModified;
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(byOldDate)).StatusCode);
    }

    [Fact]
    public async Task A_signed_in_curator_gets_the_same_public_reader_page()
    {
        var anonymous = await factory.CreateBrowserlessClient().GetAsync("/");
        var curator = await (await CuratorHttp.SignedInClientAsync(factory, "caching-editor")).GetAsync("/");
        Assert.True(curator.Headers.CacheControl!.Public);
        Assert.False(curator.Headers.Contains("Set-Cookie"));
        // The same page, but for the framework's encrypted list of its services (a fresh nonce each time).
        static string Page(string html) => html[..html.IndexOf("<!--Blazor-Server-Component-State:", StringComparison.Ordinal)];
        Assert.Equal(Page(await anonymous.Content.ReadAsStringAsync()), Page(await curator.Content.ReadAsStringAsync()));
    }

    [Theory]
    [InlineData("/events/never-was", HttpStatusCode.NotFound)]
    [InlineData("/no/such/page", HttpStatusCode.NotFound)]
    public async Task Missing_pages_are_public_but_carry_no_validator(string url, HttpStatusCode status)
    {
        var response = await factory.CreateBrowserlessClient().GetAsync(url);
        Assert.Equal(status, response.StatusCode);
        Assert.True(response.Headers.CacheControl!.Public);
        Assert.Null(response.Headers.ETag);
    }

    [Theory]
    [InlineData("/curate")]
    [InlineData("/curate/events")]
    [InlineData("/curate/events/1")]
    public async Task Curator_pages_are_private_and_never_stored(string url)
    {
        var client = await CuratorHttp.SignedInClientAsync(factory, "caching-editor");
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl!.Private && response.Headers.CacheControl.NoStore);
        Assert.Null(response.Headers.ETag);

        // A conditional request never turns into a 304 outside the reader pages.
        using var conditional = new HttpRequestMessage(HttpMethod.Get, url);
        conditional.Headers.IfModifiedSince = DateTimeOffset.UtcNow.AddDays(1);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(conditional)).StatusCode);
    }

    [Theory]
    [InlineData("/account/login")]
    [InlineData("/curate")]
    public async Task Sign_in_and_its_redirects_are_private_and_never_stored(string url)
    {
        var response = await factory.CreateBrowserlessClient().GetAsync(url);
        Assert.True(response.Headers.CacheControl!.Private && response.Headers.CacheControl.NoStore, url);
    }

    [Fact]
    public async Task Static_assets_keep_their_own_long_lived_headers()
    {
        var (_, page) = await Html.GetAsync(factory.CreateBrowserlessClient(), "/");
        var css = page.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")!).First(h => h.StartsWith("app.", StringComparison.Ordinal) || h.StartsWith("/app.", StringComparison.Ordinal));
        var response = await factory.CreateBrowserlessClient().GetAsync("/" + css.TrimStart('/'));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // MapStaticAssets' own policy (no-cache while developing, a year and immutable in production), with its ETag.
        Assert.False(response.Headers.CacheControl!.Private || response.Headers.CacheControl.NoStore);
        Assert.NotNull(response.Headers.ETag);
    }

    [Fact]
    public async Task A_plain_request_and_an_enhanced_navigation_fetch_are_cached_apart()
    {
        // Found in the browser: the plain page's cached copy served to an enhanced navigation made it fail and
        // reload the page in a loop.
        var client = factory.CreateBrowserlessClient();
        var plain = await client.GetAsync("/articles/3");
        var enhancedRequest = new HttpRequestMessage(HttpMethod.Get, "/articles/3");
        enhancedRequest.Headers.TryAddWithoutValidation("Accept", "text/html; blazor-enhanced-nav=on");
        var enhanced = await client.SendAsync(enhancedRequest);

        Assert.False(plain.Headers.Contains("ssr-framing"));
        Assert.True(enhanced.Headers.Contains("ssr-framing"));
        Assert.Contains("Accept", plain.Headers.Vary);
        Assert.Contains("Accept", enhanced.Headers.Vary);
    }

    [Fact]
    public async Task An_enhanced_navigation_to_a_cached_page_is_still_allowed_in_the_words_blazor_reads()
    {
        // Found with the time axis: the output cache gave "blazor-enhanced-nav: allow" back as "Allow", and
        // blazor.web.js compares it case-sensitively, so every enhanced navigation to a cached page reloaded it in full.
        var client = factory.CreateBrowserlessClient();
        for (var i = 0; i < 2; i++)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, "/?from=2013&to=2013&zoom=months");
            request.Headers.TryAddWithoutValidation("Accept", "text/html; blazor-enhanced-nav=on");
            var response = await client.SendAsync(request);
            Assert.Equal(["allow"], response.Headers.GetValues("blazor-enhanced-nav"));
            Assert.Equal(i == 1, response.Headers.Age is not null); // the second answer came from the cache
        }
    }
}
