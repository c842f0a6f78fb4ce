using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Timeline.Core.Importing;
using Timeline.Tests.Support;

namespace Timeline.Tests.Importing;

/// <summary>The fetch behind "Import from a link", against a real server on 127.0.0.1 that these tests start.</summary>
public sealed class ArticleFetcherTests : IAsyncLifetime
{
    private const string Page = """
        <!doctype html><html lang="en"><head><meta property="og:title" content="Four gunmen killed in Jenin">
        <meta property="og:site_name" content="The Test Gazette"><meta property="article:published_time" content="2022-09-28T10:00:00Z"></head>
        <body><nav>Home World</nav><article><h1>Four gunmen killed in Jenin</h1>
        <p>Four Palestinian gunmen were killed on Wednesday during an Israeli military operation in Jenin, the Palestinian Health Ministry said in a statement.</p>
        <p>Palestinian factions renewed their calls on the Palestinian Authority to end its security coordination with Israel after the raid.</p>
        </article></body></html>
        """;

    private ArticleSite site = null!;
    private string baseUrl = "";

    public async Task InitializeAsync()
    {
        site = await ArticleSite.StartAsync(new Dictionary<string, string> { ["/article"] = Page }, app =>
        {
            app.MapGet("/loop/{n:int}", (int n) => Results.Redirect($"/loop/{n + 1}"));
            app.MapGet("/image", () => Results.Bytes([0x89, 0x50, 0x4E, 0x47], "image/png"));
            app.MapGet("/huge", () => Results.Content(new string('x', 3 * 1024 * 1024), "text/plain"));
        });
        baseUrl = site.BaseUrl;
    }

    public async Task DisposeAsync() => await site.DisposeAsync();

    private static ArticleFetcher Allowed() => new(new ArticleFetchOptions { AllowPrivateAddresses = true });

    [Fact]
    public async Task By_default_a_loopback_address_is_refused_before_any_connection()
    {
        using var fetcher = new ArticleFetcher(new ArticleFetchOptions());
        var outcome = await fetcher.FetchAsync(baseUrl + "/article");
        Assert.Null(outcome.Page);
        Assert.Contains("internal address", outcome.Refusal);
        var named = await fetcher.FetchAsync(baseUrl.Replace("127.0.0.1", "localhost") + "/article");
        Assert.Contains("internal address", named.Refusal);
        var mapped = await fetcher.FetchAsync(baseUrl.Replace("127.0.0.1", "[::ffff:127.0.0.1]") + "/article");
        Assert.Contains("internal address", mapped.Refusal);
    }

    [Fact]
    public async Task A_page_is_fetched_through_a_redirect_and_read_into_an_article_form()
    {
        using var fetcher = Allowed();
        var outcome = await fetcher.FetchAsync(baseUrl + "/moved");
        var page = Assert.IsType<FetchedPage>(outcome.Page);
        Assert.Equal(baseUrl + "/article", page.Address.AbsoluteUri);
        var form = ArticleImportReader.ReadFetched(page.Text, page.Address, page.IsHtml).Form!;
        Assert.Equal("Four gunmen killed in Jenin", form.Title);
        Assert.Equal("The Test Gazette", form.Outlet);
        Assert.Equal(baseUrl + "/article", form.Url);
        Assert.Equal(2022, form.Published.Year);
        Assert.Contains("security coordination", form.Body);
        Assert.DoesNotContain("Home World", form.Body);
    }

    [Theory]
    [InlineData("/loop/0", "redirects more than 5 times")]
    [InlineData("/image", "not a web page")]
    [InlineData("/huge", "larger than 2 MB")]
    [InlineData("/missing", "404")]
    public async Task Refusals_say_why(string path, string reason)
    {
        using var fetcher = Allowed();
        var outcome = await fetcher.FetchAsync(baseUrl + path);
        Assert.Null(outcome.Page);
        Assert.Contains(reason, outcome.Refusal);
    }

    [Theory]
    [InlineData("file:///etc/passwd", "Only http and https")]
    [InlineData("javascript:alert(1)", "Only http and https")]
    [InlineData("not an address", "not a web address")]
    [InlineData("http://user:secret@example.org/", "user name or password")]
    public async Task Addresses_that_are_not_http_are_refused(string address, string reason)
    {
        using var fetcher = new ArticleFetcher(new ArticleFetchOptions());
        Assert.Contains(reason, (await fetcher.FetchAsync(address)).Refusal);
    }
}
