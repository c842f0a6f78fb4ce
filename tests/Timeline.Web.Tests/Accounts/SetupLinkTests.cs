using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Timeline.Tests.Support;
using Timeline.Web.Accounts;

namespace Timeline.Web.Tests.Accounts;

/// <summary>The one-time setup link on a fresh install (its own app: no account may exist before).</summary>
public sealed class SetupLinkTests(TimelineWebFactory factory) : IClassFixture<TimelineWebFactory>
{
    [Fact]
    public async Task The_setup_link_creates_the_first_admin_once()
    {
        var client = factory.CreateBrowserlessClient();
        var token = factory.Services.GetRequiredService<SetupToken>().Issue(); // the one written to the log at start
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/setup?token=wrong")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/setup")).StatusCode);

        var url = "/setup?token=" + token;
        var (page, document) = await Html.GetAsync(client, url);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("Create the first admin", document.QuerySelector("h1").Text());

        // A refused password keeps the link usable.
        var fields = await CuratorHttp.HiddenFieldsAsync(client, url, "setup");
        var tooShort = await client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>(fields)
        {
            ["Input.UserName"] = "first-admin", ["Input.Password"] = "short", ["Input.Confirm"] = "short",
        }));
        Assert.Contains("at least 12 characters", await tooShort.Content.ReadAsStringAsync());

        fields = await CuratorHttp.HiddenFieldsAsync(client, url, "setup");
        var created = await client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>(fields)
        {
            ["Input.UserName"] = "first-admin", ["Input.Password"] = Curators.Password, ["Input.Confirm"] = Curators.Password,
        }));
        Assert.Equal(HttpStatusCode.Found, created.StatusCode);
        Assert.Equal("/curate", created.Headers.Location!.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/curate/admin/users")).StatusCode); // signed in, as admin

        // Gone once used, for everyone.
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateBrowserlessClient().GetAsync(url)).StatusCode);
        var accounts = factory.Services.CreateScope().ServiceProvider.GetRequiredService<CuratorAccounts>().List();
        Assert.Equal(("first-admin", "Admin"), (accounts.Single().UserName, accounts.Single().Role));
    }
}
