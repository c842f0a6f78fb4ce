using System.Globalization;
using Lucene.Net.Documents;
using Lucene.Net.Util;
using Timeline.Core.Domain;
using Timeline.Core.Storage;
using Timeline.Core.Text;
using static Timeline.Core.Search.SearchIndex;

namespace Timeline.Core.Search;

/// <summary>
/// What the index holds of an event or an article. Text fields are indexed, not stored: titles and snippets are
/// built from the store's own text for the page of hits (storing them made the index three times the size).
/// </summary>
public static class SearchDocuments
{
    public const string EventKind = "event", ArticleKind = "article";

    public static Document ForEvent(Event ev)
    {
        var document = Common(TimelineKeys.EventDocument(ev.Id), EventKind, ev.SortKey, ev.Start.Value);
        document.Add(new StringField(StatusField, ev.Status.ToString(), Field.Store.NO));
        if (ev.Status == EventStatus.Published)
            document.Add(new StringField(VisibleField, "1", Field.Store.NO));
        document.Add(new TextField(TitleField, ev.Title, Field.Store.NO));
        document.Add(new TextField(SummaryField, SafeMarkdown.ToPlainText(ev.Summary), Field.Store.NO));
        document.Add(new TextField(SlugField, ev.Slug, Field.Store.NO));
        foreach (var facet in ev.Facets)
            document.Add(new StringField(FacetField, facet, Field.Store.NO));
        return document;
    }

    public static Document ForArticle(Article article, string body)
    {
        var document = Common(TimelineKeys.ArticleDocument(article.Id), ArticleKind, article.PublishedKey, article.Published.Value);
        if (article.PublicLinkCount > 0)
            document.Add(new StringField(VisibleField, "1", Field.Store.NO));
        document.Add(new StringField(LinkedField, article.LinkCount > 0 ? "1" : "0", Field.Store.NO));
        document.Add(new TextField(TitleField, article.Title, Field.Store.NO));
        document.Add(new TextField(OutletField, article.Outlet, Field.Store.NO));
        document.Add(new TextField(BodyField, body, Field.Store.NO));
        return document;
    }

    private static Document Common(string key, string kind, string sortKey, DateTime date) =>
    [
        new StringField(KeyField, key, Field.Store.YES),
        new StringField(KindField, kind, Field.Store.NO),
        new StringField(SortField, sortKey, Field.Store.YES),
        new SortedDocValuesField(SortField, new BytesRef(sortKey)),
        new NumericDocValuesField(DayField, int.Parse(date.ToString("yyyyMMdd", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)),
    ];

    /// <summary>The entry for a key from the store's current state: the document, or null when the entity is gone.</summary>
    public static IndexEntry Current(TimelineStore store, string key)
    {
        var id = StoreCollections.IdOfDocument(key);
        return key[..key.IndexOf(':')] switch
        {
            EventKind => new IndexEntry(key, store.Events.FindById(id) is { } ev ? ForEvent(ev) : null),
            _ => new IndexEntry(key, store.Articles.FindById(id) is { } article
                ? ForArticle(article, store.ArticleText(id))
                : null),
        };
    }
}
