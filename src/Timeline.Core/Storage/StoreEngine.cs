using LiteDB;
using Timeline.Core.Domain;

namespace Timeline.Core.Storage;

/// <summary>One opened LiteDB database and its collections. The store replaces the whole of it when LiteDB has closed
/// itself after an I/O error (see <see cref="TimelineStore.Recover"/>), so no caller keeps a collection of a dead engine.</summary>
internal sealed class StoreEngine(LiteDatabase database)
{
    public LiteDatabase Database { get; } = database;
    public ILiteCollection<Event> Events { get; } = database.GetCollection<Event>("events");
    public ILiteCollection<SlugRecord> Slugs { get; } = database.GetCollection<SlugRecord>("slugs");
    public ILiteCollection<Article> Articles { get; } = database.GetCollection<Article>("articles");
    public ILiteCollection<ArticleText> ArticleTexts { get; } = database.GetCollection<ArticleText>("article_texts");
    public ILiteCollection<ArticleDates> ArticleDates { get; } = database.GetCollection<ArticleDates>("article_dates");
    public ILiteCollection<Outlet> Outlets { get; } = database.GetCollection<Outlet>("outlets");
    public ILiteCollection<EventArticleLink> Links { get; } = database.GetCollection<EventArticleLink>("links");
    public ILiteCollection<Storyline> Storylines { get; } = database.GetCollection<Storyline>("storylines");
    public ILiteCollection<Tag> Tags { get; } = database.GetCollection<Tag>("tags");
    public ILiteCollection<Revision> Revisions { get; } = database.GetCollection<Revision>("revisions");
    public ILiteCollection<PublicNote> PublicNotes { get; } = database.GetCollection<PublicNote>("public_notes");
    public ILiteCollection<CuratorAccount> Accounts { get; } = database.GetCollection<CuratorAccount>("accounts");
    public ILiteCollection<Count> Counts { get; } = database.GetCollection<Count>("counts");
    public ILiteCollection<OutboxEntry> Outbox { get; } = database.GetCollection<OutboxEntry>("outbox");
    public ILiteCollection<MetaEntry> Meta { get; } = database.GetCollection<MetaEntry>("meta");

    /// <summary>False once LiteDB has closed this engine (after an I/O error every call throws).</summary>
    public bool Answers()
    {
        try
        {
            Meta.FindById(MetaEntry.VersionKey);
            return true;
        }
        catch (Exception e) when (e is ObjectDisposedException or LiteException or IOException)
        {
            return false;
        }
    }
}
