using Bunit;
using MudBlazor;
using MudBlazor.Services;

namespace Timeline.Web.Tests.Components;

/// <summary>
/// A bUnit context for the curator components: MudBlazor's services, JS interop in loose mode (MudBlazor calls its
/// own scripts, which a unit test has none of), and asynchronous disposal (some MudBlazor services are only
/// IAsyncDisposable, which xunit's synchronous Dispose of a test class would throw on).
/// </summary>
public abstract class MudTestContext : BunitContext, IAsyncLifetime
{
    protected MudTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }

    Task IAsyncLifetime.InitializeAsync() => PrepareAsync();

    Task IAsyncLifetime.DisposeAsync() => CleanUpAsync();

    /// <summary>Before the test: register what the components need (services are fixed at the first render).</summary>
    protected virtual Task PrepareAsync() => Task.CompletedTask;

    protected virtual async Task CleanUpAsync() => await DisposeAsync();

    /// <summary>Chooses <paramref name="value"/> in the MudSelect whose input has <paramref name="inputId"/>, as
    /// picking its item does (the item list is a popover, which the browser tests click through).</summary>
    protected static void Choose<TValue>(IRenderedComponent<Microsoft.AspNetCore.Components.IComponent> rendered, string inputId, TValue value)
    {
        var select = rendered.FindComponents<MudSelect<TValue>>().Single(s => s.FindAll($"input#{inputId}").Count == 1);
        select.InvokeAsync(() => select.Instance.SelectOption(value)).GetAwaiter().GetResult();
    }
}
