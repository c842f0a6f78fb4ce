using System.Text.Json;
using System.Text.Json.Serialization;
using Timeline.Core.ArticleReading;
using Timeline.Core.Dates;
using Xunit.Abstractions;

using Timeline.Core.Domain;

namespace Timeline.Tests.ArticleReading;

/// <summary>
/// The relative-date set (Fixtures/relative-dates): eight short invented news articles, each with its publication date,
/// and an answer key (answers.json) of the dates a reader should find in them, resolved by the past/future rule of
/// <see cref="ResolutionRule"/>, each only as precise as its words. The key also names words that must not give a date
/// (durations, "Forests Now", numbers such as "8.4 billion"). Recall: expected mentions found with the right date.
/// Precision: mentions found that are right, of all mentions found. The misses and wrong dates are printed.
/// </summary>
public sealed class RelativeDateSetTests(ITestOutputHelper output)
{
    // Floors in percent: set to the measured figures.
    private const int RecallFloorPercent = 96; // measured 2026-12-03: 57 of 59 (96.6 %)
    private const int PrecisionFloorPercent = 98; // measured 2026-12-03: 57 of 58 (98.3 %)

    private static string Folder => Path.Combine(AppContext.BaseDirectory, "Fixtures", "relative-dates");

    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    [Fact]
    public void The_relative_date_set_is_read_as_its_answer_key_says()
    {
        var key = JsonSerializer.Deserialize<List<KeyArticle>>(File.ReadAllText(Path.Combine(Folder, "answers.json")), Json)!;
        Assert.Equal(8, key.Count);
        var reader = new ArticleReader();
        int expected = 0, found = 0, mentions = 0, correct = 0, falsePositives = 0;
        foreach (var article in key)
        {
            var text = File.ReadAllText(Path.Combine(Folder, article.File));
            var dates = reader.Read(text, PartialDate.Parse(article.Published), "en");
            output.WriteLine($"{article.File} ({article.Published}): {dates.Mentions.Count} dates: " +
                string.Join("; ", dates.Mentions.Select(m => $"\"{m.Text}\"={m.Date.ToIsoString()}" + (m.Alternative is { } other ? $" (or {other.ToIsoString()})" : ""))));

            // Where the key's words are: the next occurrence after the one an earlier entry with the same words took.
            var next = new Dictionary<string, int>(StringComparer.Ordinal);
            var places = new List<(KeyMention Mention, int Start)>();
            foreach (var mention in article.Mentions)
            {
                var start = text.IndexOf(mention.Text, next.GetValueOrDefault(mention.Text), StringComparison.Ordinal);
                Assert.True(start >= 0, $"{article.File}: the key's words \"{mention.Text}\" are not in the article");
                Assert.True(PartialDate.TryParse(mention.Date, false, out _, out var error), $"{article.File}: {error}");
                next[mention.Text] = start + mention.Text.Length;
                places.Add((mention, start));
            }
            var traps = new List<(string Words, int Start)>();
            foreach (var words in article.Not)
            {
                Assert.Contains(words, text);
                for (var at = text.IndexOf(words, StringComparison.Ordinal); at >= 0; at = text.IndexOf(words, at + 1, StringComparison.Ordinal))
                    traps.Add((words, at));
            }

            foreach (var (mention, start) in places)
            {
                expected++;
                if (dates.Mentions.Any(m => Matches(m, mention, start)))
                {
                    found++;
                    continue;
                }
                var near = dates.Mentions.Where(m => Names(m, mention.Text, start)).ToList();
                output.WriteLine($"  MISSED \"{mention.Text}\" = {mention.Date}" + (near.Count == 0 ? ": no date found there"
                    : ": found " + string.Join(", ", near.Select(m => $"\"{m.Text}\" = {m.Date.ToIsoString()}" + (m.Alternative is { } other ? $" (or {other.ToIsoString()})" : "")))));
            }
            foreach (var m in dates.Mentions)
            {
                mentions++;
                if (places.Any(p => Matches(m, p.Mention, p.Start)))
                {
                    correct++;
                    continue;
                }
                var trap = traps.FirstOrDefault(t => Overlaps(m, t.Start, t.Words.Length));
                if (trap.Words is not null)
                {
                    falsePositives++;
                    output.WriteLine($"  FALSE POSITIVE \"{m.Text}\" = {m.Date.ToIsoString()} (on \"{trap.Words}\", which names no date)");
                }
                else if (!places.Any(p => Names(m, p.Mention.Text, p.Start)))
                    output.WriteLine($"  NOT IN THE KEY \"{m.Text}\" = {m.Date.ToIsoString()}");
            }
        }

        var recall = expected == 0 ? 0 : 100.0 * found / expected;
        var precision = mentions == 0 ? 0 : 100.0 * correct / mentions;
        output.WriteLine($"{expected} expected mentions: {found} found with the right date (recall {recall:0.0} %); " +
            $"{mentions} mentions found, {correct} right (precision {precision:0.0} %); {falsePositives} false positives on words that name no date");
        Assert.True(found * 100 >= RecallFloorPercent * expected, $"recall {recall:0.0} % is under the floor of {RecallFloorPercent} %");
        Assert.True(correct * 100 >= PrecisionFloorPercent * mentions, $"precision {precision:0.0} % is under the floor of {PrecisionFloorPercent} %");
    }

    /// <summary>The mention names the key's words (its text holds them, or it overlaps where they are) and has the key's
    /// date, whether marked approximate or not.</summary>
    private static bool Matches(DateMention mention, KeyMention key, int start) =>
        Names(mention, key.Text, start) && mention.Date.ToIsoString() == key.Date;

    private static bool Names(DateMention mention, string words, int start) =>
        mention.Text.Contains(words, StringComparison.OrdinalIgnoreCase) || Overlaps(mention, start, words.Length);

    private static bool Overlaps(DateMention mention, int start, int length) => mention.Start < start + length && start < mention.End;

    public sealed class KeyArticle
    {
        [JsonPropertyName("file")]
        public string File { get; set; } = "";

        [JsonPropertyName("published")]
        public string Published { get; set; } = "";

        [JsonPropertyName("mentions")]
        public List<KeyMention> Mentions { get; set; } = [];

        [JsonPropertyName("not")]
        public List<string> Not { get; set; } = [];
    }

    public sealed class KeyMention
    {
        [JsonPropertyName("text")]
        public string Text { get; set; } = "";

        [JsonPropertyName("date")]
        public string Date { get; set; } = "";
    }
}
