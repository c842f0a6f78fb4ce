using LiteDB;
using Timeline.Core.Domain;
using Timeline.Core.Storage;

namespace Timeline.Core.ArticleReading;

/// <summary>
/// Reads the dates of articles that wait for it (new, upgraded, or with a changed publication date or language) and
/// stores them. The reading runs outside the store's write gate (≈ 80 ms for a 13k-character article, performance.md);
/// the result is stored only if the article was not changed meanwhile, else it is read again on the next pass.
/// </summary>
public sealed class PendingArticleDates(TimelineStore store, ArticleReader reader)
{
    /// <summary>Raised with an article's id once its dates are stored: an open article view shows them.</summary>
    public event Action<int>? Read;

    public int Count() => store.Articles.Count(Query.EQ(nameof(Article.DatesPending), true));

    /// <summary>Reads up to <paramref name="batch"/> waiting articles; how many were stored.</summary>
    public int ReadNext(int batch, CancellationToken cancellationToken = default) =>
        store.Articles.Find(Query.EQ(nameof(Article.DatesPending), true), limit: batch).ToList()
            .Count(article => ReadAndStore(article, cancellationToken) is not null);

    /// <summary>Reads one article now (an article a curator opens, ahead of the queue); null if it is gone or changed meanwhile.</summary>
    public ArticleDates? ReadNow(int articleId, CancellationToken cancellationToken = default) =>
        store.Articles.FindById(articleId) is { } article ? ReadAndStore(article, cancellationToken) : null;

    private ArticleDates? ReadAndStore(Article article, CancellationToken cancellationToken)
    {
        var dates = reader.Read(store.ArticleText(article.Id), article.Published, article.Language, cancellationToken);
        dates.Id = article.Id;
        if (!Store(dates))
            return null;
        Read?.Invoke(article.Id);
        return dates;
    }

    private bool Store(ArticleDates dates) => store.Write(tx =>
    {
        if (store.Articles.FindById(dates.Id) is not { } current || current.Published != dates.Published || current.Language != dates.Language)
            return false; // deleted or changed while it was read: the next pass reads it again
        store.ArticleDates.Upsert(dates);
        if (current.DatesPending)
        {
            current.DatesPending = false;
            store.Articles.Update(current);
        }
        return true;
    });
}
