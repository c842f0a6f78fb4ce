using Timeline.Tests.Support;

namespace Timeline.Web.Tests.Security;

public sealed class SecurityHeadersTests(TimelineWebFactory factory) : IClassFixture<TimelineWebFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/events/2013-07-us-brokered-peace-talks-relaunched-after-three-years-of-impasse")]
    [InlineData("/no/such/page")]
    [InlineData("/healthz")]
    public async Task Every_response_carries_the_security_headers(string url)
    {
        var response = await factory.CreateBrowserlessClient().GetAsync(url);
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self';", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.DoesNotContain("script-src 'self' 'unsafe-inline'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("object-src 'none'", csp);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.False(response.Headers.Contains("Strict-Transport-Security"), "no HSTS in Development");
    }

    [Theory]
    [InlineData("/", false)]
    [InlineData("/account/login", false)]
    [InlineData("/curate", true)]
    [InlineData("/curate/events/3", true)]
    public async Task Only_the_curator_area_allows_inline_style_elements_for_its_snackbars(string url, bool curatorArea)
    {
        var response = await factory.CreateBrowserlessClient().GetAsync(url);
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("style-src 'self';", csp);
        Assert.Contains("style-src-attr 'unsafe-inline'", csp);
        Assert.Equal(curatorArea, csp.Contains("style-src-elem 'self' 'unsafe-inline'"));
        Assert.DoesNotContain("script-src 'self' 'unsafe-inline'", csp);
    }
}

public sealed class ProductionHeadersTests(ProductionTimelineWebFactory factory) : IClassFixture<ProductionTimelineWebFactory>
{
    [Fact]
    public async Task Outside_development_https_responses_carry_hsts()
    {
        var client = factory.CreateClient(new() { BaseAddress = new Uri("https://timeline.example.org"), AllowAutoRedirect = false });
        var response = await client.GetAsync("/");
        Assert.True(response.IsSuccessStatusCode);
        Assert.StartsWith("max-age=", Assert.Single(response.Headers.GetValues("Strict-Transport-Security")));
    }

    [Fact]
    public async Task Outside_development_a_404_still_gets_the_helpful_page()
    {
        var client = factory.CreateClient(new() { BaseAddress = new Uri("https://timeline.example.org"), AllowAutoRedirect = false });
        var response = await client.GetAsync("/events/none");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Event not found", await response.Content.ReadAsStringAsync());
    }
}
