namespace Timeline.Core.Search;

/// <summary>One page of a curator's list, its total, and the cursor of the next page (null on the last).</summary>
public sealed record KeysetPage<TRow>(IReadOnlyList<TRow> Rows, int Total, string? Next)
{
    public static KeysetPage<TRow> Empty { get; } = new([], 0, null);
}
