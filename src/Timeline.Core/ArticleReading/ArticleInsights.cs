using LiteDB;
using Timeline.Core.Curation;
using Timeline.Core.Dates;
using Timeline.Core.Domain;
using Timeline.Core.Storage;

namespace Timeline.Core.ArticleReading;

/// <summary>A date found in an article, with the events (not in the trash) already on that date.</summary>
public sealed record DateRow(int Index, DateMention Mention, string Sentence, IReadOnlyList<EventPick> EventsOnDate);

/// <summary>What the article view shows beside the dates: the events the article probably reports, other outlets on
/// the same story, and whether the article is linked to any event yet.</summary>
public sealed record ArticleSuggestions(IReadOnlyList<EventSuggestion> Events, IReadOnlyList<SameStoryArticle> SameStory, bool AnyLinked);

/// <summary>An article from another outlet that reports some of the same events.</summary>
public sealed record SameStoryArticle(int ArticleId, string Title, string Outlet, PartialDate Published, IReadOnlyList<string> SharedEvents);

/// <summary>A new event's form started from a sentence, and the link that will make the article its first source.</summary>
public sealed record EventDraft(EventForm Form, LinkForm Source, string ArticleTitle);

/// <summary>
/// What the app reads in an article for the curator: its dates with the events already on them, the events it
/// probably reports (not those linked already), other outlets' articles on the same events, and a new event's draft
/// from one sentence. The curator's article view and the <c>suggest</c> command both use it.
/// </summary>
public sealed class ArticleInsights(TimelineStore store, EventSuggester suggester, PendingArticleDates pending)
{
    public const int EventsPerDate = 3;

    /// <summary>The article's stored dates, or null while they wait to be read.</summary>
    public ArticleDates? StoredDates(int articleId) =>
        store.Articles.FindById(articleId) is { DatesPending: false } ? store.ArticleDates.FindById(articleId) : null;

    /// <summary>
    /// Reads a waiting article's dates now, on a thread of its own, ahead of the background queue (which may hold a
    /// whole upgraded store): <see cref="PendingArticleDates.Read"/> tells the view when they are stored. A 2 MB
    /// article takes tens of seconds to read; no page waits for it.
    /// </summary>
    public void ReadSoon(int articleId) => Task.Run(() =>
    {
        try
        {
            pending.ReadNow(articleId);
        }
        catch (Exception)
        {
            // left waiting: the background service reads it again, and logs a failure there
        }
    });

    /// <summary>The first <paramref name="take"/> dates with their sentences and the events on each date (looked up
    /// once per distinct date: an article names the same day again and again).</summary>
    public IReadOnlyList<DateRow> DateRows(string text, ArticleDates dates, int take = int.MaxValue)
    {
        var eventsOn = new Dictionary<PartialDate, IReadOnlyList<EventPick>>();
        return [.. dates.Mentions.Take(take).Select((m, i) => new DateRow(i, m, text.Substring(m.SentenceStart, m.SentenceLength),
            eventsOn.TryGetValue(m.Date, out var known) ? known : eventsOn[m.Date] = EventsOn(m.Date)))];
    }

    public IReadOnlyList<EventPick> EventsOn(PartialDate date)
    {
        var low = TimelineKeys.At(date.Value);
        var high = TimelineKeys.At(date.End);
        return [.. store.Events.Find(Query.And(Query.GTE(nameof(Event.LiveKey), low), Query.LT(nameof(Event.LiveKey), high)), limit: EventsPerDate)
            .Select(e => new EventPick(e.Id, e.Title, e.Start, e.Status))];
    }

    /// <summary>The events the article probably reports (not those it is linked to) and other outlets on the same
    /// story: one read of the article and of its links for both.</summary>
    public ArticleSuggestions ForArticle(int articleId, string text, ArticleDates? dates, int take = 10)
    {
        if (store.Articles.FindById(articleId) is not { } article)
            return new ArticleSuggestions([], [], false);
        var linked = store.LinksOfArticle(articleId).ToList().Select(l => l.EventId).ToHashSet();
        var events = suggester.Suggest(text, article.Published, article.Language, dates?.Mentions ?? [], linked, take);
        return new ArticleSuggestions(events, SameStory(article, linked, events), linked.Count > 0);
    }

    public IReadOnlyList<EventSuggestion> Suggestions(int articleId, string text, ArticleDates? dates, int take = 10) =>
        ForArticle(articleId, text, dates, take).Events;

    /// <summary>Articles of other outlets linked to the events this one is linked to or reports by the look of it (a
    /// top-three suggestion whose date the article gives), most shared events first.</summary>
    private List<SameStoryArticle> SameStory(Article article, IReadOnlySet<int> linked, IReadOnlyList<EventSuggestion> suggestions)
    {
        var eventIds = linked.Concat(suggestions.Take(3).Where(s => s.DateMatches).Select(s => s.EventId)).ToHashSet();
        var titles = store.Events.FindByIds(eventIds).Where(e => e.Status != EventStatus.Deleted).ToDictionary(e => e.Id, e => e.Title);
        var shared = new Dictionary<int, List<string>>();
        foreach (var (eventId, title) in titles)
        {
            foreach (var link in store.Links.Find(l => l.EventId == eventId))
            {
                if (link.ArticleId != article.Id)
                    (shared.TryGetValue(link.ArticleId, out var list) ? list : shared[link.ArticleId] = []).Add(title);
            }
        }
        var others = store.Articles.FindByIds(shared.Keys).Where(a => a.OutletId != article.OutletId);
        return [.. others.OrderByDescending(a => shared[a.Id].Count).ThenBy(a => a.Published)
            .Select(a => new SameStoryArticle(a.Id, a.Title, a.Outlet, a.Published, shared[a.Id]))];
    }

    /// <summary>A new event from the sentence of date <paramref name="index"/>: its date and precision, the storyline whose
    /// span holds it, a title drafted from the sentence, and this article as its first source with the sentence as the passage.</summary>
    public EventDraft? DraftFromSentence(int articleId, int index)
    {
        if (store.Articles.FindById(articleId) is not { } article || StoredDates(articleId) is not { } dates || index < 0 || index >= dates.Mentions.Count)
            return null;
        var mention = dates.Mentions[index];
        var text = store.ArticleText(articleId);
        var sentence = text.Substring(mention.SentenceStart, mention.SentenceLength);
        var storyline = store.Storylines.FindAll()
            .Where(s => s.Start.Value <= mention.Date.Value && mention.Date.Value < s.End.End)
            .OrderBy(s => s.End.End - s.Start.Value).FirstOrDefault();
        var form = new EventForm
        {
            Title = DraftTitle.From(sentence, mention.Start - mention.SentenceStart, mention.Length),
            Start = PartialDateInput.From(mention.Date),
            StorylineId = storyline?.Id,
        };
        var role = mention.Date.Value.Date >= article.Published.Value.Date.AddDays(-1) ? LinkRole.FirstReport : LinkRole.Report;
        var source = new LinkForm { ArticleId = articleId, Role = role, Passage = sentence };
        source.SuggestSourceDate(mention);
        return new EventDraft(form, source, article.Title);
    }
}
