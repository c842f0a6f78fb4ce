namespace Timeline.Web.Components.Curate;

/// <summary>
/// Page numbers over a keyset-paged list, for a grid whose pager asks for "page n". The cursor each page starts
/// after is remembered as pages load; a page further on (the pager's "last page") is reached by loading the pages
/// before it one after another, each an index range of one page, never a skip over the rows.
/// </summary>
public sealed class KeysetPages
{
    private readonly List<string?> starts = [null]; // starts[n]: the cursor page n starts after (page 0: none)

    /// <summary>Forget the cursors (the filters changed, so the pages did).</summary>
    public void Reset()
    {
        starts.Clear();
        starts.Add(null);
    }

    /// <summary>Loads page <paramref name="page"/> (from 0), or the last page when the list has fewer.</summary>
    /// <param name="load">Loads the page after a cursor (null: the first page).</param>
    /// <param name="next">The cursor after a loaded page; null on the last page.</param>
    public async Task<T> LoadAsync<T>(int page, Func<string?, Task<T>> load, Func<T, string?> next)
    {
        while (true)
        {
            var known = Math.Clamp(page, 0, starts.Count - 1);
            var result = await load(starts[known]);
            var after = next(result);
            if (after is not null && starts.Count == known + 1)
                starts.Add(after);
            if (known == page || after is null)
                return result;
        }
    }
}
