using Lucene.Net.Index;
using Lucene.Net.Queries.Mlt;
using Lucene.Net.Search;
using Timeline.Core.Dates;
using Timeline.Core.Domain;
using Timeline.Core.Search;
using Timeline.Core.Storage;
using Timeline.Core.Text;

namespace Timeline.Core.ArticleReading;

/// <summary>An existing event an article probably reports, and the sentence that best supports the link.</summary>
public sealed record EventSuggestion(int EventId, string Title, string Slug, PartialDate Start, EventStatus Status, double Score,
    TextSpan Passage, bool DateMatches);

/// <summary>
/// The events an article probably reports: Lucene's MoreLikeThis query from the article's text against the events'
/// titles and summaries (drafts included, the trash not), then ranked with what the dates say. The weights were
/// measured on the seed timeline, whose manifest is the answer key (figures in the README):
/// - text: the hit's score over the best hit's (0–1); text alone ranked an event the article reports only 4th;
/// - a date found in the article that is the event's date, at the event's precision: +<see cref="DateBonus"/>;
/// - an event far from the publication date (more than <see cref="MonthsBefore"/> months before or
///   <see cref="MonthsAfter"/> after) with no such date: × <see cref="FarFactor"/>.
/// </summary>
public sealed class EventSuggester(TimelineStore store, SearchIndex index)
{
    public const double DateBonus = 0.6, FarFactor = 0.3, MinScore = 0.2;
    public const int MonthsBefore = 18, MonthsAfter = 1, Candidates = 200;

    /// <summary>Words that say nothing about which event an article reports (MoreLikeThis would otherwise pick
    /// "said", "after" or "which" as the article's most telling terms).</summary>
    public static readonly IReadOnlySet<string> StopWords = new HashSet<string>(StringComparer.Ordinal)
    {
        "a", "about", "after", "again", "against", "all", "also", "an", "and", "any", "are", "as", "at", "be", "been", "before", "being",
        "between", "both", "but", "by", "can", "could", "did", "do", "does", "during", "each", "for", "from", "further", "had", "has",
        "have", "having", "he", "her", "here", "him", "his", "how", "i", "if", "in", "into", "is", "it", "its", "last", "may", "more",
        "most", "mr", "new", "no", "not", "now", "of", "on", "once", "one", "only", "or", "other", "our", "out", "over", "own", "said",
        "same", "say", "says", "she", "should", "since", "so", "some", "such", "than", "that", "the", "their", "them", "then", "there",
        "these", "they", "this", "those", "through", "to", "told", "too", "two", "under", "until", "up", "very", "was", "we", "were",
        "what", "when", "where", "which", "while", "who", "whom", "why", "will", "with", "would", "year", "years", "you",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "week", "today", "yesterday",
    };

    public IReadOnlyList<EventSuggestion> Suggest(string text, PartialDate published, string language, IReadOnlyList<DateMention> mentions,
        IReadOnlySet<int> alreadyLinked, int take = 10)
    {
        if (string.IsNullOrWhiteSpace(text))
            return [];
        var hits = MoreLikeThis(text);
        if (hits.Count == 0)
            return [];
        var best = hits.Max(h => h.Score);
        var events = store.Events.FindByIds(hits.Select(h => h.Id).Where(id => !alreadyLinked.Contains(id))).ToDictionary(e => e.Id);
        var earliest = published.Value.AddMonths(-MonthsBefore);
        var latest = published.Value.AddMonths(MonthsAfter);
        var ranked = new List<(Event Event, double Score, bool DateMatches)>();
        foreach (var (id, score) in hits)
        {
            if (!events.TryGetValue(id, out var ev) || ev.Status == EventStatus.Deleted)
                continue;
            var dateMatches = mentions.Any(m => SameDate(m.Date, ev.Start));
            var value = score / best + (dateMatches ? DateBonus : 0);
            if (!dateMatches && (ev.Start.End <= earliest || ev.Start.Value > latest))
                value *= FarFactor;
            ranked.Add((ev, value, dateMatches));
        }
        var top = ranked.Where(r => r.Score >= MinScore).OrderByDescending(r => r.Score).ThenBy(r => r.Event.Id).Take(take).ToList();
        if (top.Count == 0)
            return [];
        var passages = new PassageChooser(text, language, mentions, index.Analyzer);
        return [.. top.Select(r => new EventSuggestion(r.Event.Id, r.Event.Title, r.Event.Slug, r.Event.Start, r.Event.Status,
            Math.Round(r.Score, 3), passages.For(r.Event), r.DateMatches))];
    }

    /// <summary>True when a date found in the text is the event's date, at the event's precision ("26 January 2023"
    /// is a "January 2023" event's date; "January 2023" is not a "26 January 2023" event's).</summary>
    public static bool SameDate(PartialDate found, PartialDate eventDate) =>
        found.Precision >= eventDate.Precision && eventDate.Value <= found.Value && found.Value < eventDate.End;

    private List<(int Id, float Score)> MoreLikeThis(string text) => index.Search(searcher =>
    {
        var like = new MoreLikeThis(searcher.IndexReader)
        {
            Analyzer = index.Analyzer,
            FieldNames = [SearchIndex.TitleField, SearchIndex.SummaryField],
            MinTermFreq = 1, // the defaults (2 and 5) give an empty query on a small timeline
            MinDocFreq = 1,
            MaxQueryTerms = 40,
            StopWords = (ISet<string>)StopWords,
        };
        Query terms;
        using (var reader = new StringReader(text))
            terms = like.Like(reader, SearchIndex.SummaryField);
        var query = new BooleanQuery
        {
            { terms, Occur.MUST },
            { new TermQuery(new Term(SearchIndex.KindField, SearchDocuments.EventKind)), Occur.MUST },
            { new TermQuery(new Term(SearchIndex.StatusField, nameof(EventStatus.Deleted))), Occur.MUST_NOT },
        };
        var found = new List<(int, float)>();
        foreach (var hit in searcher.Search(query, Candidates).ScoreDocs)
        {
            var key = searcher.Doc(hit.Doc, new HashSet<string> { SearchIndex.KeyField }).Get(SearchIndex.KeyField);
            found.Add((StoreCollections.IdOfDocument(key), hit.Score));
        }
        return found;
    });
}
