using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Timeline.Core.Curation;
using Timeline.Core.Dates;
using Timeline.Core.Domain;
using Timeline.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Timeline.EndToEnd.Tests.Browser;

/// <summary>
/// The attack as it was found: the server-component marker of an admin's curator page, replayed in an anonymous
/// visitor's page of the same origin, starts a circuit that renders the curator component without the router.
/// The component must show nothing of its data to anyone but a signed-in curator.
/// </summary>
[Collection(CurationBrowserCollection.Name)]
public sealed partial class MarkerReplayTests(BrowserFixture browser)
{
    [GeneratedRegex(@"<!--Blazor:\{""type"":""server"".*?-->", RegexOptions.Singleline)]
    private static partial Regex ServerMarker();

    private async Task<string> DraftAsync()
    {
        const string title = "Replay marker draft title";
        var events = browser.Services.GetRequiredService<EventEditor>();
        Assert.IsType<Saved>(await events.SaveAsync(new EventForm
        {
            Title = title + " " + Guid.NewGuid().ToString("N")[..6], Start = new PartialDateInput { Precision = DatePrecision.Year, Year = 2021 },
        }, "test"));
        return title;
    }

    /// <summary>Opens the sign-in page with <paramref name="marker"/> added to it, as an attacker's page would carry it.</summary>
    private static async Task OpenWithMarkerAsync(IPage page, string marker)
    {
        await page.RouteAsync("**/account/login", async route =>
        {
            var response = await route.FetchAsync();
            var html = (await response.TextAsync()).Replace("</main>", marker + "</main>");
            await route.FulfillAsync(new() { Response = response, Body = html });
        });
        await page.GotoAsync("/account/login");
    }

    [Fact]
    public async Task A_dashboard_marker_replayed_without_a_sign_in_shows_nothing()
    {
        var title = await DraftAsync();
        var admin = await BrowserCurators.SignInAsync(browser, "replay-admin", CuratorRoles.Admin);
        var curatorHtml = await (await admin.Context.APIRequest.GetAsync("/curate")).TextAsync();
        var marker = ServerMarker().Matches(curatorHtml).Last().Value; // the page's own; the first is the head outlet's
        Assert.NotEmpty(marker);

        // The control: in the admin's own browser the replayed marker starts the dashboard, drafts and all.
        await OpenWithMarkerAsync(admin, marker);
        await Expect(admin.GetByText(title).First).ToBeVisibleAsync();

        // An anonymous visitor's circuit gets nothing, and is sent to sign in.
        var stranger = await browser.NewPageAsync();
        var sockets = 0;
        stranger.WebSocket += (_, _) => sockets++;
        await OpenWithMarkerAsync(stranger, marker);
        await stranger.WaitForURLAsync(new Regex("/account/login\\?ReturnUrl="), new() { Timeout = 15_000 });
        Assert.True(sockets > 0, "the replayed marker should have started a circuit");
        Assert.DoesNotContain(title, await stranger.ContentAsync());
        await stranger.Context.CloseAsync();
    }
}
