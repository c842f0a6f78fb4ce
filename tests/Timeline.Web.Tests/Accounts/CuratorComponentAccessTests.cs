using Timeline.Web.Components.Curate.Pages;
using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Timeline.Core.Curation;
using Timeline.Core.Dates;
using Timeline.Core.Domain;
using Timeline.Tests.Support;
using Timeline.Web.Accounts;
using Timeline.Web.Components.Curate;

namespace Timeline.Web.Tests.Accounts;

/// <summary>
/// Every curator component checks the signed-in user itself before it loads or shows anything: started without
/// the router (as a server-component marker replayed in another page starts it), it renders nothing for an
/// anonymous visitor, for an editor on an admin component, and for a disabled account.
/// </summary>
public sealed class CuratorComponentAccessTests(TimelineWebFactory factory) : IClassFixture<TimelineWebFactory>
{
    public static TheoryData<string> CuratorComponents() =>
        [.. typeof(CuratorPageBase).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(CuratorPageBase)) && !t.IsAbstract).Select(t => t.FullName!)];

    private static Type ComponentType(string name) => typeof(CuratorPageBase).Assembly.GetType(name)!;

    private static ParameterView ParametersFor(Type type)
    {
        var values = new Dictionary<string, object?>();
        if (type.GetProperty("Id") is { } id)
            values["Id"] = id.PropertyType == typeof(int) ? 1 : (int?)1;
        if (type.GetProperty("EventId") is not null)
            values["EventId"] = (int?)1;
        return ParameterView.FromDictionary(values);
    }

    private Task<string> RenderAsync(Type type, ClaimsPrincipal user) =>
        ComponentProbe.RenderAsync(factory.Services, type, ParametersFor(type), services =>
            ((IHostEnvironmentAuthenticationStateProvider)services.GetRequiredService<AuthenticationStateProvider>())
                .SetAuthenticationState(Task.FromResult(new AuthenticationState(user))));

    private async Task<ClaimsPrincipal> PrincipalOfAsync(string name, string role)
    {
        await Curators.EnsureAsync(factory.Services, name, role);
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CuratorAccount>>();
        var factoryOfClaims = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<CuratorAccount>>();
        return await factoryOfClaims.CreateAsync((await users.FindByNameAsync(name))!);
    }

    private async Task<string> DraftTitleAsync()
    {
        const string title = "Marker draft for the access test";
        var events = factory.Services.GetRequiredService<EventEditor>();
        if (events.GetChoices() is not null && factory.Services.GetRequiredService<CuratorEventList>().List(title, EventStatus.Draft).Total == 0)
        {
            Assert.IsType<Saved>(await events.SaveAsync(new EventForm
            {
                Title = title, Start = new PartialDateInput { Precision = DatePrecision.Year, Year = 2020 },
            }, "test"));
        }
        return title;
    }

    [Fact]
    public async Task An_admin_sees_the_dashboard_with_its_drafts()
    {
        // The control: rendered this way, a curator component does show its data to someone allowed to see it.
        var title = await DraftTitleAsync();
        var html = await RenderAsync(typeof(Timeline.Web.Components.Curate.Pages.DashboardPage), await PrincipalOfAsync("access-admin", CuratorRoles.Admin));
        Assert.Contains(title, html);
    }

    [Theory]
    [MemberData(nameof(CuratorComponents))]
    public async Task An_anonymous_visitor_gets_nothing(string component)
    {
        await DraftTitleAsync();
        Assert.Equal("", await RenderAsync(ComponentType(component), new ClaimsPrincipal(new ClaimsIdentity())));
    }

    [Theory]
    [MemberData(nameof(CuratorComponents))]
    public async Task A_disabled_account_gets_nothing(string component)
    {
        var principal = await PrincipalOfAsync("access-disabled", CuratorRoles.Admin);
        await Curators.EnsureAsync(factory.Services, "access-keeper", CuratorRoles.Admin); // the last admin cannot be disabled
        await using (var scope = factory.Services.CreateAsyncScope())
            Assert.Empty(await scope.ServiceProvider.GetRequiredService<CuratorAccounts>().SetDisabledAsync("access-disabled", true));
        Assert.Equal("", await RenderAsync(ComponentType(component), principal));
    }

    [Fact]
    public async Task An_editor_gets_nothing_from_an_admin_component_but_its_own_pages_render()
    {
        var editor = await PrincipalOfAsync("access-editor", CuratorRoles.Editor);
        var adminOnly = typeof(CuratorPageBase).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(CuratorPageBase)))
            .Where(t => t.GetCustomAttributes(typeof(Microsoft.AspNetCore.Authorization.AuthorizeAttribute), true)
                .Cast<Microsoft.AspNetCore.Authorization.AuthorizeAttribute>().Any(a => a.Policy == CuratorPolicies.Admin))
            .ToList();
        Assert.Contains(typeof(Timeline.Web.Components.Curate.Pages.UsersPage), adminOnly);
        Assert.Contains(typeof(Timeline.Web.Components.Curate.Pages.BackupsPage), adminOnly);
        foreach (var type in adminOnly)
            Assert.Equal("", await RenderAsync(type, editor));
        Assert.Contains(await DraftTitleAsync(), await RenderAsync(typeof(Timeline.Web.Components.Curate.Pages.DashboardPage), editor));
    }

    [Fact]
    public async Task A_stale_sign_in_gets_nothing_once_the_password_is_reset()
    {
        var principal = await PrincipalOfAsync("access-reset", CuratorRoles.Editor);
        await using (var scope = factory.Services.CreateAsyncScope())
            Assert.Empty(await scope.ServiceProvider.GetRequiredService<CuratorAccounts>().ResetPasswordAsync("access-reset", "another long enough password"));
        Assert.Equal("", await RenderAsync(typeof(Timeline.Web.Components.Curate.Pages.DashboardPage), principal));
    }
}

/// <summary>A curator form whose save fails with an exception, as a bug in a service would make it.</summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = CuratorPolicies.Editor)]
public sealed class FailingCuratorForm : CuratorPageBase
{
    private string typed = "what the editor typed";

    protected override void BuildRenderTree(Microsoft.AspNetCore.Components.Rendering.RenderTreeBuilder builder)
    {
        builder.OpenElement(0, "p");
        builder.AddContent(1, typed);
        builder.CloseElement();
        builder.OpenElement(2, "button");
        builder.AddAttribute(3, "onclick", EventCallback.Factory.Create(this, SaveAsync));
        builder.AddContent(4, "Save");
        builder.CloseElement();
    }

    private async Task SaveAsync()
    {
        typed += " (still here)";
        await Task.Yield();
        throw new InvalidOperationException("The store failed.");
    }
}

public sealed class CuratorFailureTests(TimelineWebFactory factory) : IClassFixture<TimelineWebFactory>
{
    [Fact]
    public async Task An_exception_in_an_action_keeps_the_form_and_tells_the_editor()
    {
        await Curators.EnsureAsync(factory.Services, "failure-editor");
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CuratorAccount>>();
        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<CuratorAccount>>()
            .CreateAsync((await users.FindByNameAsync("failure-editor"))!);
        List<(string? Message, MudBlazor.Severity Severity)> shown = [];

        var (before, after, error) = await ComponentProbe.RenderAndClickAsync(factory.Services, typeof(FailingCuratorForm), services =>
        {
            ((IHostEnvironmentAuthenticationStateProvider)services.GetRequiredService<AuthenticationStateProvider>())
                .SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
            var snackbar = services.GetRequiredService<MudBlazor.ISnackbar>();
            // The scope (and its snackbar service, which clears its list) is gone after the probe: record as they come.
            snackbar.OnSnackbarsUpdated += () => shown = snackbar.ShownSnackbars.Select(s => (s.Message, s.Severity)).ToList();
        });

        Assert.Null(error); // the circuit would have ended here
        Assert.Contains("what the editor typed", before);
        Assert.Contains("what the editor typed (still here)", after);
        var message = Assert.Single(shown);
        Assert.Equal(MudBlazor.Severity.Error, message.Severity);
        Assert.StartsWith("That did not work — ", message.Message);
        Assert.Contains("Nothing was lost", message.Message);
    }
}
