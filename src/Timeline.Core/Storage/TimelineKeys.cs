using System.Globalization;
using Timeline.Core.Dates;
using Timeline.Core.Domain;

namespace Timeline.Core.Storage;

/// <summary>
/// The string keys the store's indexes order by. Fixed-width digits compared ordinally (the store's collation),
/// so a key range is a date range and keyset paging is a range that starts after the last key seen.
/// </summary>
public static class TimelineKeys
{
    /// <summary>The first key after every key (ordinal): '~' sorts after digits, letters and ':'.</summary>
    public const string Last = "~";

    /// <summary>Every sort key has this many digits: yyyyMMddHHmm, the precision, the id in ten.</summary>
    public const int SortKeyLength = 23;

    public static string Sort(PartialDate start, int id) =>
        Instant(start.Value) + ((int)start.Precision).ToString(CultureInfo.InvariantCulture) + id.ToString("D10", CultureInfo.InvariantCulture);

    /// <summary>A key below every event that starts at or after <paramref name="instant"/> (and above all before it).</summary>
    public static string At(DateTime instant) => instant == DateTime.MaxValue ? Last : Instant(instant) + "00000000000";

    private static string Instant(DateTime value) => value.ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture);

    // Facets: the ways a reader can list events. "a" is every published event.
    public const string AllFacet = "a";
    public static string StorylineFacet(int storylineId) => "e" + storylineId.ToString(CultureInfo.InvariantCulture);
    public static string TagFacet(int tagId) => "t" + tagId.ToString(CultureInfo.InvariantCulture);
    public static string OutletFacet(int outletId) => "o" + outletId.ToString(CultureInfo.InvariantCulture);

    /// <summary>Events whose sources differ (they hold differences): the timeline's ?differ=1.</summary>
    public const string DifferFacet = "x";

    /// <summary>Events resting on one outlet's articles: the timeline's ?single=1. Its count is the dashboard's.</summary>
    public const string SingleSourceFacet = "s";

    /// <summary>The index key of an event under a facet.</summary>
    public static string Entry(string facet, string sortKey) => facet + ":" + sortKey;

    // Counts.
    public static string FacetCount(string facet) => "f:" + facet;
    public static string MonthCount(int? storylineId, DateTime month) =>
        $"m:{(storylineId is { } id ? StorylineFacet(id) : "all")}:{month.ToString("yyyy-MM", CultureInfo.InvariantCulture)}";
    public static string MonthCountPrefix(int? storylineId) => $"m:{(storylineId is { } id ? StorylineFacet(id) : "all")}:";
    public const string UnsourcedCount = "d:unsourced";
    public const string UnlinkedCount = "d:unlinked";
    public const string DateDisputedCount = "d:date-disputed";
    public const string ArticleCount = "d:articles";
    public static string StatusCount(EventStatus status) => "s:" + status;

    /// <summary>A fixed-width id, for keys that order by id.</summary>
    public static string Id(long id) => id.ToString("D12", CultureInfo.InvariantCulture);

    /// <summary>"{owner:D12}:{revision:D12}": one owner's revisions are one key range, in order.</summary>
    public static string Owned(int ownerId, long revisionId) => Id(ownerId) + ":" + Id(revisionId);
    public static string OwnedPrefix(int ownerId) => Id(ownerId) + ":";

    public static string SubjectOf(RevisionSubject subject, int subjectId, long revisionId) => $"{subject}:{Owned(subjectId, revisionId)}";
    public static string SubjectPrefix(RevisionSubject subject, int subjectId) => $"{subject}:{OwnedPrefix(subjectId)}";

    // Outbox keys.
    public static string EventDocument(int id) => "event:" + id.ToString(CultureInfo.InvariantCulture);
    public static string ArticleDocument(int id) => "article:" + id.ToString(CultureInfo.InvariantCulture);
}
