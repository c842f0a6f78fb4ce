using MudBlazor;
using Timeline.Core.Search;

namespace Timeline.Web.Components.Curate;

/// <summary>
/// Page numbers over a keyset-paged list, for a grid whose pager asks for "page n". The cursor each page starts
/// after is remembered as pages load; a page further on (the pager's "last page") is reached by loading the pages
/// before it one after another, each an index range of one page, never a skip over the rows. The grids sort by
/// date only, newest or oldest first: both are one index read either way, so a change of direction starts the
/// cursors over, at the first page of the new order (never a walk to the page number the grid was on).
/// </summary>
public sealed class KeysetPages
{
    private readonly List<string?> starts = [null]; // starts[n]: the cursor page n starts after (page 0: none)
    private bool oldestFirst; // the order the cursors belong to

    /// <summary>Forget the cursors (the filters changed, so the pages did).</summary>
    public void Reset()
    {
        starts.Clear();
        starts.Add(null);
    }

    /// <summary>After the filters changed: forget the cursors and show the grid's first page of the new list.</summary>
    public async Task StartOverAsync<TRow>(MudDataGrid<TRow> grid)
    {
        Reset();
        if (grid.CurrentPage > 0)
            grid.NavigateTo(Page.First); // loads the first page of the new filters
        else
            await grid.ReloadServerData();
    }

    /// <summary>Loads page <paramref name="page"/> (from 0), or the last page when the list has fewer.</summary>
    /// <param name="load">Loads the page after a cursor (null: the first page).</param>
    public KeysetPage<TRow> Load<TRow>(int page, Func<string?, KeysetPage<TRow>> load)
    {
        while (true)
        {
            var known = Math.Clamp(page, 0, starts.Count - 1);
            var result = load(starts[known]);
            if (result.Next is not null && starts.Count == known + 1)
                starts.Add(result.Next);
            if (known == page || result.Next is null)
                return result;
        }
    }

    /// <summary>Whether a grid's sort (by its one date column) asks for the oldest first. No sort is the default order: newest first.</summary>
    public static bool OldestFirst<TRow>(IEnumerable<SortDefinition<TRow>>? sorts) => sorts?.FirstOrDefault() is { Descending: false };

    /// <summary>After the grid's order changed: its pager back to the first page, where the new order starts.</summary>
    public static void ShowFirstPage<TRow>(MudDataGrid<TRow>? grid)
    {
        if (grid is { CurrentPage: > 0 })
            grid.NavigateTo(Page.First);
    }

    /// <summary>
    /// The page a grid asks for, in the order its sorted column asks for, as the grid takes it: a completed task,
    /// since MudDataGrid's ServerData asks for one and the lists are synchronous store and index reads.
    /// </summary>
    /// <param name="load">Loads the page after a cursor (null: the first page), oldest first when told.</param>
    public Task<GridData<TRow>> LoadGrid<TRow>(GridState<TRow> state, Func<string?, bool, KeysetPage<TRow>> load)
    {
        var ascending = OldestFirst(state.SortDefinitions);
        var page = state.Page;
        if (ascending != oldestFirst)
        {
            Reset();
            oldestFirst = ascending;
            page = 0; // the grid's pager follows: ShowFirstPage, on the grid's SortChanged
        }
        var list = Load(page, after => load(after, ascending));
        return Task.FromResult(new GridData<TRow> { Items = list.Rows, TotalItems = list.Total });
    }
}
