using LiteDB;
using Timeline.Core.Domain;

namespace Timeline.Core.Storage;

/// <summary>
/// Every query a reader or curator triggers, in one place, so that a test can ask LiteDB's planner about each
/// (StorePlanTests): each reads one index, in the index's order, a page at a time. LiteDB uses one index per query,
/// and ORDER BY only when it is that index's own expression; otherwise it sorts every match in memory.
/// </summary>
public static class StoreQueries
{
    /// <summary>A derived count kept with the data (0 when nothing was counted yet).</summary>
    public static int CountOf(this TimelineStore store, string id) => store.Counts.FindById(id)?.N ?? 0;

    /// <summary>An article's text, decompressed; "" when it has none.</summary>
    public static string ArticleText(this TimelineStore store, int articleId) =>
        store.ArticleTexts.FindById(articleId) is { } text ? ArticleTextCodec.Decompress(text.Compressed) : "";

    /// <summary>Published events with a key in [low, high] of the multi-key timeline index, in key order.</summary>
    public static ILiteQueryable<Event> EventsByKey(this TimelineStore store, string low, string high, bool descending)
    {
        var query = store.Events.Query().Where("$.Keys[*] ANY BETWEEN @0 AND @1", low, high);
        return descending ? query.OrderByDescending("$.Keys[*]") : query.OrderBy("$.Keys[*]");
    }

    /// <summary>Events whose <paramref name="keyField"/> (StatusKey, LiveKey or UnsourcedKey) lies in [low, high],
    /// highest first, or lowest first when <paramref name="oldestFirst"/>: the same index read either way.</summary>
    public static ILiteQueryable<Event> EventsInKeyOrder(this TimelineStore store, string keyField, string low, string high, bool oldestFirst = false)
    {
        var query = store.Events.Query().Where($"$.{keyField} BETWEEN @0 AND @1", low, high);
        return oldestFirst ? query.OrderBy($"$.{keyField}") : query.OrderByDescending($"$.{keyField}");
    }

    /// <summary>Articles by publication from the cursor <paramref name="from"/> on (included), newest first or oldest
    /// first; only unlinked ones when asked.</summary>
    public static ILiteQueryable<Article> ArticlesInOrder(this TimelineStore store, bool unlinkedOnly, string? from, bool oldestFirst = false)
    {
        var field = unlinkedOnly ? nameof(Article.UnlinkedKey) : nameof(Article.PublishedKey);
        var (low, high) = oldestFirst ? (from ?? "0", TimelineKeys.Last) : ("0", from ?? TimelineKeys.Last);
        var query = store.Articles.Query().Where($"$.{field} BETWEEN @0 AND @1", low, high);
        return oldestFirst ? query.OrderBy($"$.{field}") : query.OrderByDescending($"$.{field}");
    }

    /// <summary>One owner's revisions (EventKey, ArticleKey or SubjectKey starting with <paramref name="prefix"/>), oldest first.</summary>
    public static ILiteQueryable<Revision> RevisionsOf(this TimelineStore store, string keyField, string prefix) =>
        store.Revisions.Query().Where($"$.{keyField} BETWEEN @0 AND @1", prefix, prefix + TimelineKeys.Last).OrderBy($"$.{keyField}");

    public static ILiteQueryable<Revision> RecentRevisions(this TimelineStore store) =>
        store.Revisions.Query().OrderByDescending(r => r.Id);

    /// <summary>The counts whose id starts with <paramref name="prefix"/> ("m:all:", "f:t"), in id order.</summary>
    public static ILiteQueryable<Count> CountsStartingWith(this TimelineStore store, string prefix) =>
        store.Counts.Query().Where("_id BETWEEN @0 AND @1", prefix, prefix + TimelineKeys.Last);

    public static ILiteQueryable<OutboxEntry> OutboxInOrder(this TimelineStore store, bool newestFirst = false) =>
        newestFirst ? store.Outbox.Query().OrderByDescending(r => r.Id) : store.Outbox.Query().OrderBy(r => r.Id);

    public static ILiteQueryable<EventArticleLink> LinksOfEvent(this TimelineStore store, int eventId) =>
        store.Links.Query().Where(l => l.EventId == eventId);

    public static ILiteQueryable<EventArticleLink> LinksOfArticle(this TimelineStore store, int articleId) =>
        store.Links.Query().Where(l => l.ArticleId == articleId);

    public static ILiteQueryable<EventArticleLink> LinkOf(this TimelineStore store, int eventId, int articleId) =>
        store.Links.Query().Where(l => l.PairKey == EventArticleLink.PairKeyOf(eventId, articleId));

    public static ILiteQueryable<Storyline> StorylineBySlug(this TimelineStore store, string slug) => store.Storylines.Query().Where(e => e.Slug == slug);

    public static ILiteQueryable<Tag> TagByKindSlug(this TimelineStore store, TagKind kind, string slug)
    {
        var key = Tag.KindSlugOf(kind, slug);
        return store.Tags.Query().Where(t => t.KindSlug == key);
    }

    public static ILiteQueryable<Outlet> OutletByName(this TimelineStore store, string name) => store.Outlets.Query().Where(o => o.Name == name);

    /// <summary>Events with exactly this title (an import's check for what it has already brought in).</summary>
    public static ILiteQueryable<Event> EventsTitled(this TimelineStore store, string title) => store.Events.Query().Where(e => e.Title == title);

    /// <summary>The events that show this image (the media endpoint serves it to readers when one is published).</summary>
    public static ILiteQueryable<Event> EventsShowing(this TimelineStore store, string fileId) => store.Events.Query().Where("$.Media.FileId = @0", fileId);

    /// <summary>Every event, the most recently saved first (the Atom feed keeps the published ones it shows).</summary>
    public static ILiteQueryable<Event> EventsByUpdate(this TimelineStore store) => store.Events.Query().OrderByDescending(e => e.UpdatedAt);

    /// <summary>Articles readers can open: those a published event cites.</summary>
    public static ILiteQueryable<Article> PublicArticles(this TimelineStore store) =>
        store.Articles.Query().Where(a => a.PublicLinkCount > 0);

    public static ILiteQueryable<Article> ArticleByHash(this TimelineStore store, string hash) => store.Articles.Query().Where(a => a.ContentHash == hash);

    public static ILiteQueryable<CuratorAccount> AccountByName(this TimelineStore store, string normalizedName) =>
        store.Accounts.Query().Where(a => a.NormalizedUserName == normalizedName);

    public static ILiteQueryable<CuratorAccount> AccountsByName(this TimelineStore store) =>
        store.Accounts.Query().OrderBy(a => a.NormalizedUserName);

    /// <summary>An event's public corrections and updates, in the order they were made.</summary>
    public static ILiteQueryable<PublicNote> NotesOfEvent(this TimelineStore store, int eventId) =>
        store.PublicNotes.Query().Where(n => n.EventId == eventId);

    /// <summary>Notes of published events, newest first, from before the cursor <paramref name="before"/> (a public key) on: /changes.</summary>
    public static ILiteQueryable<PublicNote> PublicNotesNewestFirst(this TimelineStore store, string? before) =>
        store.PublicNotes.Query().Where("$.PublicKey BETWEEN @0 AND @1", "0", before ?? TimelineKeys.Last).OrderByDescending("$.PublicKey");

    public static ILiteQueryable<SlugRecord> SlugsOfEvent(this TimelineStore store, int eventId) => store.Slugs.Query().Where(s => s.EventId == eventId);
}
