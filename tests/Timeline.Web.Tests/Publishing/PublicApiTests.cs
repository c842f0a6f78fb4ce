using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Timeline.Tests.Support;

namespace Timeline.Web.Tests.Publishing;

/// <summary>The public read API and its OpenAPI document, through the real host.</summary>
public sealed class PublicApiTests(TimelineWebFactory factory) : IClassFixture<TimelineWebFactory>
{
    private const string Halt = "2023-01-26-the-palestinian-authority-declares-security-coordination-over";

    private Task<JsonElement> GetJsonAsync(string url, HttpStatusCode expected = HttpStatusCode.OK) =>
        Html.GetJsonAsync(factory.CreateBrowserlessClient(), url, expected);

    [Fact]
    public async Task Events_page_through_the_timeline_with_cursors_and_dates_say_their_precision()
    {
        var seen = new List<string>();
        var url = "/api/v1/events?limit=7";
        JsonElement page;
        do
        {
            page = await GetJsonAsync(url);
            seen.AddRange(page.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("slug").GetString()!));
            url = page.GetProperty("next").GetString() is { } next ? new Uri(next).PathAndQuery : "";
        } while (url.Length > 0);

        var all = await GetJsonAsync("/api/v1/events?limit=100");
        var expected = all.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("slug").GetString()!).ToList();
        Assert.True(expected.Count > 7);
        Assert.Equal(expected, seen); // every event once, in timeline order
        var first = all.GetProperty("events")[0];
        Assert.Equal("2013-07", first.GetProperty("start").GetProperty("date").GetString());
        Assert.Equal("month", first.GetProperty("start").GetProperty("precision").GetString());
        Assert.Equal("July 2013", first.GetProperty("start").GetProperty("text").GetString());
        Assert.Equal("2014-peace-talks-collapse", first.GetProperty("storyline").GetString());
    }

    [Fact]
    public async Task Filters_are_the_timelines()
    {
        var jenin = await GetJsonAsync("/api/v1/events?era=2022-jenin-operation");
        Assert.All(jenin.GetProperty("events").EnumerateArray(), e => Assert.Equal("2022-jenin-operation", e.GetProperty("storyline").GetString()));
        var window = await GetJsonAsync("/api/v1/events?from=2023-01&to=2023-01");
        Assert.All(window.GetProperty("events").EnumerateArray(), e => Assert.StartsWith("2023-01", e.GetProperty("start").GetProperty("date").GetString()));
        Assert.NotEqual(0, window.GetProperty("events").GetArrayLength());
    }

    [Theory]
    [InlineData("/api/v1/events?limit=0", "limit")]
    [InlineData("/api/v1/events?limit=101", "limit")]
    [InlineData("/api/v1/events?limit=ten", "limit")]
    [InlineData("/api/v1/events?from=yesterday", "from")]
    [InlineData("/api/v1/events?from=2023&to=2014", "to")]
    [InlineData("/api/v1/events?cursor=abc", "cursor")]
    [InlineData("/api/v1/events?era=no-such-storyline", "era")]
    [InlineData("/api/v1/events?tag=no-such-topic", "tag")]
    [InlineData("/api/v1/events?outlet=No%20Such%20Outlet", "outlet")]
    [InlineData("/api/v1/events?q=%21%21%21", "q")]
    [InlineData("/api/v1/search", "q")]
    [InlineData("/api/v1/search?q=Kerry&page=0", "page")]
    public async Task A_bad_parameter_is_a_400_problem_that_names_it(string url, string parameter)
    {
        var response = await factory.CreateBrowserlessClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out var messages), await response.Content.ReadAsStringAsync());
        Assert.NotEmpty(messages[0].GetString()!);
        Assert.True(response.Headers.CacheControl is { Private: true, NoStore: true }); // an error is not kept by any cache
    }

    [Fact]
    public async Task One_event_comes_with_its_sources_and_passages()
    {
        var ev = await GetJsonAsync($"/api/v1/events/{Halt}");
        Assert.Equal("2023-01-26", ev.GetProperty("start").GetProperty("date").GetString());
        Assert.Equal("day", ev.GetProperty("start").GetProperty("precision").GetString());
        Assert.Equal("2023-security-coordination-halt", ev.GetProperty("storyline").GetProperty("slug").GetString());
        var sources = ev.GetProperty("sources").EnumerateArray().ToList();
        Assert.NotEmpty(sources);
        Assert.All(sources, s =>
        {
            Assert.NotEmpty(s.GetProperty("passage").GetString()!);
            Assert.NotEmpty(s.GetProperty("article").GetProperty("outlet").GetString()!);
            Assert.Matches("^(first-report|report|confirmation|reaction|background|analysis|correction)$", s.GetProperty("role").GetString()!);
        });
        Assert.EndsWith($"/events/{Halt}", ev.GetProperty("url").GetString());
        Assert.Contains("<p>", ev.GetProperty("summaryHtml").GetString());
    }

    [Fact]
    public async Task An_unknown_event_or_route_is_a_404_problem()
    {
        var problem = await GetJsonAsync("/api/v1/events/no-such-event", HttpStatusCode.NotFound);
        Assert.Contains("no-such-event", problem.GetProperty("detail").GetString());
        var route = await GetJsonAsync("/api/v1/timelines/1", HttpStatusCode.NotFound);
        Assert.Contains("/api/v1/timelines/1", route.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::/64")]
    public void The_rate_limit_counts_an_IPv6_host_by_its_64_network(string address, string client) =>
        Assert.Equal(client, Timeline.Web.Publishing.PublishingServices.ClientOf(IPAddress.Parse(address)));

    [Fact]
    public async Task Storylines_and_search()
    {
        var storylines = await GetJsonAsync("/api/v1/eras");
        Assert.Equal(["2014-peace-talks-collapse", "2022-jenin-operation", "2023-security-coordination-halt"],
            storylines.EnumerateArray().Select(e => e.GetProperty("slug").GetString()));
        var search = await GetJsonAsync("/api/v1/search?q=Kerry");
        var hits = search.GetProperty("hits").EnumerateArray().ToList();
        Assert.NotEmpty(hits);
        Assert.All(hits, h => Assert.DoesNotContain('\u0001', h.GetProperty("title").GetString()!)); // markers stripped
    }

    [Fact]
    public async Task Answers_are_cacheable_with_a_validator_and_open_to_every_origin()
    {
        var client = factory.CreateBrowserlessClient();
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/events?limit=3");
        request.Headers.Add("Origin", "https://newsroom.example");
        var response = await client.SendAsync(request);
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.True(response.Headers.CacheControl!.Public);
        var etag = response.Headers.ETag!;

        var again = new HttpRequestMessage(HttpMethod.Get, "/api/v1/events?limit=3");
        again.Headers.IfNoneMatch.Add(etag);
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(again)).StatusCode);

        var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/v1/events");
        preflight.Headers.Add("Origin", "https://newsroom.example");
        preflight.Headers.Add("Access-Control-Request-Method", "GET");
        var allowed = await client.SendAsync(preflight);
        Assert.Equal("*", allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_api_only_and_the_reference_page_is_served_from_the_app()
    {
        var document = await GetJsonAsync("/openapi/v1.json");
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).Order().ToList();
        Assert.Equal(["/api/v1/eras", "/api/v1/events", "/api/v1/events/{slug}", "/api/v1/search"], paths);
        Assert.Equal("Timeline public API", document.GetProperty("info").GetProperty("title").GetString());
        // The sources' evidence is described: the filters, and the event's fields with their schemas.
        var operations = document.GetProperty("paths");
        Assert.Contains("`differ=1`", operations.GetProperty("/api/v1/events").GetProperty("get").GetProperty("description").GetString());
        Assert.Contains("`sourcesDifferOnDate`", operations.GetProperty("/api/v1/events/{slug}").GetProperty("get").GetProperty("description").GetString());
        var schemas = document.GetProperty("components").GetProperty("schemas");
        Assert.True(schemas.GetProperty("ApiEvent").GetProperty("properties").TryGetProperty("differences", out _));
        Assert.True(schemas.TryGetProperty("ApiDifference", out _) && schemas.TryGetProperty("ApiSourceDate", out _) && schemas.TryGetProperty("ApiNote", out _));

        var client = factory.CreateBrowserlessClient();
        var page = await client.GetAsync("/api/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("src=\"scalar.js\"", html);
        Assert.DoesNotContain("cdn.", html);
        var policy = page.Headers.GetValues("Content-Security-Policy").Single();
        var nonce = System.Text.RegularExpressions.Regex.Match(policy, "'nonce-([^']+)'").Groups[1].Value;
        Assert.Contains($"nonce=\"{nonce}\"", html); // its one inline script carries this request's nonce
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/scalar.js")).StatusCode);
        // Scalar also answers /api/v1 (the document's name): it gets its nonce there too.
        var v1 = await client.GetAsync("/api/v1");
        Assert.Contains("'nonce-", v1.Headers.GetValues("Content-Security-Policy").Single());
        // The rest of the site keeps the strict policy.
        Assert.DoesNotContain("nonce", (await client.GetAsync("/api/v1/eras")).Headers.GetValues("Content-Security-Policy").Single());
    }
}

/// <summary>The rate limit, on an app that allows three requests a minute per address.</summary>
public sealed class RateLimitTests : IAsyncLifetime
{
    private sealed class StrictFactory : TimelineWebFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Timeline:PublicRequestsPerMinute", "3");
        }
    }

    private readonly StrictFactory factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task Beyond_the_limit_an_address_gets_429_with_retry_after_and_pages_are_not_limited()
    {
        var client = factory.CreateBrowserlessClient();
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/eras")).StatusCode);
        var refused = await client.GetAsync("/feeds/events.atom");
        Assert.Equal((HttpStatusCode)429, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta is { TotalSeconds: > 0 and <= 60 }, refused.Headers.RetryAfter?.ToString());
        Assert.Contains("Too many requests", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode); // reader pages are not rate-limited
    }
}
