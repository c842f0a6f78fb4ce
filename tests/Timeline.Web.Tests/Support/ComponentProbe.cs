// A test renderer must use the render tree types, which the analyzer reserves for framework code.
#pragma warning disable BL0006
using System.Text;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.RenderTree;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Timeline.Tests.Support;

/// <summary>
/// Starts a component by its type, with parameters, in a service scope of the real app: what a server-component
/// marker does in a circuit, without the router in front. (HtmlRenderer refuses components that declare an
/// interactive render mode; this renderer runs them as they are.) <see cref="RenderAsync"/> gives the text and
/// attribute values of everything the component rendered, its child components included.
/// </summary>
public sealed class ComponentProbe(IServiceProvider services, ILoggerFactory loggerFactory) : Renderer(services, loggerFactory)
{
    private readonly Dispatcher dispatcher = Dispatcher.CreateDefault();

    public override Dispatcher Dispatcher => dispatcher;

    protected override RendererInfo RendererInfo { get; } = new("Probe", isInteractive: false);

    protected override IComponent ResolveComponentForRenderMode(Type componentType, int? parentComponentId,
        IComponentActivator componentActivator, IComponentRenderMode renderMode) =>
        componentActivator.CreateInstance(componentType);

    protected override void HandleException(Exception exception) => throw exception;

    protected override Task UpdateDisplayAsync(in RenderBatch renderBatch) => Task.CompletedTask;

    /// <summary>Renders the component in a new scope of <paramref name="appServices"/> after <paramref name="prepare"/> ran on it.</summary>
    public static Task<string> RenderAsync(IServiceProvider appServices, Type type, ParameterView parameters, Action<IServiceProvider> prepare) =>
        InScopeAsync(appServices, prepare, async probe =>
        {
            var id = await probe.RenderAsync(type, parameters);
            return probe.Text(id);
        });

    /// <summary>Renders the component as <see cref="RenderAsync"/> does, clicks its first element with an onclick
    /// handler, and gives the text before and after the click, and the exception the click threw, if any.</summary>
    public static Task<(string Before, string After, Exception? Error)> RenderAndClickAsync(
        IServiceProvider appServices, Type type, Action<IServiceProvider> prepare) =>
        InScopeAsync(appServices, prepare, async probe =>
        {
            var id = await probe.RenderAsync(type, ParameterView.Empty);
            var before = probe.Text(id);
            var frames = probe.GetCurrentRenderTreeFrames(id);
            var handler = Enumerable.Range(0, frames.Count).Select(i => frames.Array[i])
                .First(f => f.FrameType == RenderTreeFrameType.Attribute && f.AttributeName == "onclick").AttributeEventHandlerId;
            Exception? error = null;
            try
            {
                await probe.DispatchEventAsync(handler, new EventFieldInfo(), new Microsoft.AspNetCore.Components.Web.MouseEventArgs());
            }
            catch (Exception e)
            {
                error = e;
            }
            return (before, probe.Text(id), error);
        });

    /// <summary>A probe in a new service scope of the app (its navigation manager initialised, as a circuit's is).</summary>
    private static async Task<T> InScopeAsync<T>(IServiceProvider appServices, Action<IServiceProvider> prepare, Func<ComponentProbe, Task<T>> use)
    {
        await using var scope = appServices.CreateAsyncScope();
        if (scope.ServiceProvider.GetRequiredService<NavigationManager>() is IHostEnvironmentNavigationManager navigation)
            navigation.Initialize("http://localhost/", "http://localhost/curate");
        prepare(scope.ServiceProvider);
        await using var probe = new ComponentProbe(scope.ServiceProvider, scope.ServiceProvider.GetRequiredService<ILoggerFactory>());
        return await probe.Dispatcher.InvokeAsync(() => use(probe));
    }

    private async Task<int> RenderAsync(Type type, ParameterView parameters)
    {
        var id = AssignRootComponentId(InstantiateComponent(type));
        await RenderRootComponentAsync(id, parameters);
        return id;
    }

    private string Text(int componentId)
    {
        var text = new StringBuilder();
        Describe(componentId, text);
        return text.ToString().Trim();
    }

    private void Describe(int componentId, StringBuilder text)
    {
        var frames = GetCurrentRenderTreeFrames(componentId);
        for (var i = 0; i < frames.Count; i++)
        {
            var frame = frames.Array[i];
            switch (frame.FrameType)
            {
                case RenderTreeFrameType.Text:
                    text.Append(frame.TextContent).Append(' ');
                    break;
                case RenderTreeFrameType.Markup:
                    text.Append(frame.MarkupContent).Append(' ');
                    break;
                case RenderTreeFrameType.Attribute when frame.AttributeValue is string value:
                    text.Append(value).Append(' ');
                    break;
                case RenderTreeFrameType.Component:
                    Describe(frame.ComponentId, text);
                    break;
            }
        }
    }
}
