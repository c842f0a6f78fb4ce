using Timeline.Core.ArticleReading;
using Timeline.Core.Importing;
using Bunit;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Timeline.Core.Curation;
using Timeline.Core.Domain;
using Timeline.Tests.Support;
using Timeline.Web.Accounts;

namespace Timeline.Web.Tests.Components;

/// <summary>
/// bUnit for whole curator pages: the app's real curation services over a real store (a
/// <see cref="TimelineWebFactory"/> per test class), and a real signed-in editor, whose account
/// <c>CuratorPageBase</c> checks against the store as it does in the app.
/// </summary>
public abstract class CuratorPageContext(TimelineWebFactory factory, string editor, string role = CuratorRoles.Editor) : MudTestContext
{
    private AsyncServiceScope scope;

    protected TimelineWebFactory Factory => factory;

    protected T Service<T>() where T : notnull => factory.Services.GetRequiredService<T>();

    /// <summary>A new draft event stored through the editor's service, as another curator would have made it.</summary>
    protected async Task<int> CreateEventAsync(string title)
    {
        var form = new EventForm { Title = title, Start = new PartialDateInput { Precision = Timeline.Core.Dates.DatePrecision.Year, Year = 2020 } };
        var saved = Assert.IsType<Saved>(await Service<EventEditor>().SaveAsync(form, "someone-else"));
        return saved.Id;
    }

    protected override async Task PrepareAsync()
    {
        await Curators.EnsureAsync(factory.Services, editor, role);
        scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CuratorAccount>>();
        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<CuratorAccount>>()
            .CreateAsync((await users.FindByNameAsync(editor))!);
        foreach (var service in new[] { typeof(EventEditor), typeof(ArticleEditor), typeof(LinkEditor), typeof(StorylineEditor), typeof(CurationHistory), typeof(CurationDashboard), typeof(CuratorEventList), typeof(TimelineJsImporter),
                     typeof(ArticleInsights), typeof(PendingArticleDates), typeof(ArticleFetcher), typeof(Timeline.Web.Backups.BackupService) })
            Services.AddSingleton(service, factory.Services.GetRequiredService(service));
        Services.AddSingleton(scope.ServiceProvider.GetRequiredService<CuratorAccess>());
        Services.AddSingleton(scope.ServiceProvider.GetRequiredService<CuratorAccounts>());
        Services.AddCascadingValue(_ => Task.FromResult(new AuthenticationState(principal)));
    }

    protected override async Task CleanUpAsync()
    {
        await base.CleanUpAsync();
        await scope.DisposeAsync();
    }
}
