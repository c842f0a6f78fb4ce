using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Web;
using Radzen;
using Timeline.Core.Domain;

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

    /// <summary>
    /// The signed-in editor's name, recorded with every change. Asked before every change, so that an account
    /// disabled (or demoted) while its page is open can change nothing more: the circuit's authentication state
    /// is revalidated every minute (CuratorAuthenticationStateProvider).
    /// </summary>
    protected async Task<string> CurrentUserAsync(string role = CuratorRoles.Editor)
    {
        var user = (await AuthenticationState).User;
        if (user.Identity?.IsAuthenticated != true || !user.IsInRole(role) || user.Identity.Name is not { } name)
            throw new UnauthorizedAccessException($"This change needs a signed-in {role.ToLowerInvariant()}. Sign in again.");
        return name;
    }

    protected void Tell(string summary, string? detail = null) =>
        Notifications.Notify(new NotificationMessage { Severity = NotificationSeverity.Success, Summary = summary, Detail = detail ?? "", Duration = 5000 });

    protected void Warn(string summary, string? detail = null) =>
        Notifications.Notify(new NotificationMessage { Severity = NotificationSeverity.Error, Summary = summary, Detail = detail ?? "", Duration = 10000 });

    protected async Task<bool> ConfirmAsync(string question, string title, string yes) =>
        await Dialogs.Confirm(question, title, new ConfirmOptions { OkButtonText = yes, CancelButtonText = "Cancel" }) == true;
}
