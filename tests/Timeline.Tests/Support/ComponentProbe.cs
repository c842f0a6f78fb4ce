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
    public static async Task<string> RenderAsync(IServiceProvider appServices, Type type, ParameterView parameters, Action<IServiceProvider> prepare)
    {
        await using var scope = appServices.CreateAsyncScope();
        if (scope.ServiceProvider.GetRequiredService<NavigationManager>() is IHostEnvironmentNavigationManager navigation)
            navigation.Initialize("http://localhost/", "http://localhost/curate");
        prepare(scope.ServiceProvider);
        await using var probe = new ComponentProbe(scope.ServiceProvider, scope.ServiceProvider.GetRequiredService<ILoggerFactory>());
        return await probe.Dispatcher.InvokeAsync(async () =>
        {
            var component = probe.InstantiateComponent(type);
            var id = probe.AssignRootComponentId(component);
            await probe.RenderRootComponentAsync(id, parameters);
            var text = new StringBuilder();
            probe.Describe(id, text);
            return text.ToString().Trim();
        });
    }

    /// <summary>Renders the component as <see cref="RenderAsync"/> does, clicks its first element with an onclick
    /// handler, and gives the text before and after the click, and the exception the click threw, if any.</summary>
    public static async Task<(string Before, string After, Exception? Error)> RenderAndClickAsync(
        IServiceProvider appServices, Type type, Action<IServiceProvider> prepare)
    {
        await using var scope = appServices.CreateAsyncScope();
        if (scope.ServiceProvider.GetRequiredService<NavigationManager>() is IHostEnvironmentNavigationManager navigation)
            navigation.Initialize("http://localhost/", "http://localhost/curate");
        prepare(scope.ServiceProvider);
        await using var probe = new ComponentProbe(scope.ServiceProvider, scope.ServiceProvider.GetRequiredService<ILoggerFactory>());
        return await probe.Dispatcher.InvokeAsync(async () =>
        {
            var id = probe.AssignRootComponentId(probe.InstantiateComponent(type));
            await probe.RenderRootComponentAsync(id, ParameterView.Empty);
            var before = new StringBuilder();
            probe.Describe(id, before);
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
            var after = new StringBuilder();
            probe.Describe(id, after);
            return (before.ToString().Trim(), after.ToString().Trim(), error);
        });
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
