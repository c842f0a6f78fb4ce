using Timeline.Core.Dates;
using Timeline.Core.Domain;
using Timeline.Core.Storage;

namespace Timeline.Core.Reading;

/// <summary>A public correction or update with the event it belongs to.</summary>
public sealed record ChangeItem(long Id, NoteView Note, string EventSlug, string EventTitle, PartialDate EventStart);

/// <summary>A page of /changes, newest first; <paramref name="Next"/> is the cursor of the older page after it.</summary>
public sealed record ChangeListPage(IReadOnlyList<ChangeItem> Items, string? Next);

/// <summary>
/// The latest public corrections and updates across the timeline (/changes and its Atom feed): one index range of
/// the notes of published events, newest first, keyset-paged. A note's event is read as it is now, so a note never
/// shows anything of an event that is not published (its key is cleared when the event is withdrawn).
/// </summary>
public sealed class PublicChanges(TimelineStore store)
{
    public const int PageSize = 50;

    /// <summary>The page of notes older than the cursor <paramref name="before"/> (a note key this page wrote; anything
    /// else starts from the newest).</summary>
    public ChangeListPage Page(string? before, int take = PageSize)
    {
        var cursor = IsKey(before) ? before : null;
        var notes = store.PublicNotesNewestFirst(cursor).Limit(take + 2).ToList().Where(n => n.PublicKey != cursor).ToList();
        var events = store.Events.FindByIds(notes.Select(n => n.EventId)).Where(e => e.Status == EventStatus.Published).ToDictionary(e => e.Id);
        var items = notes.Where(n => events.ContainsKey(n.EventId)).Take(take + 1).Select(n =>
        {
            var ev = events[n.EventId];
            return new ChangeItem(n.Id, new NoteView(n.Kind, n.Text, n.At), ev.Slug, ev.Title, ev.Start);
        }).ToList();
        return new ChangeListPage([.. items.Take(take)], items.Count > take ? TimelineKeys.Id(items[take - 1].Id) : null);
    }

    /// <summary>True when the text is a note key: twelve digits.</summary>
    public static bool IsKey(string? value) => value is { Length: 12 } && value.All(char.IsAsciiDigit);
}
