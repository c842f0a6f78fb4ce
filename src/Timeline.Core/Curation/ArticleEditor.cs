using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Timeline.Core.Data;
using Timeline.Core.Dates;
using Timeline.Core.Domain;
using Timeline.Core.Search;

namespace Timeline.Core.Curation;

public sealed record ArticleRow(int Id, string Title, string Outlet, PartialDate Published, int Links);

/// <summary>One page of the article list; <paramref name="Capped"/> when the words matched more than <see cref="ArticleEditor.MatchLimit"/> articles.</summary>
public sealed record ArticlePage(IReadOnlyList<ArticleRow> Rows, int Total, bool Capped);

/// <summary>Imports articles (never the same text twice) and edits their metadata, recording a revision for each change.</summary>
public sealed class ArticleEditor(IDbContextFactory<TimelineDbContext> contexts, IContentChangeListener listener, TimeProvider clock)
{
    public const int PageSize = 25;

    /// <summary>The most matches a search of the article list considers.</summary>
    public const int MatchLimit = 2_000;

    public async Task<ArticleForm?> LoadAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var article = await db.Articles.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        return article is null ? null : ArticleForm.From(article);
    }

    /// <summary>The article already holding this exact text, if any.</summary>
    public Task<Duplicate?> FindDuplicateAsync(string body, CancellationToken cancellationToken = default) =>
        FindByHashAsync(Text.TextExcerpt.Hash(body), cancellationToken);

    private async Task<Duplicate?> FindByHashAsync(string hash, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Articles.Where(a => a.ContentHash == hash).Select(a => new Duplicate(a.Id, a.Title)).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<SaveOutcome> ImportAsync(ArticleForm form, string user, CancellationToken cancellationToken = default)
    {
        var errors = form.Validate(out var published);
        if (errors.Count > 0)
            return new Invalid(errors);
        var hash = Text.TextExcerpt.Hash(form.Body); // SHA-256 of up to 200,000 characters: once per import
        if (await FindByHashAsync(hash, cancellationToken) is { } duplicate)
            return duplicate;

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var article = new Article
        {
            Title = form.Title.Trim(), Outlet = form.Outlet.Trim(), Author = NullIfBlank(form.Author), Url = NullIfBlank(form.Url),
            Published = published, Language = form.Language.Trim(), Body = form.Body, ContentHash = hash,
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
            return (SaveOutcome?)await FindByHashAsync(hash, cancellationToken) ?? Invalid.Because("body", "This text could not be stored: " + e.InnerException.Message);
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
        await Snapshots.RecordBaselineAsync(db, before, RevisionSubject.Article, article.Id, null, article.Id, "import", article.ImportedAt, cancellationToken);
        db.Revisions.Add(Snapshots.Record(after, RevisionSubject.Article, article.Id, null, article.Id,
            "edited", "Edited " + RevisionDiff.Labels(changes), user, now));
        await db.SaveChangesAsync(cancellationToken); // one SaveChanges: one transaction
        await listener.ContentChangedAsync(cancellationToken);
        return new Saved(article.Id);
    }

    /// <summary>
    /// Articles newest first; with words, those whose title or text matches them (through the full-text index,
    /// word prefixes included) or whose outlet contains them. A query that matches very many articles is cut
    /// to the <see cref="MatchLimit"/> most recently imported matches, and says so.
    /// </summary>
    public async Task<ArticlePage> ListAsync(string? query, int page, bool unlinkedOnly = false, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        IQueryable<Article> articles = db.Articles;
        var capped = false;
        if (!string.IsNullOrWhiteSpace(query))
        {
            var ids = await MatchingIdsAsync(db, query.Trim(), cancellationToken);
            capped = ids.Count > MatchLimit;
            var kept = ids.Take(MatchLimit).ToList();
            articles = articles.Where(a => kept.Contains(a.Id));
        }
        if (unlinkedOnly)
            articles = articles.Where(a => !a.Links.Any());
        var total = await articles.CountAsync(cancellationToken);
        var rows = await articles.OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
            .Skip(Math.Max(0, page - 1) * PageSize).Take(PageSize)
            .Select(a => new { a.Id, a.Title, a.Outlet, a.PublishedAt, a.PublishedPrecision, a.PublishedApproximate, Links = a.Links.Count })
            .ToListAsync(cancellationToken);
        return new ArticlePage(
            [.. rows.Select(a => new ArticleRow(a.Id, a.Title, a.Outlet, new PartialDate(a.PublishedAt, a.PublishedPrecision, a.PublishedApproximate), a.Links))],
            total, capped);
    }

    // Title and text through FTS5 (articles are its rows id * 2 + 1, read newest first), the outlet by substring
    // on its own index: neither reads the article rows, whose bodies make a table scan slow at scale.
    private static async Task<List<int>> MatchingIdsAsync(TimelineDbContext db, string words, CancellationToken cancellationToken)
    {
        var ids = new List<int>();
        if (FtsQuery.Build(words).Match is { } fts)
        {
            ids.AddRange(await db.Database.SqlQuery<int>(
                $"""SELECT "rowid" / 2 AS "Value" FROM "SearchIndex" WHERE "SearchIndex" MATCH {fts} AND "rowid" % 2 = 1 ORDER BY "rowid" DESC LIMIT {MatchLimit + 1}""")
                .ToListAsync(cancellationToken));
        }
        var like = "%" + words.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
        // Any outlet matches will do (no ORDER BY): ordering them would read the table instead of the outlet index.
        ids.AddRange(await db.Database.SqlQuery<int>(
            $"""SELECT "Id" AS "Value" FROM "Articles" WHERE "Outlet" LIKE {like} ESCAPE '\' LIMIT {MatchLimit + 1}""")
            .ToListAsync(cancellationToken));
        return [.. ids.Distinct()];
    }

    private static string? NullIfBlank(string text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
