namespace Timeline.Core.Curation;

/// <summary>
/// One field in a three-way comparison: as the editor opened it, as the editor has it now, and as it is
/// stored now. When only one side changed it, that side is taken; when both did, the editor chooses.
/// </summary>
public sealed record MergeField(string Key, string Label, string Base, string Mine, string Theirs)
{
    public bool ChangedByThem => Theirs != Base;
    public bool ChangedByMe => Mine != Base;
    public bool NeedsChoice => ChangedByThem && ChangedByMe && Mine != Theirs;
}

public static class EventMerge
{
    /// <summary>The fields someone else changed since <paramref name="original"/> was loaded.</summary>
    public static IReadOnlyList<MergeField> Compare(EventForm original, EventForm mine, EventForm theirs) =>
        [.. EventForm.Fields
            .Select(f => new MergeField(f.Key, f.Label, f.Read(original), f.Read(mine), f.Read(theirs)))
            .Where(f => f.ChangedByThem)];

    /// <summary>
    /// The editor's form brought up to the stored version: each field changed only by the other editor is
    /// taken from <paramref name="theirs"/>, as is each conflicting field listed in <paramref name="takeTheirs"/>;
    /// everything else stays as the editor typed it.
    /// </summary>
    public static EventForm Apply(EventForm mine, EventForm original, EventForm theirs, IReadOnlySet<string> takeTheirs)
    {
        var merged = mine.Clone();
        merged.Version = theirs.Version;
        foreach (var field in Compare(original, mine, theirs))
        {
            if (!field.ChangedByMe || (field.NeedsChoice && takeTheirs.Contains(field.Key)))
                EventForm.Fields.Single(f => f.Key == field.Key).CopyFrom(merged, theirs);
        }
        return merged;
    }
}
