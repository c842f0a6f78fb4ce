using System.Text.RegularExpressions;
using LiteDB;
using Lucene.Net.Search;
using Timeline.Core.Dates;
using Timeline.Core.Domain;
using Timeline.Core.Search;
using Timeline.Core.Storage;
using LuceneTerm = Lucene.Net.Index.Term;

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

    /// <summary>The date the article gives for the event, when it gives one (prefilled from the dates read in the passage).</summary>
    public bool HasSourceDate { get; set; }
    public PartialDateInput SourceDate { get; set; } = new();
    public string SourceDateWords { get; set; } = "";

    /// <summary>Fills the source's date from a date read in the passage, unless one is given already.</summary>
    public void SuggestSourceDate(DateMention? mention)
    {
        if (HasSourceDate || mention is null)
            return;
        (HasSourceDate, SourceDate, SourceDateWords) = (true, PartialDateInput.From(mention.Date), mention.Text);
    }

    /// <summary>What a link without a passage is told (the form says it too, on leaving the field empty).</summary>
    public const string PassageMissing = "Select or paste the passage of the article that supports the link.";

    /// <summary>Checks what can be checked without the article's text; whether the passage is in it comes after.</summary>
    public FieldErrors Validate()
    {
        var errors = new FieldErrors();
        if (!Enum.IsDefined(Role))
            errors.Set("role", "Choose what the article does for the event.");
        var passage = Passage.Trim();
        if (passage.Length == 0)
            errors.Set("passage", PassageMissing);
        else if (passage.Length > Limits.PassageLength)
            errors.Set("passage", $"The passage has {passage.Length} characters; at most {Limits.PassageLength} fit. Quote the part that matters.");
        if (Note.Length > Limits.SummaryLength)
            errors.Set("note", $"The note has {Note.Length} characters; at most {Limits.SummaryLength} fit.");
        if (HasSourceDate && !SourceDate.TryBuild(out _, out var dateError))
            errors.Set("source-date", dateError!);
        if (HasSourceDate)
            errors.CheckText("source-date-words", SourceDateWords, Limits.NameLength);
        return errors;
    }

    /// <summary>A stored link, seen from either end, as the form that edits it.</summary>
    public static LinkForm From(LinkRow row) => new()
    {
        Id = row.Id, EventId = row.EventId, ArticleId = row.ArticleId, Role = row.Role, Passage = row.Passage, Note = row.Note ?? "",
        HasSourceDate = row.SourceDate is not null, SourceDate = row.SourceDate is { } given ? PartialDateInput.From(given.Date) : new(),
        SourceDateWords = row.SourceDate?.Words ?? "",
    };

    /// <summary>The source's date as stored (null: it gives none); call after <see cref="Validate"/> found no error.</summary>
    public SourceDate? BuildSourceDate() =>
        HasSourceDate && SourceDate.TryBuild(out var date, out _)
            ? new SourceDate { Date = date, Words = string.IsNullOrWhiteSpace(SourceDateWords) ? null : SourceDateWords.Trim() }
            : null;
}

/// <summary>A link seen from its event (Other* is the article) or from its article (Other* is the event).</summary>
public sealed record LinkRow(int Id, int EventId, int ArticleId, string OtherTitle, string OtherDetail, PartialDate OtherDate,
    LinkRole Role, string Passage, string? Note, SourceDate? SourceDate = null);

public sealed record EventPick(int Id, string Title, PartialDate Start, EventStatus Status);

/// <summary>Links articles to events with the passage that supports the link; every change is a revision of both.</summary>
public sealed class LinkEditor(TimelineStore store, SearchIndex index, IContentChangeListener listener, TimeProvider clock)
{
    /// <summary>
    /// The passage exactly as the article has it. Whitespace may differ (a selection across paragraphs has
    /// blank lines where the text has one newline), everything else must match word for word. Null if absent.
    /// </summary>
    public static string? LocatePassage(string body, string passage) => FindPassage(body, passage)?.Text;

    /// <summary>Where the passage is in the article, and its exact words there (see <see cref="LocatePassage"/>).</summary>
    public static (int Start, string Text)? FindPassage(string body, string passage)
    {
        var words = passage.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
            return null;
        var pattern = string.Join(@"\s+", words.Select(Regex.Escape));
        var match = Regex.Match(body, pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
        return match.Success ? (match.Index, match.Value) : null;
    }

    public IReadOnlyList<LinkRow> ForEvent(int eventId)
    {
        var links = store.LinksOfEvent(eventId).ToList();
        var articles = store.Articles.FindByIds(links.Select(l => l.ArticleId)).ToDictionary(a => a.Id);
        IReadOnlyList<LinkRow> rows = [.. links.Where(l => articles.ContainsKey(l.ArticleId))
            .OrderBy(l => articles[l.ArticleId].Published).ThenBy(l => l.Id)
            .Select(l => new LinkRow(l.Id, l.EventId, l.ArticleId, articles[l.ArticleId].Title, articles[l.ArticleId].Outlet,
                new PartialDate(articles[l.ArticleId].Published.Value, articles[l.ArticleId].Published.Precision), l.Role, l.Passage, l.Note, l.SourceDate))];
        return rows;
    }

    public IReadOnlyList<LinkRow> ForArticle(int articleId)
    {
        var links = store.LinksOfArticle(articleId).ToList();
        var events = store.Events.FindByIds(links.Select(l => l.EventId)).ToDictionary(e => e.Id);
        IReadOnlyList<LinkRow> rows = [.. links.Where(l => events.ContainsKey(l.EventId))
            .OrderBy(l => events[l.EventId].Start).ThenBy(l => l.Id)
            .Select(l => new LinkRow(l.Id, l.EventId, l.ArticleId, events[l.EventId].Title, events[l.EventId].Status.ToString(),
                new PartialDate(events[l.EventId].Start.Value, events[l.EventId].Start.Precision), l.Role, l.Passage, l.Note, l.SourceDate))];
        return rows;
    }

    /// <summary>The first date read inside the passage of the article, as its reading resolved it: what "the date this
    /// source gives" starts from. Null when the passage holds none, or the article has not been read yet.</summary>
    public DateMention? DateInPassage(int articleId, string passage) =>
        store.ArticleDates.FindById(articleId) is { Mentions.Count: > 0 } dates && FindPassage(store.ArticleText(articleId), passage.Trim()) is { } found
            ? dates.Mentions.FirstOrDefault(m => m.Start >= found.Start && m.End <= found.Start + found.Text.Length)
            : null;

    /// <summary>Events (not in the trash) whose title matches the words (the search index), latest first; to link an article to.</summary>
    public IReadOnlyList<EventPick> FindEvents(string? query, int take = 20)
    {
        List<Event> events;
        if (string.IsNullOrWhiteSpace(query))
        {
            events = [.. store.EventsInKeyOrder(nameof(Event.LiveKey), "0", TimelineKeys.Last).Limit(take).ToEnumerable()];
        }
        else
        {
            var parsed = SearchQuery.Parse(query, index.Analyzer);
            if (parsed.ToQuery(new Dictionary<string, float> { [SearchIndex.TitleField] = 1f }) is not { } words)
                return [];
            var search = new BooleanQuery
            {
                { new TermQuery(new LuceneTerm(SearchIndex.KindField, SearchDocuments.EventKind)), Occur.MUST },
                { new TermQuery(new LuceneTerm(SearchIndex.StatusField, nameof(EventStatus.Deleted))), Occur.MUST_NOT },
                { words, Occur.MUST },
            };
            var (hits, _) = index.FindInOrder(search, null, take);
            events = [.. store.Events.FindByDocumentKeys([.. hits.Select(h => h.Key)], e => e.Id).Where(e => e.Status != EventStatus.Deleted)];
        }
        IReadOnlyList<EventPick> picks = [.. events.Select(e => new EventPick(e.Id, e.Title, e.Start, e.Status))];
        return picks;
    }

    /// <summary>Creates the link (no Id) or changes its role, passage and note.</summary>
    public async Task<SaveOutcome> SaveAsync(LinkForm form, string user, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var outcome = store.Write(tx => Save(store, tx, form, user, now));
        if (outcome is Saved { Unchanged: false })
            await listener.ContentChangedAsync(cancellationToken);
        return outcome;
    }

    /// <summary>The link's save inside a write: also the second half of a new event saved with its first source.</summary>
    internal static SaveOutcome Save(TimelineStore store, StoreTransaction tx, LinkForm form, string user, DateTimeOffset now)
    {
        var link = form.Id is { } id ? store.Links.FindById(id) : null;
        if (form.Id is not null && link is null)
            return new Missing("This link no longer exists.");
        var eventId = link?.EventId ?? form.EventId;
        var articleId = link?.ArticleId ?? form.ArticleId;
        var ev = store.Events.FindById(eventId);
        var article = store.Articles.FindById(articleId);
        if (ev is null || ev.Status == EventStatus.Deleted || article is null)
            return new Missing(ev is null || ev.Status == EventStatus.Deleted ? "The event no longer exists or is in the trash." : "The article no longer exists.");

        var errors = form.Validate();
        string? exact = null;
        if (errors.For("passage") is null && (exact = LocatePassage(tx.ReadText(article.Id), form.Passage.Trim())) is null)
            errors.Set("passage", "This passage is not in the article's text word for word. Select it from the text shown.");
        if (link is null && store.LinkOf(eventId, articleId).Exists())
            errors.Set("article", "This article is already linked to this event; change that link instead.");
        if (errors.Count > 0)
            return new Invalid(errors);

        var isNew = link is null;
        var before = isNew ? null : LinkSnapshot.Of(link!, ev, article);
        var changed = isNew ? new EventArticleLink { EventId = eventId, ArticleId = articleId, Passage = exact! } : tx.Copy(link!);
        changed.Role = form.Role;
        changed.Passage = exact!;
        changed.Note = string.IsNullOrWhiteSpace(form.Note) ? null : form.Note.Trim();
        changed.SourceDate = form.BuildSourceDate();
        var after = LinkSnapshot.Of(changed, ev, article);
        var changes = RevisionDiff.Between(before, after);
        if (!isNew && changes.Count == 0)
            return new Saved(changed.Id, Unchanged: true);

        if (isNew)
        {
            tx.AddLink(changed);
        }
        else
        {
            Snapshots.RecordBaseline(tx, before!, RevisionSubject.Link, changed.Id, ev.Id, article.Id, ev.CreatedBy, ev.CreatedAt);
            tx.UpdateLink(changed);
        }
        var description = isNew
            ? $"Linked \"{article.Title}\" to \"{ev.Title}\" as {changed.Role.ToLabel().ToLowerInvariant()}"
            : $"Changed the link of \"{article.Title}\" to \"{ev.Title}\": {RevisionDiff.Labels(changes)}";
        tx.AddRevision(Snapshots.Record(after, RevisionSubject.Link, changed.Id, ev.Id, article.Id, isNew ? "linked" : "link edited", description, user, now));
        return new Saved(changed.Id);
    }

    public async Task<SaveOutcome> UnlinkAsync(int linkId, string user, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var outcome = store.Write<SaveOutcome>(tx =>
        {
            if (store.Links.FindById(linkId) is not { } link)
                return new Missing("This link no longer exists.");
            var ev = store.Events.FindById(link.EventId);
            var article = store.Articles.FindById(link.ArticleId);
            // Unlinking would leave a difference quoting a source the event no longer has: refused, nothing changes.
            if (ev.Differences.Where(d => d.Claims.Any(c => c.ArticleId == link.ArticleId)).Select(d => DifferenceRules.Name(d.Aspect)).ToList() is { Count: > 0 } quoting)
                return new Invalid(new FieldErrors { ["link"] = $"The event's differences quote this article ({string.Join(", ", quoting)}): " +
                    "remove its quotes there first, then unlink it." });
            tx.RemoveLink(link);
            tx.AddRevision(Snapshots.Record(LinkSnapshot.Of(link, ev, article), RevisionSubject.Link, link.Id, link.EventId, link.ArticleId,
                "unlinked", $"Unlinked \"{article.Title}\" from \"{ev.Title}\"", user, now));
            return new Saved(linkId);
        });
        if (outcome is Saved)
            await listener.ContentChangedAsync(cancellationToken);
        return outcome;
    }


}
