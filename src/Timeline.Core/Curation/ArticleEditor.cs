using Lucene.Net.Index;
using Lucene.Net.Search;
using Timeline.Core.Dates;
using Timeline.Core.Domain;
using Timeline.Core.Search;
using Timeline.Core.Storage;

namespace Timeline.Core.Curation;

public sealed record ArticleRow(int Id, string Title, string Outlet, PartialDate Published, int Links);

/// <summary>Imports articles (never the same text twice) and edits their metadata, recording a revision for each change.</summary>
public sealed class ArticleEditor(TimelineStore store, SearchIndex index, IContentChangeListener listener, TimeProvider clock)
{
    public const int PageSize = 25;

    private static readonly Dictionary<string, float> TextFields = new()
    {
        [SearchIndex.TitleField] = 2f, [SearchIndex.BodyField] = 1f, [SearchIndex.OutletField] = 2f,
    };

    public ArticleForm? Load(int id)
    {
        var article = store.Articles.FindById(id);
        return article is null ? null : ArticleForm.From(article, ReadText(id));
    }

    /// <summary>The article's cleaned text.</summary>
    public string ReadText(int id) => store.ArticleText(id);

    /// <summary>The article already holding this exact text, if any.</summary>
    public Duplicate? FindDuplicate(string body) =>
        FindByHash(Text.TextExcerpt.Hash(body));

    private Duplicate? FindByHash(string hash) =>
        store.ArticleByHash(hash).FirstOrDefault() is { } existing ? new Duplicate(existing.Id, existing.Title) : null;

    public async Task<SaveOutcome> ImportAsync(ArticleForm form, string user, CancellationToken cancellationToken = default)
    {
        var errors = form.Validate(out var published);
        if (errors.Count > 0)
            return new Invalid(errors);
        var hash = Text.TextExcerpt.Hash(form.Body); // SHA-256 of up to 200,000 characters: once per import
        var now = clock.GetUtcNow();
        var outcome = store.Write<SaveOutcome>(tx =>
        {
            // Checked inside the write: no other import can store the same text in between.
            if (FindByHash(hash) is { } duplicate)
                return duplicate;
            var article = tx.AddArticle(new Article
            {
                Title = form.Title.Trim(), Outlet = form.Outlet.Trim(), Author = NullIfBlank(form.Author), Url = NullIfBlank(form.Url),
                Published = published, Language = form.Language.Trim(), ContentHash = hash, ImportOrigin = form.Origin, ImportedAt = now,
            }, form.Body);
            tx.AddRevision(Snapshots.Record(ArticleSnapshot.Of(article), RevisionSubject.Article, article.Id, null, article.Id,
                "imported", $"Imported from {form.Origin}", user, now));
            return new Saved(article.Id);
        });
        if (outcome is Saved)
            await listener.ContentChangedAsync(cancellationToken);
        return outcome;
    }

    public async Task<SaveOutcome> UpdateAsync(ArticleForm form, string user, CancellationToken cancellationToken = default)
    {
        var errors = form.Validate(out var published);
        if (errors.Count > 0)
            return new Invalid(errors);
        var now = clock.GetUtcNow();
        var outcome = store.Write<SaveOutcome>(tx =>
        {
            if (store.Articles.FindById(form.Id ?? 0) is not { } stored)
                return new Missing("This article no longer exists.");
            var before = ArticleSnapshot.Of(stored);
            var article = tx.Copy(stored);
            article.Title = form.Title.Trim();
            article.Outlet = form.Outlet.Trim();
            article.Author = NullIfBlank(form.Author);
            article.Url = NullIfBlank(form.Url);
            article.Published = published;
            article.Language = form.Language.Trim();
            var after = ArticleSnapshot.Of(article);
            var changes = RevisionDiff.Between(before, after);
            if (changes.Count == 0)
                return new Saved(article.Id, Unchanged: true);
            Snapshots.RecordBaseline(tx, before, RevisionSubject.Article, article.Id, null, article.Id, "import", stored.ImportedAt);
            tx.PutArticle(stored, article);
            tx.AddRevision(Snapshots.Record(after, RevisionSubject.Article, article.Id, null, article.Id,
                "edited", "Edited " + RevisionDiff.Labels(changes), user, now));
            return new Saved(article.Id);
        });
        if (outcome is Saved { Unchanged: false })
            await listener.ContentChangedAsync(cancellationToken);
        return outcome;
    }

    /// <summary>
    /// Articles newest first, a page at a time after the cursor <paramref name="after"/>; with words, those whose
    /// title, outlet or text matches them (the search index, word prefixes included).
    /// </summary>
    public KeysetPage<ArticleRow> List(string? query, string? after = null, bool unlinkedOnly = false, bool oldestFirst = false)
    {
        static ArticleRow Row(Article a) => new(a.Id, a.Title, a.Outlet, a.Published, a.LinkCount);
        if (string.IsNullOrWhiteSpace(query))
        {
            var total = store.CountOf(unlinkedOnly ? TimelineKeys.UnlinkedCount : TimelineKeys.ArticleCount);
            return CursorPages.FromStore(store.ArticlesInOrder(unlinkedOnly, after, oldestFirst), after, total, PageSize, a => a.PublishedKey, Row);
        }
        if (CursorPages.Matching(index, query, SearchDocuments.ArticleKind, TextFields) is not { } search)
            return KeysetPage<ArticleRow>.Empty;
        if (unlinkedOnly)
            search.Add(new TermQuery(new Term(SearchIndex.LinkedField, "0")), Occur.MUST);
        return CursorPages.FromIndex(index, search, after, PageSize, oldestFirst, keys => store.Articles.FindByDocumentKeys(keys, a => a.Id), a => a.PublishedKey, Row);
    }

    private static string? NullIfBlank(string text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
