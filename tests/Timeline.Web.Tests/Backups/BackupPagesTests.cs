using System.IO.Compression;
using System.Net;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Timeline.Core.Backups;
using Timeline.Core.Domain;
using Timeline.Tests.Support;
using Timeline.Web.Backups;
using Timeline.Web.Components.Curate.Pages;
using Timeline.Web.Tests.Components;

namespace Timeline.Web.Tests.Backups;

/// <summary>"Back up now" on the admin page, and the backups it lists downloaded through the real host.</summary>
public sealed class BackupPagesTests(TimelineWebFactory factory) : CuratorPageContext(factory, "backup-admin", CuratorRoles.Admin), IClassFixture<TimelineWebFactory>
{
    [Fact]
    public async Task An_admin_backs_up_now_sees_it_listed_and_downloads_it_and_no_one_else_can()
    {
        var page = Render<BackupsPage>();
        page.WaitForAssertion(() => Assert.Contains("Back up now", page.Markup));
        Assert.Contains(Service<BackupService>().Folder, page.Markup);
        Assert.Contains("every day and keeps the newest 7", page.Markup);
        var before = page.FindAll("table.backups tbody tr").Count;

        page.FindAll("button").Single(b => b.TextContent == "Back up now").Click();
        page.WaitForAssertion(() => Assert.Contains(Services.GetRequiredService<ISnackbar>().ShownSnackbars, s => s.Message!.StartsWith("Backed up")), TimeSpan.FromSeconds(30));
        page.WaitForAssertion(() => Assert.Equal(before + 1, page.FindAll("table.backups tbody tr").Count));
        Assert.Contains("18 events, 5 articles", page.Find("table.backups tbody tr").TextContent);
        var link = page.Find("table.backups tbody tr a");
        var name = link.TextContent;
        Assert.True(BackupFolder.IsBackupName(name));
        Assert.Equal($"/curate/admin/backups/{name}", link.GetAttribute("href"));

        var admin = await CuratorHttp.SignedInClientAsync(Factory, "backup-admin", CuratorRoles.Admin);
        using (var response = await admin.GetAsync(link.GetAttribute("href")))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/zip", response.Content.Headers.ContentType!.MediaType);
            Assert.Equal(name, response.Content.Headers.ContentDisposition!.FileName);
            Assert.True(response.Headers.CacheControl!.NoStore);
            using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync());
            Assert.NotNull(zip.GetEntry("timeline.db"));
            Assert.NotNull(zip.GetEntry("backup.json"));
        }
        foreach (var bad in new[] { "timeline.db", "..%2Ftimeline.db", name + ".partial", "timeline-backup-20000101-000000.zip" })
            Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/curate/admin/backups/" + bad)).StatusCode);

        var editor = await CuratorHttp.SignedInClientAsync(Factory, "backup-editor");
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync(link.GetAttribute("href"))).StatusCode);
        var anonymous = Factory.CreateBrowserlessClient();
        var refused = await anonymous.GetAsync(link.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.Found, refused.StatusCode);
        Assert.StartsWith("/account/login", refused.Headers.Location!.OriginalString.Replace("http://localhost", ""));
    }
}
