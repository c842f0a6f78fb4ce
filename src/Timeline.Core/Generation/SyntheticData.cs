using Timeline.Core.Dates;
using Timeline.Core.Domain;
using Timeline.Core.Storage;
using Timeline.Core.Text;

namespace Timeline.Core.Generation;

/// <summary>
/// The documents of a synthetic timeline, drawn from one seeded random sequence (the same seed, the same data): the
/// calls must keep their order, since each draws from the sequence the one before left.
/// </summary>
internal sealed class SyntheticData
{
    private static readonly string[] CommonWords =
    [
        "the", "of", "and", "to", "in", "a", "said", "on", "that", "for", "with", "was", "as", "by", "security", "talks",
        "officials", "government", "minister", "after", "coordination", "meeting", "statement", "forces", "agreement",
        "leaders", "council", "international", "week", "region", "spokesman", "decision", "border", "peace",
    ];

    private static readonly string[] Syllables =
    [
        "ka", "ro", "mel", "ta", "sin", "dor", "av", "el", "qu", "ri", "na", "bar", "hel", "zu", "ot", "ma", "fen", "lio",
        "sa", "gar", "té", "vi", "ul", "chen", "pa", "dro", "is", "mon", "ye", "kar",
    ];

    /// <summary>Twenty storylines of two and a half years each, 1975–2025.</summary>
    private static readonly DateTime[] StorylineStarts = [.. Enumerable.Range(0, 20).Select(i => new DateTime(1975, 1, 1).AddMonths(i * 30))];

    private readonly Random random;
    private readonly string[] vocabulary;
    private readonly DateTimeOffset now = DateTimeOffset.UtcNow;

    public SyntheticData(int seed)
    {
        random = new Random(seed);
        vocabulary = [.. Enumerable.Range(0, 6000).Select(_ => Word(random)).Distinct()];
    }

    public List<Storyline> Storylines()
    {
        return [.. StorylineStarts.Select((start, i) =>
        {
            var title = $"The {Capitalise(vocabulary[i])} {vocabulary[i + 20]} of {start.Year}";
            return new Storyline
            {
                Id = i + 1, Slug = $"era-{i + 1:D2}-{Slugs.Slugify(title)}", Title = title, Description = Sentence(random, vocabulary, 20),
                Colour = $"#{random.Next(0x303030, 0xC0C0C0):x6}", Start = new PartialDate(start, DatePrecision.Month),
                End = new PartialDate(start.AddMonths(29), DatePrecision.Month),
            };
        })];
    }

    /// <summary>Topics, actors and places.</summary>
    public List<Tag> Tags()
    {
        var tags = new List<Tag>();
        foreach (var (kind, count) in new[] { (TagKind.Topic, 60), (TagKind.Actor, 150), (TagKind.Place, 80) })
        {
            foreach (var name in Enumerable.Range(0, count).Select(i => $"{Capitalise(vocabulary[100 + tags.Count + i])} {Capitalise(vocabulary[500 + tags.Count + i])}").ToList())
                tags.Add(new Tag { Id = tags.Count + 1, Kind = kind, Name = name, Slug = Slugs.Slugify(name), KindSlug = Tag.KindSlugOf(kind, Slugs.Slugify(name)), NameKey = Tag.NameKeyOf(kind, name) });
        }
        return tags;
    }

    public List<Outlet> Outlets() =>
        [.. Enumerable.Range(0, 40).Select(i => new Outlet { Id = i + 1, Name = $"The {Capitalise(vocabulary[900 + i])} {(i % 3 == 0 ? "Times" : i % 3 == 1 ? "Post" : "News")}" })];

    /// <summary>Articles of a few paragraphs from the outlets, each with its text and its sentences (the passages links quote).</summary>
    public (Article[] Articles, ArticleText[] Texts, List<string>[] Sentences) Articles(int count, List<Outlet> outlets)
    {
        var articles = new Article[count];
        var texts = new ArticleText[count];
        var articleSentences = new List<string>[count];
        var hashes = new HashSet<string>();
        for (var i = 0; i < count; i++)
        {
            var paragraphs = Enumerable.Range(0, random.Next(5, 10))
                .Select(_ => Enumerable.Range(0, random.Next(2, 4)).Select(_ => Sentence(random, vocabulary, random.Next(12, 26))).ToList())
                .ToList();
            var body = string.Join('\n', paragraphs.Select(p => string.Join(' ', p)));
            while (!hashes.Add(TextExcerpt.Hash(body)))
            {
                // The same text twice (most unlikely): one more paragraph makes it another article, as the importer needs.
                paragraphs.Add([Sentence(random, vocabulary, 12)]);
                body = string.Join('\n', paragraphs.Select(p => string.Join(' ', p)));
            }
            articleSentences[i] = [.. paragraphs.SelectMany(p => p)];
            var outlet = outlets[random.Next(outlets.Count)];
            articles[i] = new Article
            {
                Id = i + 1, Title = Capitalise(Sentence(random, vocabulary, random.Next(6, 11)).TrimEnd('.')), Outlet = outlet.Name, OutletId = outlet.Id,
                Author = $"{Capitalise(vocabulary[random.Next(vocabulary.Length)])} {Capitalise(vocabulary[random.Next(vocabulary.Length)])}",
                Published = new PartialDate(RandomDate(random), DatePrecision.Day), Language = "en",
                ContentHash = TextExcerpt.Hash(body), ImportOrigin = "generated", ImportedAt = now,
                DatesPending = true, // as an imported article: the app reads its dates in the background
            };
            texts[i] = new ArticleText { Id = i + 1, Compressed = ArticleTextCodec.Compress(body) };
        }
        return (articles, texts, articleSentences);
    }

    /// <summary>Events with mixed date precision, tags, and links to articles quoting one of their sentences; an
    /// article's link counts are kept as the links are made.</summary>
    public (Event[] Events, List<EventArticleLink> Links, List<Article>[] Linked) Events(int count, int tagCount, Article[] articles, List<string>[] articleSentences)
    {
        string[] roles = ["FirstReport", "Report", "Confirmation", "Reaction", "Background", "Analysis"];
        var events = new Event[count];
        var links = new List<EventArticleLink>();
        var linked = new List<Article>[count];
        var slugs = new HashSet<string>();
        for (var i = 0; i < count; i++)
        {
            var precision = random.NextDouble() switch { < 0.05 => DatePrecision.Year, < 0.2 => DatePrecision.Month, < 0.9 => DatePrecision.Day, _ => DatePrecision.Minute };
            var start = new PartialDate(RandomDate(random).AddMinutes(random.Next(0, 1440)), precision, random.NextDouble() < 0.1);
            var title = Capitalise(Sentence(random, vocabulary, random.Next(5, 10)).TrimEnd('.'));
            var slug = Slugs.MakeUnique(Slugs.ForEvent(start, title), slugs.Contains);
            slugs.Add(slug);
            var storyline = Array.FindLastIndex(StorylineStarts, s => s <= start.Value);
            var ev = new Event
            {
                Id = i + 1, Slug = slug, Title = title, Start = start,
                Summary = string.Join(' ', Enumerable.Range(0, random.Next(2, 4)).Select(_ => Sentence(random, vocabulary, random.Next(12, 24)))),
                StorylineId = storyline >= 0 && start.Value < StorylineStarts[storyline].AddMonths(30) ? storyline + 1 : null,
                Status = random.NextDouble() < 0.05 ? EventStatus.Draft : EventStatus.Published,
                CreatedAt = now, CreatedBy = "generator", UpdatedAt = now, UpdatedBy = "generator",
                TagIds = [.. Enumerable.Range(0, random.Next(1, 5)).Select(_ => random.Next(1, tagCount + 1)).Distinct()],
            };
            events[i] = ev;
            linked[i] = [];
            if (articles.Length == 0)
                continue;
            foreach (var index in Enumerable.Range(0, random.Next(1, 5)).Select(_ => random.Next(articles.Length)).Distinct())
            {
                var sentences = articleSentences[index];
                var article = articles[index];
                links.Add(new EventArticleLink
                {
                    Id = links.Count + 1, EventId = ev.Id, ArticleId = article.Id, Role = Enum.Parse<LinkRole>(roles[random.Next(roles.Length)]),
                    Passage = sentences[random.Next(sentences.Count)], PairKey = EventArticleLink.PairKeyOf(ev.Id, article.Id),
                });
                linked[i].Add(article);
                article.LinkCount++;
                if (ev.Status == EventStatus.Published)
                    article.PublicLinkCount++;
            }
        }
        return (events, links, linked);
    }

    /// <summary>A word from a long-tailed distribution: common words often, most of the vocabulary rarely, and now
    /// and then a one-off name, as news text has (without them no word would be rare at 100,000 articles).</summary>
    private static string Pick(Random random, string[] vocabulary) => random.NextDouble() switch
    {
        < 0.45 => CommonWords[(int)(CommonWords.Length * Math.Pow(random.NextDouble(), 2))],
        < 0.99 => vocabulary[(int)(vocabulary.Length * Math.Pow(random.NextDouble(), 3))],
        _ => Word(random) + Word(random),
    };

    private static string Sentence(Random random, string[] vocabulary, int words) =>
        Capitalise(string.Join(' ', Enumerable.Range(0, words).Select(_ => Pick(random, vocabulary)))) + ".";

    private static string Word(Random random) =>
        string.Concat(Enumerable.Range(0, random.Next(2, 5)).Select(_ => Syllables[random.Next(Syllables.Length)]));

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static DateTime RandomDate(Random random) => new DateTime(1975, 1, 1).AddDays(random.Next(0, 365 * 50));
}
