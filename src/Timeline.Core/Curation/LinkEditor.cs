using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Timeline.Core.Data;
using Timeline.Core.Dates;
using Timeline.Core.Domain;

namespace Timeline.Core.Curation;

/// <summary>A link as the editor edits it.</summary>
public sealed class LinkForm
{
    public int? Id { get; set; }
    public int EventId { get; set; }
    public int ArticleId { get; set; }
    public LinkRole Role { get; set; } = LinkRole.Report;
    public string Passage { get; set; } = "";
    public string Note { get; set; } = "";
}

/// <summary>A link seen from its event (Other* is the article) or from its article (Other* is the event).</summary>
public sealed record LinkRow(int Id, int EventId, int ArticleId, string OtherTitle, string OtherDetail, PartialDate OtherDate,
    LinkRole Role, string Passage, string? Note);

public sealed record EventPick(int Id, string Title, PartialDate Start, EventStatus Status);

/// <summary>Links articles to events with the passage that supports the link; every change is a revision of both.</summary>
public sealed class LinkEditor(IDbContextFactory<TimelineDbContext> contexts, IContentChangeListener listener, TimeProvider clock)
{
    /// <summary>
    /// The passage exactly as the article has it. Whitespace may differ (a selection across paragraphs has
    /// blank lines where the text has one newline), everything else must match word for word. Null if absent.
    /// </summary>
    public static string? LocatePassage(string body, string passage)
    {
        var words = passage.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
            return null;
        var pattern = string.Join(@"\s+", words.Select(Regex.Escape));
        var match = Regex.Match(body, pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
        return match.Success ? match.Value : null;
    }

    public async Task<IReadOnlyList<LinkRow>> ForEventAsync(int eventId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Links.Where(l => l.EventId == eventId).OrderBy(l => l.Article!.PublishedAt).ThenBy(l => l.Id)
            .Select(l => new { l.Id, l.EventId, l.ArticleId, l.Article!.Title, l.Article.Outlet, l.Article.PublishedAt, l.Article.PublishedPrecision, l.Role, l.Passage, l.Note })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new LinkRow(r.Id, r.EventId, r.ArticleId, r.Title, r.Outlet, new PartialDate(r.PublishedAt, r.PublishedPrecision), r.Role, r.Passage, r.Note))];
    }

    public async Task<IReadOnlyList<LinkRow>> ForArticleAsync(int articleId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Links.Where(l => l.ArticleId == articleId).OrderBy(l => l.Event!.StartsAt).ThenBy(l => l.Id)
            .Select(l => new { l.Id, l.EventId, l.ArticleId, l.Event!.Title, l.Event.Status, l.Event.StartsAt, l.Event.StartPrecision, l.Role, l.Passage, l.Note })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new LinkRow(r.Id, r.EventId, r.ArticleId, r.Title, r.Status.ToString(), new PartialDate(r.StartsAt, r.StartPrecision), r.Role, r.Passage, r.Note))];
    }

    /// <summary>Events (not in the trash) whose title contains the words, newest first; to link an article to.</summary>
    public async Task<IReadOnlyList<EventPick>> FindEventsAsync(string? query, int take = 20, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var events = db.Events.Where(e => e.Status != EventStatus.Deleted);
        if (!string.IsNullOrWhiteSpace(query))
            events = events.Where(e => EF.Functions.Like(e.Title, "%" + query.Trim() + "%"));
        var rows = await events.OrderByDescending(e => e.StartsAt).Take(take)
            .Select(e => new { e.Id, e.Title, e.StartsAt, e.StartPrecision, e.StartApproximate, e.Status }).ToListAsync(cancellationToken);
        return [.. rows.Select(e => new EventPick(e.Id, e.Title, new PartialDate(e.StartsAt, e.StartPrecision, e.StartApproximate), e.Status))];
    }

    /// <summary>Creates the link (no Id) or changes its role, passage and note.</summary>
    public async Task<SaveOutcome> SaveAsync(LinkForm form, string user, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var link = form.Id is { } id ? await db.Links.SingleOrDefaultAsync(l => l.Id == id, cancellationToken) : null;
        if (form.Id is not null && link is null)
            return new Missing("This link no longer exists.");
        var eventId = link?.EventId ?? form.EventId;
        var articleId = link?.ArticleId ?? form.ArticleId;
        var ev = await db.Events.SingleOrDefaultAsync(e => e.Id == eventId && e.Status != EventStatus.Deleted, cancellationToken);
        var article = await db.Articles.SingleOrDefaultAsync(a => a.Id == articleId, cancellationToken);
        if (ev is null || article is null)
            return new Missing(ev is null ? "The event no longer exists or is in the trash." : "The article no longer exists.");

        var errors = new FieldErrors();
        if (!Enum.IsDefined(form.Role))
            errors.Set("role", "Choose what the article does for the event.");
        var passage = form.Passage.Trim();
        string? exact = null;
        if (passage.Length == 0)
            errors.Set("passage", "Select or paste the passage of the article that supports the link.");
        else if (passage.Length > Limits.PassageLength)
            errors.Set("passage", $"The passage has {passage.Length} characters; at most {Limits.PassageLength} fit. Quote the part that matters.");
        else if ((exact = LocatePassage(article.Body, passage)) is null)
            errors.Set("passage", "This passage is not in the article's text word for word. Select it from the text shown.");
        if (form.Note.Length > Limits.SummaryLength)
            errors.Set("note", $"The note has {form.Note.Length} characters; at most {Limits.SummaryLength} fit.");
        if (link is null && await db.Links.AnyAsync(l => l.EventId == eventId && l.ArticleId == articleId, cancellationToken))
            errors.Set("article", "This article is already linked to this event; change that link instead.");
        if (errors.Count > 0)
            return new Invalid(errors);

        var isNew = link is null;
        var before = isNew ? null : LinkSnapshot.Of(link!, ev, article);
        link ??= new EventArticleLink { EventId = eventId, ArticleId = articleId, Passage = exact! };
        link.Role = form.Role;
        link.Passage = exact!;
        link.Note = string.IsNullOrWhiteSpace(form.Note) ? null : form.Note.Trim();
        var after = LinkSnapshot.Of(link, ev, article);
        var changes = RevisionDiff.Between(before, after);
        if (!isNew && changes.Count == 0)
            return new Saved(link.Id, Unchanged: true);

        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (isNew)
            db.Links.Add(link);
        else
            await Snapshots.RecordBaselineAsync(db, before!, RevisionSubject.Link, link.Id, ev.Id, article.Id, ev.CreatedBy, ev.CreatedAt, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        var description = isNew
            ? $"Linked \"{article.Title}\" to \"{ev.Title}\" as {link.Role.ToLabel().ToLowerInvariant()}"
            : $"Changed the link of \"{article.Title}\" to \"{ev.Title}\": {RevisionDiff.Labels(changes)}";
        db.Revisions.Add(Snapshots.Record(after, RevisionSubject.Link, link.Id, ev.Id, article.Id, isNew ? "linked" : "link edited", description, user, now));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await listener.ContentChangedAsync(cancellationToken);
        return new Saved(link.Id);
    }

    public async Task<SaveOutcome> UnlinkAsync(int linkId, string user, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var link = await db.Links.Include(l => l.Event).Include(l => l.Article).SingleOrDefaultAsync(l => l.Id == linkId, cancellationToken);
        if (link is null)
            return new Missing("This link no longer exists.");
        db.Links.Remove(link);
        db.Revisions.Add(Snapshots.Record(LinkSnapshot.Of(link, link.Event!, link.Article!), RevisionSubject.Link, link.Id, link.EventId, link.ArticleId,
            "unlinked", $"Unlinked \"{link.Article!.Title}\" from \"{link.Event!.Title}\"", user, clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken); // one SaveChanges: one transaction
        await listener.ContentChangedAsync(cancellationToken);
        return new Saved(linkId);
    }
}
