using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Timeline.Core.Curation;
using Timeline.Core.Dates;
using Timeline.Core.Domain;
using Timeline.Core.Reading;
using Timeline.Tests.Support;
using Timeline.Web.Accounts;

namespace Timeline.Web.Tests.Accounts;

/// <summary>Who may open what, through the real host: anonymous readers, editors and admins against every curator route.</summary>
public sealed class CuratorAccessTests(TimelineWebFactory factory) : IClassFixture<TimelineWebFactory>
{
    private static readonly string[] EditorPaths =
    [
        "/curate", "/curate/events", "/curate/events?status=Draft", "/curate/events/new", "/curate/events/1", "/curate/events/1/history",
        "/curate/trash", "/curate/articles", "/curate/articles/import", "/curate/articles/1",
        "/curate/eras", "/curate/eras/new", "/curate/eras/1",
    ];

    private static readonly string[] AdminPaths = ["/curate/admin/users"];

    public static TheoryData<string> EditorRoutes => new(EditorPaths);

    public static TheoryData<string> AdminRoutes => new(AdminPaths);

    public static TheoryData<string> AllRoutes => new([.. EditorPaths, .. AdminPaths]);

    [Theory]
    [MemberData(nameof(AllRoutes))]
    public async Task Anonymous_readers_are_sent_to_sign_in_and_back(string route)
    {
        var response = await factory.CreateBrowserlessClient().GetAsync(route);
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("/account/login?ReturnUrl=" + Uri.EscapeDataString(route), response.Headers.Location!.PathAndQuery);
    }

    [Theory]
    [MemberData(nameof(EditorRoutes))]
    public async Task Editors_open_every_editor_page(string route)
    {
        var client = await CuratorHttp.SignedInClientAsync(factory, "matrix-editor");
        var response = await client.GetAsync(route);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? "");
    }

    [Theory]
    [MemberData(nameof(AdminRoutes))]
    public async Task Editors_are_refused_admin_pages_with_403(string route)
    {
        var client = await CuratorHttp.SignedInClientAsync(factory, "matrix-editor");
        var (response, page) = await Html.GetAsync(client, route);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("Not allowed", page.QuerySelector("h1").Text());
    }

    [Theory]
    [MemberData(nameof(AllRoutes))]
    public async Task Admins_open_every_page(string route)
    {
        var client = await CuratorHttp.SignedInClientAsync(factory, "matrix-admin", CuratorRoles.Admin);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(route)).StatusCode);
    }

    [Fact]
    public async Task Only_admins_see_the_accounts_link()
    {
        var (_, editorPage) = await Html.GetAsync(await CuratorHttp.SignedInClientAsync(factory, "matrix-editor"), "/curate");
        Assert.Null(editorPage.QuerySelector("a[href='/curate/admin/users']"));
        var (_, adminPage) = await Html.GetAsync(await CuratorHttp.SignedInClientAsync(factory, "matrix-admin", CuratorRoles.Admin), "/curate");
        Assert.NotNull(adminPage.QuerySelector("a[href='/curate/admin/users']"));
    }

    [Fact]
    public async Task Posts_without_an_antiforgery_token_fail()
    {
        var client = factory.CreateBrowserlessClient();
        var login = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login", ["Input.UserName"] = "matrix-editor", ["Input.Password"] = Curators.Password,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, login.StatusCode);
        Assert.False(login.Headers.Contains("Set-Cookie") && login.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("timeline-curator=")));

        var signedIn = await CuratorHttp.SignedInClientAsync(factory, "matrix-editor");
        var logout = await signedIn.PostAsync("/account/logout", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, logout.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await signedIn.GetAsync("/curate")).StatusCode); // still signed in
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        var client = await CuratorHttp.SignedInClientAsync(factory, "matrix-editor");
        var (_, page) = await Html.GetAsync(client, "/curate");
        var token = page.QuerySelector("form.sign-out input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var logout = await client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal("/", logout.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Found, (await client.GetAsync("/curate")).StatusCode);
    }

    [Theory]
    [InlineData("/curate/events/new", "/curate/events/new")]
    [InlineData("https://evil.example/curate", "/curate")]
    [InlineData("//evil.example/curate", "/curate")]
    [InlineData("/\\evil.example", "/curate")]
    [InlineData(null, "/curate")]
    public async Task After_sign_in_only_local_return_urls_are_followed(string? returnUrl, string expected)
    {
        await Curators.EnsureAsync(factory.Services, "matrix-editor");
        var response = await CuratorHttp.PostLoginAsync(factory.CreateBrowserlessClient(), "matrix-editor", Curators.Password, returnUrl);
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        // Blazor's NavigationManager makes the address absolute, on this host.
        Assert.Equal("http://localhost" + expected, response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Repeated_failures_lock_the_account_and_no_message_tells_whether_a_name_exists()
    {
        await Curators.EnsureAsync(factory.Services, "lockout-editor");
        var client = factory.CreateBrowserlessClient();
        string? firstMessage = null;
        for (var attempt = 0; attempt < CuratorAuthentication.MaxFailedSignIns; attempt++)
        {
            var failed = await CuratorHttp.PostLoginAsync(client, "lockout-editor", "wrong password " + attempt);
            Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
            var message = (await Html.ParseAsync(await failed.Content.ReadAsStringAsync())).QuerySelector("[role=alert]").Text();
            Assert.StartsWith("Sign-in failed.", message);
            firstMessage ??= message;
            Assert.Equal(firstMessage, message);
        }
        // Locked: even the right password is refused, with the same words as a name that does not exist.
        var locked = await CuratorHttp.PostLoginAsync(client, "lockout-editor", Curators.Password);
        var unknown = await CuratorHttp.PostLoginAsync(client, "nobody-by-this-name", Curators.Password);
        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        var lockedText = (await Html.ParseAsync(await locked.Content.ReadAsStringAsync())).QuerySelector("[role=alert]").Text();
        var unknownText = (await Html.ParseAsync(await unknown.Content.ReadAsStringAsync())).QuerySelector("[role=alert]").Text();
        Assert.Equal(firstMessage, lockedText);
        Assert.Equal(firstMessage, unknownText);
        Assert.Equal(HttpStatusCode.Found, (await client.GetAsync("/curate")).StatusCode);

        var account = (factory.Services.CreateScope().ServiceProvider.GetRequiredService<CuratorAccounts>().List()).Single(a => a.UserName == "lockout-editor");
        Assert.NotNull(account.LockedUntil);
    }

    [Fact]
    public async Task A_disabled_account_cannot_sign_in()
    {
        await Curators.EnsureAsync(factory.Services, "disabled-editor");
        using var scope = factory.Services.CreateScope();
        Assert.Empty(await scope.ServiceProvider.GetRequiredService<CuratorAccounts>().SetDisabledAsync("disabled-editor", true));
        var response = await CuratorHttp.PostLoginAsync(factory.CreateBrowserlessClient(), "disabled-editor", Curators.Password);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Sign-in failed.", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Reader_pages_show_no_edit_controls_even_to_a_signed_in_editor()
    {
        var client = await CuratorHttp.SignedInClientAsync(factory, "matrix-editor");
        foreach (var url in new[] { "/", "/events/2023-01-26-the-palestinian-authority-declares-security-coordination-over", "/eras", "/articles/1", "/search?q=Jenin" })
        {
            var (response, page) = await Html.GetAsync(client, url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Empty(page.QuerySelectorAll("a[href^='/curate'], form[action^='/account']"));
        }
    }

    [Fact]
    public async Task A_published_change_reaches_the_cached_public_page_at_once()
    {
        const string slug = "2014-04-29-scheduled-end-of-the-us-brokered-talks";
        var client = factory.CreateBrowserlessClient();
        var (_, before) = await Html.GetAsync(client, "/events/" + slug);
        Assert.Equal("Scheduled end of the US-brokered talks", before.QuerySelector("h1").Text());
        var (cached, _) = await Html.GetAsync(client, "/events/" + slug);
        Assert.NotNull(cached.Headers.Age); // served from the output cache

        var editor = factory.Services.GetRequiredService<EventEditor>();
        var id = (factory.Services.GetRequiredService<TimelineQueries>().FindEvent(slug)).Page!.Id;
        var form = editor.Load(id)!;
        form.Title = "The US-brokered talks reach their deadline";
        Assert.IsType<Saved>(await editor.SaveAsync(form, "matrix-editor"));

        var (_, after) = await Html.GetAsync(client, "/events/" + slug);
        Assert.Equal("The US-brokered talks reach their deadline", after.QuerySelector("h1").Text());
    }

    [Fact]
    public async Task Hostile_text_from_an_editor_is_rendered_inert_on_public_pages()
    {
        const string hostile = "<script>alert('x')</script><img src=x onerror=alert(1)> \u202Eעברית";
        var form = new EventForm
        {
            Title = hostile, Summary = "[click](javascript:alert(1)) <b onclick=alert(1)>bold</b> ![i](javascript:alert(2))",
            Status = EventStatus.Published, Start = new PartialDateInput { Precision = DatePrecision.Day, Year = 2015, Month = 5, Day = 5 },
        };
        var saved = Assert.IsType<Saved>(await factory.Services.GetRequiredService<EventEditor>().SaveAsync(form, "matrix-editor"));
        var (response, page) = await Html.GetAsync(factory.CreateBrowserlessClient(), "/events/" + saved.Slug);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(hostile, page.QuerySelector("h1")!.TextContent);
        Assert.Empty(page.QuerySelectorAll("main script, main img[onerror], main [onclick]"));
        Assert.DoesNotContain(page.QuerySelectorAll("a[href], img[src]"), e => (e.GetAttribute("href") ?? e.GetAttribute("src"))!.Contains("javascript:", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Data_protection_keys_are_kept_beside_the_database()
    {
        await CuratorHttp.SignedInClientAsync(factory, "matrix-editor");
        var keys = CuratorAuthentication.KeysDirectory(factory.StorePath);
        Assert.Equal(Path.GetDirectoryName(factory.StorePath), keys.Parent!.FullName);
        Assert.NotEmpty(keys.GetFiles("key-*.xml"));
    }
}
