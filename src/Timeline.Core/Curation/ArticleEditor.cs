using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Timeline.Core.Data;
using Timeline.Core.Dates;
using Timeline.Core.Domain;
using Timeline.Core.Search;

namespace Timeline.Core.Curation;

public sealed record ArticleRow(int Id, string Title, string Outlet, PartialDate Published, int Links);

/// <summary>Imports articles (never the same text twice) and edits their metadata, recording a revision for each change.</summary>
public sealed class ArticleEditor(IDbContextFactory<TimelineDbContext> contexts, IContentChangeListener listener, TimeProvider clock)
{
    public const int PageSize = 25;

    public async Task<ArticleForm?> LoadAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var article = await db.Articles.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        return article is null ? null : ArticleForm.From(article);
    }

    /// <summary>The article already holding this exact text, if any.</summary>
    public async Task<Duplicate?> FindDuplicateAsync(string body, CancellationToken cancellationToken = default)
    {
        var hash = Text.TextExcerpt.Hash(body);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Articles.Where(a => a.ContentHash == hash).Select(a => new Duplicate(a.Id, a.Title)).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<SaveOutcome> ImportAsync(ArticleForm form, string user, CancellationToken cancellationToken = default)
    {
        var errors = form.Validate(out var published);
        if (errors.Count > 0)
            return new Invalid(errors);
        if (await FindDuplicateAsync(form.Body, cancellationToken) is { } duplicate)
            return duplicate;

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var article = new Article
        {
            Title = form.Title.Trim(), Outlet = form.Outlet.Trim(), Author = NullIfBlank(form.Author), Url = NullIfBlank(form.Url),
            Published = published, Language = form.Language.Trim(), Body = form.Body, ContentHash = form.ContentHash,
            ImportOrigin = form.Origin, ImportedAt = now,
        };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Articles.Add(article);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is SqliteException { SqliteErrorCode: 19 })
        {
            // Imported by someone else a moment ago: the unique index on the content hash refused it.
            await transaction.RollbackAsync(cancellationToken);
            return (SaveOutcome?)await FindDuplicateAsync(form.Body, cancellationToken) ?? Invalid.Because("body", "This text could not be stored: " + e.InnerException.Message);
        }
        db.Revisions.Add(Snapshots.Record(ArticleSnapshot.Of(article), RevisionSubject.Article, article.Id, null, article.Id,
            "imported", $"Imported from {form.Origin}", user, now));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await listener.ContentChangedAsync(cancellationToken);
        return new Saved(article.Id);
    }

    public async Task<SaveOutcome> UpdateAsync(ArticleForm form, string user, CancellationToken cancellationToken = default)
    {
        var errors = form.Validate(out var published);
        if (errors.Count > 0)
            return new Invalid(errors);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var article = await db.Articles.SingleOrDefaultAsync(a => a.Id == form.Id, cancellationToken);
        if (article is null)
            return new Missing("This article no longer exists.");
        var before = ArticleSnapshot.Of(article);
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
        var now = clock.GetUtcNow();
        if (!await db.Revisions.AnyAsync(r => r.Subject == RevisionSubject.Article && r.SubjectId == article.Id, cancellationToken))
            db.Revisions.Add(Snapshots.Record(before, RevisionSubject.Article, article.Id, null, article.Id, "recorded",
                "As it was before the first recorded change", "import", article.ImportedAt));
        db.Revisions.Add(Snapshots.Record(after, RevisionSubject.Article, article.Id, null, article.Id,
            "edited", "Edited " + RevisionDiff.Labels(changes), user, now));
        await db.SaveChangesAsync(cancellationToken); // one SaveChanges: one transaction
        await listener.ContentChangedAsync(cancellationToken);
        return new Saved(article.Id);
    }

    /// <summary>Articles newest first, or those whose title or outlet contains the words, or whose text matches them.</summary>
    public async Task<(IReadOnlyList<ArticleRow> Rows, int Total)> ListAsync(string? query, int page, bool unlinkedOnly = false, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var articles = Matching(db, query);
        if (unlinkedOnly)
            articles = articles.Where(a => !a.Links.Any());
        var total = await articles.CountAsync(cancellationToken);
        var rows = await articles.OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
            .Skip(Math.Max(0, page - 1) * PageSize).Take(PageSize)
            .Select(a => new { a.Id, a.Title, a.Outlet, a.PublishedAt, a.PublishedPrecision, a.PublishedApproximate, Links = a.Links.Count })
            .ToListAsync(cancellationToken);
        return ([.. rows.Select(a => new ArticleRow(a.Id, a.Title, a.Outlet, new PartialDate(a.PublishedAt, a.PublishedPrecision, a.PublishedApproximate), a.Links))], total);
    }

    private static IQueryable<Article> Matching(TimelineDbContext db, string? query)
    {
        var words = query?.Trim() ?? "";
        if (words.Length == 0)
            return db.Articles;
        var like = "%" + words.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
        var fts = FtsQuery.Build(words).Match;
        // The article text through the full-text index (articles are rows id * 2 + 1 there), title and outlet by substring.
        var inText = fts is null
            ? db.Articles.Where(a => false).Select(a => a.Id)
            : db.Database.SqlQuery<int>($"""SELECT "rowid" / 2 AS "Value" FROM "SearchIndex" WHERE "SearchIndex" MATCH {fts} AND "rowid" % 2 = 1""");
        return db.Articles.Where(a => EF.Functions.Like(a.Title, like, "\\") || EF.Functions.Like(a.Outlet, like, "\\") || inText.Contains(a.Id));
    }

    private static string? NullIfBlank(string text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
