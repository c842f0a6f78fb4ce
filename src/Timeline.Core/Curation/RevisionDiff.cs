using DiffPlex;
using DiffPlex.Chunkers;

namespace Timeline.Core.Curation;

public enum DiffPieceKind
{
    Same,
    Removed,
    Added,
}

public sealed record DiffPiece(DiffPieceKind Kind, string Text);

/// <summary>One field that differs: before, after, and (for text) the words removed and added.</summary>
public sealed record FieldChange(string Label, string Before, string After, IReadOnlyList<DiffPiece> Pieces);

/// <summary>Compares two snapshots field by field; DiffPlex finds the changed words inside a field.</summary>
public static class RevisionDiff
{
    public static IReadOnlyList<FieldChange> Between(ISnapshot? before, ISnapshot after)
    {
        var old = before?.Describe().ToDictionary(f => f.Label, f => f.Text) ?? [];
        var changes = new List<FieldChange>();
        foreach (var (label, text) in after.Describe())
        {
            var previous = old.GetValueOrDefault(label, "");
            if (previous != text)
                changes.Add(new FieldChange(label, previous, text, Words(previous, text)));
        }
        return changes;
    }

    /// <summary>"title, summary": the labels, for a revision's one-line description.</summary>
    public static string Labels(IEnumerable<FieldChange> changes) => string.Join(", ", changes.Select(c => c.Label.ToLowerInvariant()));

    public static IReadOnlyList<DiffPiece> Words(string before, string after)
    {
        var diff = Differ.Instance.CreateDiffs(before, after, ignoreWhiteSpace: false, ignoreCase: false, new DelimiterChunker([' ', '\n', ',', '.']));
        var pieces = new List<DiffPiece>();
        var oldIndex = 0;
        foreach (var block in diff.DiffBlocks)
        {
            Add(pieces, DiffPieceKind.Same, diff.PiecesOld.Skip(oldIndex).Take(block.DeleteStartA - oldIndex));
            Add(pieces, DiffPieceKind.Removed, diff.PiecesOld.Skip(block.DeleteStartA).Take(block.DeleteCountA));
            Add(pieces, DiffPieceKind.Added, diff.PiecesNew.Skip(block.InsertStartB).Take(block.InsertCountB));
            oldIndex = block.DeleteStartA + block.DeleteCountA;
        }
        Add(pieces, DiffPieceKind.Same, diff.PiecesOld.Skip(oldIndex));
        return pieces;
    }

    private static void Add(List<DiffPiece> pieces, DiffPieceKind kind, IEnumerable<string> words)
    {
        var text = string.Concat(words);
        if (text.Length > 0)
            pieces.Add(new DiffPiece(kind, text));
    }
}
