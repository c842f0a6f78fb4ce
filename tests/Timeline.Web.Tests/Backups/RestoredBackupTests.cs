using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Timeline.Core.Backups;
using Timeline.Core.Curation;
using Timeline.Core.Dates;
using Timeline.Core.Domain;
using Timeline.Tests.Support;
using Timeline.Web.Accounts;
using Timeline.Web.Backups;

namespace Timeline.Web.Tests.Backups;

/// <summary>A backup taken by a running app, restored into another store and served by another app: the same public
/// pages, byte for byte, and the same accounts.</summary>
public sealed class RestoredBackupTests : IAsyncLifetime
{
    private readonly TimelineWebFactory original = new();
    private readonly string restoredFolder = TestStore.NewFolder();

    private sealed class RestoredFactory(string storePath) : TimelineWebFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("ConnectionStrings:Timeline", $"Filename={storePath}");
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>The page without Blazor's persisted component state, which is encrypted afresh (a new IV) at every render.</summary>
    private static string WithoutState(string html) => System.Text.RegularExpressions.Regex.Replace(html, "<!--Blazor-Server-Component-State:[^>]*-->", "");

    public async Task DisposeAsync()
    {
        await original.DisposeAsync();
        await TempFolders.DeleteAsync(restoredFolder);
    }

    [Fact]
    public async Task A_restored_backup_serves_the_same_public_pages_and_accounts()
    {
        await Curators.EnsureAsync(original.Services, "restore-admin", CuratorRoles.Admin);
        var editor = original.Services.GetRequiredService<EventEditor>();
        var saved = Assert.IsType<Saved>(await editor.SaveAsync(new EventForm
        {
            Title = "Published before the backup", Start = new PartialDateInput { Precision = DatePrecision.Year, Year = 2024 }, Status = EventStatus.Published,
        }, "restore-admin"));
        var backup = await original.Services.GetRequiredService<BackupService>().BackUpNowAsync();
        string[] pages = ["/", "/eras", $"/events/{saved.Slug}", "/eras/2023-security-coordination-halt", "/search?q=jenin", "/changes"];
        var before = new Dictionary<string, string>();
        var client = original.CreateBrowserlessClient();
        foreach (var page in pages)
            before[page] = await client.GetStringAsync(page);
        List<string> accountsBefore;
        await using (var scope = original.Services.CreateAsyncScope())
            accountsBefore = [.. scope.ServiceProvider.GetRequiredService<CuratorAccounts>().List().Select(a => $"{a.UserName} {a.Role} {a.IsDisabled}")];

        var store = Path.Combine(restoredFolder, "timeline.db");
        StoreRestore.Restore(backup.FullPath, store, CuratorAuthentication.KeysDirectory(store).FullName, DateTimeOffset.UtcNow);
        await using var restored = new RestoredFactory(store);
        var restoredClient = restored.CreateBrowserlessClient();
        foreach (var page in pages)
        {
            var response = await restoredClient.GetAsync(page);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(WithoutState(before[page]), WithoutState(await response.Content.ReadAsStringAsync()));
        }
        await using (var scope = restored.Services.CreateAsyncScope())
            Assert.Equal(accountsBefore, scope.ServiceProvider.GetRequiredService<CuratorAccounts>().List().Select(a => $"{a.UserName} {a.Role} {a.IsDisabled}"));
    }
}
