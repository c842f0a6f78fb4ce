using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Web;
using Radzen;

namespace Timeline.Web.Components.Curate;

/// <summary>What every curator page needs: who is signed in, and Radzen's notifications and confirmations.</summary>
public abstract class CuratorPageBase : ComponentBase
{
    /// <summary>Interactive on the server without prerendering: a curator page is a form, not something to index,
    /// and nothing can be typed into it before the circuit that will keep it is there.</summary>
    public static readonly IComponentRenderMode Mode = new InteractiveServerRenderMode(prerender: false);

    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = null!;
    [Inject] protected NotificationService Notifications { get; set; } = null!;
    [Inject] protected DialogService Dialogs { get; set; } = null!;
    [Inject] protected NavigationManager Navigation { get; set; } = null!;

    /// <summary>The signed-in user's name, recorded with every change.</summary>
    protected async Task<string> CurrentUserAsync() =>
        (await AuthenticationState).User.Identity?.Name ?? throw new InvalidOperationException("Curator pages require a signed-in user.");

    protected void Tell(string summary, string? detail = null) =>
        Notifications.Notify(new NotificationMessage { Severity = NotificationSeverity.Success, Summary = summary, Detail = detail ?? "", Duration = 5000 });

    protected void Warn(string summary, string? detail = null) =>
        Notifications.Notify(new NotificationMessage { Severity = NotificationSeverity.Error, Summary = summary, Detail = detail ?? "", Duration = 10000 });

    protected async Task<bool> ConfirmAsync(string question, string title, string yes) =>
        await Dialogs.Confirm(question, title, new ConfirmOptions { OkButtonText = yes, CancelButtonText = "Cancel" }) == true;
}
