using Timeline.Core.Domain;
using Timeline.Core.Storage;

namespace Timeline.Core.Curation;

/// <summary>One revision with what it changed against the revision before it of the same thing.</summary>
public sealed record HistoryEntry(long Id, RevisionSubject Subject, int SubjectId, string Action, string Description, string ChangedBy,
    DateTimeOffset ChangedAt, IReadOnlyList<FieldChange> Changes, bool CanRestore);

public sealed record RecentChange(long Id, RevisionSubject Subject, int SubjectId, int? EventId, int? ArticleId, string Description, string ChangedBy, DateTimeOffset ChangedAt);

/// <summary>Reads the revision log: an event's or article's history (with its links), and the latest changes.</summary>
public sealed class CurationHistory(TimelineStore store)
{
    /// <summary>The event's own revisions and its links'; its own (but the latest) can be restored.</summary>
    public IReadOnlyList<HistoryEntry> ForEvent(int eventId) =>
        Build(Range(nameof(Revision.EventKey), TimelineKeys.OwnedPrefix(eventId)), RevisionSubject.Event);

    /// <summary>The article's metadata revisions and its links'.</summary>
    public IReadOnlyList<HistoryEntry> ForArticle(int articleId) =>
        Build(Range(nameof(Revision.ArticleKey), TimelineKeys.OwnedPrefix(articleId)), restorable: null);

    public IReadOnlyList<HistoryEntry> ForStoryline(int storylineId) =>
        Build(Range(nameof(Revision.SubjectKey), TimelineKeys.SubjectPrefix(RevisionSubject.Storyline, storylineId)), restorable: null);

    public IReadOnlyList<RecentChange> Recent(int take = 15)
    {
        IReadOnlyList<RecentChange> rows = [.. store.RecentRevisions().Limit(take).ToEnumerable()
            .Select(r => new RecentChange(r.Id, r.Subject, r.SubjectId, r.EventId, r.ArticleId, r.Description, r.ChangedBy, r.ChangedAt))];
        return rows;
    }

    /// <summary>One owner's revisions, oldest first: a range of one of the revisions' key indexes.</summary>
    private List<Revision> Range(string keyField, string prefix) =>
        [.. store.RevisionsOf(keyField, prefix).ToEnumerable()];

    /// <summary>Newest first. Each revision is compared with the one before it of the same subject; all but the
    /// latest revision of <paramref name="restorable"/> can be restored.</summary>
    private static IReadOnlyList<HistoryEntry> Build(IReadOnlyList<Revision> revisions, RevisionSubject? restorable)
    {
        var previous = new Dictionary<(RevisionSubject, int), ISnapshot>();
        var entries = new List<HistoryEntry>();
        var latest = revisions.LastOrDefault(r => r.Subject == restorable)?.Id;
        foreach (var revision in revisions)
        {
            var snapshot = Snapshots.Read(revision);
            var key = (revision.Subject, revision.SubjectId);
            // A removal's snapshot is the state before it: nothing to compare, the description says it.
            var changes = revision.Action == "unlinked" ? [] : RevisionDiff.Between(previous.GetValueOrDefault(key), snapshot);
            previous[key] = snapshot;
            entries.Add(new HistoryEntry(revision.Id, revision.Subject, revision.SubjectId, revision.Action, revision.Description,
                revision.ChangedBy, revision.ChangedAt, changes, revision.Subject == restorable && revision.Id != latest));
        }
        entries.Reverse();
        return entries;
    }
}
