using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.JSInterop;
using MudBlazor;
using Timeline.Core.Domain;
using Timeline.Web.Accounts;

namespace Timeline.Web.Components.Curate;

/// <summary>
/// What every curator component is built on: it checks the signed-in curator itself before it loads or renders
/// anything, and it keeps the page alive when something fails. Also who is signed in, and MudBlazor's snackbars
/// and confirmations (each page renders <see cref="CuratorProviders"/> for them).
/// </summary>
public abstract class CuratorPageBase : ComponentBase, IHandleEvent
{
    /// <summary>Interactive on the server without prerendering: a curator page is a form, not something to index,
    /// and nothing can be typed into it before the circuit that will keep it is there.</summary>
    public static readonly IComponentRenderMode Mode = new InteractiveServerRenderMode(prerender: false);

    [CascadingParameter] private Task<AuthenticationState>? AuthenticationState { get; set; }
    [Inject] private CuratorAccess Access { get; set; } = null!;
    [Inject] private ILogger<CuratorPageBase> Logger { get; set; } = null!;
    [Inject] protected ISnackbar Snackbar { get; set; } = null!;
    [Inject] protected IDialogService Dialogs { get; set; } = null!;
    [Inject] protected NavigationManager Navigation { get; set; } = null!;
    [Inject] protected IJSRuntime JS { get; set; } = null!;

    private bool focusInvalid;

    /// <summary>The role the component needs: Admin when it carries [Authorize(Policy = "Admin")], else Editor. The
    /// same attribute that the router enforces on a page, so the two cannot disagree.</summary>
    protected string RequiredRole => GetType().GetCustomAttributes<AuthorizeAttribute>(inherit: true)
        .Any(a => a.Policy == CuratorPolicies.Admin) ? CuratorRoles.Admin : CuratorRoles.Editor;

    /// <summary>
    /// Checks the signed-in curator (<see cref="CuratorAccess"/>) before the component initialises, loads or renders:
    /// the router's [Authorize] does not run when a component is started directly from a server-component marker.
    /// Refused, the component renders nothing at all and loads nothing; in a circuit the browser goes to sign-in.
    /// </summary>
    public override async Task SetParametersAsync(ParameterView parameters)
    {
        parameters.SetParameterProperties(this);
        if (await CheckAsync(RequiredRole) is null)
        {
            Logger.LogWarning("{Component} refused to start: no signed-in, active {Role}.", GetType().Name, RequiredRole);
            if (RendererInfo.IsInteractive)
                Navigation.NavigateTo($"{CuratorAuthentication.LoginPath}?ReturnUrl={Uri.EscapeDataString("/" + Navigation.ToBaseRelativePath(Navigation.Uri))}", forceLoad: true);
            return;
        }
        try
        {
            await base.SetParametersAsync(ParameterView.Empty);
        }
        catch (Exception e)
        {
            // Loading failed: say so, and keep the circuit (and any other open form) alive.
            Logger.LogError(e, "{Component} could not load.", GetType().Name);
            Warn("This page could not be loaded", "Reload the page; if it keeps failing, tell whoever runs the server.");
        }
    }

    /// <summary>
    /// Every event handler of a curator component runs through here. An exception is logged and reported to the
    /// editor instead of ending the circuit, which would throw away everything typed into the form.
    /// </summary>
    async Task IHandleEvent.HandleEventAsync(EventCallbackWorkItem callback, object? arg)
    {
        Task task;
        try
        {
            task = callback.InvokeAsync(arg);
        }
        catch (Exception e)
        {
            task = Task.FromException(e);
        }
        // As ComponentBase does: render at once (a "Saving…" state shows), and again when an async handler ends.
        if (!task.IsCompleted)
        {
            StateHasChanged();
            try
            {
                await task;
            }
            catch (Exception)
            {
                // reported below, from the task
            }
        }
        if (task.Exception?.GetBaseException() is { } failure)
            Report(failure);
        StateHasChanged();
    }

    /// <summary>After the next render, move the keyboard focus to the first field marked invalid: a keyboard or
    /// screen-reader user lands on what needs fixing instead of on the button they pressed.</summary>
    protected void FocusFirstInvalidField() => focusInvalid = true;

    /// <summary>A save the services refused for its fields: say so, and take the editor to the first message.</summary>
    protected void RefuseInvalid()
    {
        Warn("Not saved", "Some fields need attention: see the messages next to them.");
        FocusFirstInvalidField();
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!focusInvalid)
            return;
        focusInvalid = false;
        try
        {
            await JS.InvokeVoidAsync("timelineCurate.focusFirstInvalid");
        }
        catch (JSDisconnectedException)
        {
            // the editor has left the page
        }
    }

    private void Report(Exception failure)
    {
        if (failure is CuratorRefusedException refused)
        {
            Warn("Not done: " + refused.Message, "Your typing is still in the form. Sign in again in another tab, then try again.");
            return;
        }
        if (failure is Core.Storage.StoreFullException full)
        {
            Logger.LogWarning("{Component}: a save was refused, the store's disk has {Free} bytes free.", GetType().Name, full.FreeBytes);
            Warn(full.Message, "What you typed is still in the form.");
            return;
        }
        Logger.LogError(failure, "An action on {Component} failed.", GetType().Name);
        Warn("That did not work", "Nothing was lost: what you typed is still in the form. Try again; if it keeps failing, tell whoever runs the server.");
    }

    private async Task<CuratorUser?> CheckAsync(string role) =>
        await Access.CheckAsync(AuthenticationState is null ? null : (await AuthenticationState).User, role);

    /// <summary>
    /// The signed-in editor's name, recorded with every change. Asked before every change and checked against the
    /// stored account, so that an account disabled (or demoted) while its page is open can change nothing more.
    /// </summary>
    protected async Task<string> CurrentUserAsync(string role = CuratorRoles.Editor) =>
        (await CheckAsync(role))?.Name ?? throw new CuratorRefusedException($"this needs a signed-in {role.ToLowerInvariant()} whose account is active.");

    protected void Tell(string summary, string? detail = null) => Notify(summary, detail, Severity.Success, 5000);

    protected void Warn(string summary, string? detail = null) => Notify(summary, detail, Severity.Error, 10000);

    private void Notify(string summary, string? detail, Severity severity, int milliseconds) =>
        Snackbar.Add(Message(summary, detail), severity, options =>
        {
            options.VisibleStateDuration = milliseconds;
            options.ShowCloseIcon = true;
        });

    /// <summary>A snackbar's text (MudBlazor shows a string as text, never as markup).</summary>
    private static string Message(string summary, string? detail) =>
        string.IsNullOrEmpty(detail) ? summary : $"{summary} — {detail}";

    protected async Task<bool> ConfirmAsync(string question, string title, string yes) =>
        await Dialogs.ShowMessageBoxAsync(title, question, yesText: yes, cancelText: "Cancel") == true;
}

/// <summary>The signed-in account may no longer do this (signed out, disabled, demoted).</summary>
public sealed class CuratorRefusedException(string message) : Exception(message);
