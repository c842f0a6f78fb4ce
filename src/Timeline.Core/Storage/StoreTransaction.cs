using Timeline.Core.Domain;

namespace Timeline.Core.Storage;

/// <summary>
/// The writes of one transaction (see <see cref="TimelineStore.Write{T}"/>). Every change to an event, article or
/// link goes through these methods, which keep the derived fields, the counts, the articles' public flags and
/// the search outbox in step with it, so no caller can forget one.
/// </summary>
public sealed class StoreTransaction
{
    private readonly TimelineStore store;
    private readonly HashSet<string> enqueued = [];

    internal StoreTransaction(TimelineStore store)
    {
        this.store = store;
    }

    public TimelineStore Store => store;

    /// <summary>The next id of a sequence. Ids are never 0: LiteDB would take a default id as "make one up".</summary>
    public long NextId(string sequence)
    {
        var key = "seq:" + sequence;
        var entry = store.Meta.FindById(key) ?? new MetaEntry { Id = key };
        entry.N++;
        store.Meta.Upsert(entry);
        return entry.N;
    }

    public int NextIntId(string sequence) => checked((int)NextId(sequence));

    public void AddCount(string id, int delta)
    {
        if (delta == 0)
            return;
        var count = store.Counts.FindById(id) ?? new Count { Id = id };
        count.N += delta;
        if (count.N == 0)
            store.Counts.Delete(id); // a missing count is 0: the collection holds only what is there
        else
            store.Counts.Upsert(count);
    }

    /// <summary>Tells the search indexer that a document changed; once per key and transaction.</summary>
    public void Enqueue(string key)
    {
        if (enqueued.Add(key))
            store.Outbox.Insert(new OutboxEntry { Id = NextId("outbox"), Key = key });
    }

    public Revision AddRevision(Revision revision)
    {
        revision.Id = NextId("revisions");
        revision.EventKey = revision.EventId is { } eventId ? TimelineKeys.Owned(eventId, revision.Id) : null;
        revision.ArticleKey = revision.ArticleId is { } articleId ? TimelineKeys.Owned(articleId, revision.Id) : null;
        revision.SubjectKey = TimelineKeys.SubjectOf(revision.Subject, revision.SubjectId, revision.Id);
        store.Revisions.Insert(revision);
        return revision;
    }

    /// <summary>A copy of a stored document, to change while the original stays the "before" of the change.</summary>
    public T Copy<T>(T document) => store.Database.Mapper.ToObject<T>(store.Database.Mapper.ToDocument(document));

    // Events ------------------------------------------------------------------------------------------------------

    /// <summary>
    /// Stores <paramref name="after"/> (a new event when <paramref name="before"/> is null): its derived fields,
    /// the counts it moves, the public flag of its articles when it is published or withdrawn, and its outbox row.
    /// </summary>
    public void PutEvent(Event? before, Event after)
    {
        var links = store.LinksOfEvent(after.Id).ToList();
        var articles = store.Articles.FindByIds(links.Select(l => l.ArticleId)).ToList();
        EventDerivation.Refresh(after, articles, links);
        foreach (var count in before is null ? [] : EventDerivation.CountsOf(before))
            AddCount(count, -1);
        foreach (var count in EventDerivation.CountsOf(after))
            AddCount(count, +1);
        if (before is null)
            store.Events.Insert(after);
        else
            store.Events.Update(after);

        var wasPublic = before?.Status == EventStatus.Published;
        var isPublic = after.Status == EventStatus.Published;
        if (wasPublic != isPublic)
        {
            foreach (var note in store.NotesOfEvent(after.Id).ToList())
            {
                note.PublicKey = isPublic ? TimelineKeys.Id(note.Id) : null;
                store.PublicNotes.Update(note);
            }
            foreach (var article in articles)
            {
                article.PublicLinkCount += isPublic ? 1 : -1;
                store.Articles.Update(article);
                Enqueue(TimelineKeys.ArticleDocument(article.Id));
            }
        }
        Enqueue(TimelineKeys.EventDocument(after.Id));
    }

    /// <summary>A public correction or update of the event, listed for readers while the event is published.</summary>
    public PublicNote AddPublicNote(PublicNote note, Event ev)
    {
        note.Id = NextId("public_notes");
        note.EventId = ev.Id;
        note.PublicKey = ev.Status == EventStatus.Published ? TimelineKeys.Id(note.Id) : null;
        store.PublicNotes.Insert(note);
        return note;
    }

    // Slugs -------------------------------------------------------------------------------------------------------

    /// <summary>True when <paramref name="slug"/> is, or was, the address of an event other than <paramref name="exceptEventId"/>.</summary>
    public bool IsSlugTaken(string slug, int? exceptEventId) =>
        store.Slugs.FindById(slug) is { } record && record.EventId != exceptEventId;

    /// <summary>Makes <paramref name="slug"/> the event's current address; its former one stays, answering with a redirect.</summary>
    public void SetSlug(int eventId, string? oldSlug, string slug, DateTimeOffset now)
    {
        if (oldSlug == slug)
            return;
        if (oldSlug is not null && store.Slugs.FindById(oldSlug) is { } old)
        {
            old.Current = false;
            old.RetiredAt = now;
            store.Slugs.Update(old);
        }
        store.Slugs.Upsert(new SlugRecord { Id = slug, EventId = eventId, Current = true });
    }

    /// <summary>Records a slug the event had before (an export's history): it answers with a redirect.</summary>
    public void AddFormerSlug(int eventId, string slug, DateTimeOffset retiredAt) =>
        store.Slugs.Upsert(new SlugRecord { Id = slug, EventId = eventId, Current = false, RetiredAt = retiredAt });

    // Tags and outlets --------------------------------------------------------------------------------------------

    /// <summary>The tag of this kind and slug, made when it does not exist yet.</summary>
    public Tag EnsureTag(TagKind kind, string name, string slug)
    {
        var key = Tag.KindSlugOf(kind, slug);
        if (store.TagByKindSlug(kind, slug).FirstOrDefault() is { } existing)
            return existing;
        var tag = new Tag { Id = NextIntId("tags"), Kind = kind, Name = name, Slug = slug, KindSlug = key, NameKey = Tag.NameKeyOf(kind, name) };
        store.Tags.Insert(tag);
        return tag;
    }

    public int EnsureOutlet(string name)
    {
        if (store.OutletByName(name).FirstOrDefault() is { } existing)
            return existing.Id;
        var outlet = new Outlet { Id = NextIntId("outlets"), Name = name };
        store.Outlets.Insert(outlet);
        return outlet.Id;
    }

    // Articles ----------------------------------------------------------------------------------------------------

    public Article AddArticle(Article article, string body)
    {
        article.Id = NextIntId("articles");
        article.OutletId = EnsureOutlet(article.Outlet);
        article.DatesPending = true;
        EventDerivation.Refresh(article);
        store.Articles.Insert(article);
        store.ArticleTexts.Insert(new ArticleText { Id = article.Id, Compressed = ArticleTextCodec.Compress(body) });
        foreach (var count in EventDerivation.CountsOf(article))
            AddCount(count, +1);
        Enqueue(TimelineKeys.ArticleDocument(article.Id));
        return article;
    }

    /// <summary>Stores changed metadata. A new outlet changes what the linked events list, so they are stored again too.</summary>
    public void PutArticle(Article before, Article after)
    {
        after.OutletId = after.Outlet == before.Outlet ? before.OutletId : EnsureOutlet(after.Outlet);
        if (after.Published != before.Published || after.Language != before.Language)
            after.DatesPending = true; // its dates are resolved against these: read them again
        PutArticleDerived(before, after);
        if (after.OutletId != before.OutletId)
        {
            foreach (var link in store.LinksOfArticle(after.Id).ToList())
            {
                var ev = store.Events.FindById(link.EventId);
                PutEvent(Copy(ev), ev);
            }
        }
    }

    private void PutArticleDerived(Article before, Article after)
    {
        EventDerivation.Refresh(after);
        foreach (var count in EventDerivation.CountsOf(before))
            AddCount(count, -1);
        foreach (var count in EventDerivation.CountsOf(after))
            AddCount(count, +1);
        store.Articles.Update(after);
        Enqueue(TimelineKeys.ArticleDocument(after.Id));
    }

    public string ReadText(int articleId) =>
        store.ArticleText(articleId);

    // Links -------------------------------------------------------------------------------------------------------

    /// <summary>Stores an image's bytes under its content id, in this transaction (once: the same bytes have the same id).</summary>
    public void StoreImage(string fileId, string fileName, byte[] bytes)
    {
        if (!store.Media.Exists(fileId))
            store.Media.Upload(fileId, Path.GetFileName(fileName), new MemoryStream(bytes));
    }

    public EventArticleLink AddLink(EventArticleLink link)
    {
        link.Id = NextIntId("links");
        link.PairKey = EventArticleLink.PairKeyOf(link.EventId, link.ArticleId);
        store.Links.Insert(link);
        LinksChanged(link, +1);
        return link;
    }

    /// <summary>Stores a changed link; its event is stored again, since the dates its sources give are part of what it derives.</summary>
    public void UpdateLink(EventArticleLink link)
    {
        store.Links.Update(link);
        var ev = store.Events.FindById(link.EventId);
        PutEvent(Copy(ev), ev);
    }

    public void RemoveLink(EventArticleLink link)
    {
        store.Links.Delete(link.Id);
        LinksChanged(link, -1);
    }

    /// <summary>A link came or went: the article's link counts, and the event's sources, outlets and facets.</summary>
    private void LinksChanged(EventArticleLink link, int delta)
    {
        var ev = store.Events.FindById(link.EventId);
        var article = store.Articles.FindById(link.ArticleId);
        var after = Copy(article);
        after.LinkCount += delta;
        if (ev.Status == EventStatus.Published)
            after.PublicLinkCount += delta;
        PutArticleDerived(article, after);
        PutEvent(Copy(ev), ev);
    }

    /// <summary>Removes an article, its text and its links (and so its place in the events' sources).</summary>
    public void RemoveArticle(Article article)
    {
        RemoveLinksAndCounts(store.LinksOfArticle(article.Id).ToList(), () => EventDerivation.CountsOf(store.Articles.FindById(article.Id)));
        store.Articles.Delete(article.Id);
        store.ArticleTexts.Delete(article.Id);
        store.ArticleDates.Delete(article.Id);
        Enqueue(TimelineKeys.ArticleDocument(article.Id));
    }

    /// <summary>Removes an event for good (the trash keeps events; tests and the audit use this): its links, slugs and counts.</summary>
    public void RemoveEvent(Event ev)
    {
        RemoveLinksAndCounts(store.LinksOfEvent(ev.Id).ToList(), () => EventDerivation.CountsOf(store.Events.FindById(ev.Id)));
        store.Events.Delete(ev.Id);
        store.Slugs.DeleteMany(s => s.EventId == ev.Id); // index on EventId
        store.PublicNotes.DeleteMany(n => n.EventId == ev.Id);
        Enqueue(TimelineKeys.EventDocument(ev.Id));
    }

    /// <summary>The links go first (each moves the counts of both ends), then the counts the document still adds to,
    /// read as the links left it.</summary>
    private void RemoveLinksAndCounts(List<EventArticleLink> links, Func<IEnumerable<string>> countsAfter)
    {
        foreach (var link in links)
            RemoveLink(link);
        foreach (var count in countsAfter())
            AddCount(count, -1);
    }
}
