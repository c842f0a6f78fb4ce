using Timeline.Core.ArticleReading;
using Timeline.Core.Curation;
using Timeline.Core.Storage;
using Timeline.Tests.Support;
using Xunit.Abstractions;

namespace Timeline.Tests.ArticleReading;

/// <summary>
/// The seed manifest as the answer key of the app's reading: for each of its 27 links, is the event's date among
/// the dates found in the article, is the event among the top 3 suggestions, and does the suggested passage overlap
/// the manifest's? The floors are the figures reached (README, "Reading articles"); the misses are printed.
/// </summary>
public sealed class SeedAnswerKeyTests(ITestOutputHelper output)
{
    private static readonly ArticleReader Reader = new();

    [Fact]
    public async Task The_seed_links_are_found_in_the_articles_dates_suggestions_and_passages()
    {
        await using var seeded = await TestStore.CreateSeededAsync();
        var store = seeded.Store;
        var suggester = new EventSuggester(store, seeded.Index);
        int links = 0, datesFound = 0, inTopThree = 0, followed = 0, passages = 0;
        foreach (var article in store.Articles.FindAll().OrderBy(a => a.Id))
        {
            var text = store.ArticleText(article.Id);
            var dates = Reader.Read(text, article.Published, article.Language);
            var answer = store.Links.Find(l => l.ArticleId == article.Id).ToList();
            var wanted = answer.Select(l => l.EventId).ToHashSet();
            output.WriteLine($"Article {article.Id} ({article.Published}): {dates.Mentions.Count} dates: " +
                string.Join("; ", dates.Mentions.Select(m => $"\"{m.Text}\"={m.Date}")));

            // A curator following the suggestions: links the best-ranked right event of the top 3, and again.
            var linked = new HashSet<int>();
            while (suggester.Suggest(text, article.Published, article.Language, dates.Mentions, linked).Take(3)
                       .FirstOrDefault(s => wanted.Contains(s.EventId)) is { } next)
                linked.Add(next.EventId);
            followed += linked.Count;

            foreach (var link in answer)
            {
                links++;
                var ev = store.Events.FindById(link.EventId);
                var dateFound = dates.Mentions.Any(m => EventSuggester.SameDate(m.Date, ev.Start));
                datesFound += dateFound ? 1 : 0;
                // The article's other links made already: is this one among the top 3 left, with which passage?
                var others = wanted.Where(id => id != link.EventId).ToHashSet();
                var suggestions = suggester.Suggest(text, article.Published, article.Language, dates.Mentions, others);
                var rank = suggestions.ToList().FindIndex(s => s.EventId == link.EventId);
                inTopThree += rank is >= 0 and < 3 ? 1 : 0;
                var passageStart = text.IndexOf(LinkEditor.LocatePassage(text, link.Passage) ?? "\u0000", StringComparison.Ordinal);
                var passageEnd = passageStart + (LinkEditor.LocatePassage(text, link.Passage)?.Length ?? 0);
                var overlaps = rank >= 0 && passageStart >= 0 && suggestions[rank].Passage.Start < passageEnd && passageStart < suggestions[rank].Passage.End;
                passages += overlaps ? 1 : 0;
                if (!dateFound || rank is < 0 or >= 3 || !overlaps)
                    output.WriteLine($"  {ev.Start} {ev.Title}: date {(dateFound ? "found" : "MISSED")}, rank {(rank < 0 ? "none" : rank + 1)}, passage " +
                        (overlaps ? "overlaps" : rank < 0 ? "-" : $"MISSED: \"{text.Substring(suggestions[rank].Passage.Start, Math.Min(90, suggestions[rank].Passage.Length))}\""));
            }
            output.WriteLine($"  following the suggestions links {linked.Count} of {wanted.Count}");
        }
        output.WriteLine($"{links} links: dates {datesFound}, top 3 {inTopThree}, passages {passages}, followed {followed}");
        // Floors: the figures reached on 2026-12-03 (the issue asks at least 90 %, 80 % and 70 %).
        Assert.Equal(27, links);
        Assert.True(datesFound >= 25, $"dates found for {datesFound} of 27 links");
        Assert.True(inTopThree >= 27, $"in the top 3 for {inTopThree} of 27 links");
        // 21 until the seed summaries lost their "The sources differ" paragraphs (2026-12-03, now differences as data):
        // their words had led the halt's World Israel News link to its passage, which now loses to the court sentence.
        Assert.True(passages >= 20, $"passage overlaps for {passages} of 27 links");
        Assert.True(followed >= 27, $"following the suggestions links {followed} of 27");
    }
}
