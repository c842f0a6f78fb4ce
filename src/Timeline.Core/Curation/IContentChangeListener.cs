namespace Timeline.Core.Curation;

/// <summary>Told after every stored change, so that cached public pages and filter choices are refreshed at once.</summary>
public interface IContentChangeListener
{
    Task ContentChangedAsync(CancellationToken cancellationToken = default);
}
