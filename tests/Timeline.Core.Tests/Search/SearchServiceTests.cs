using Timeline.Core.Dates;
using Timeline.Core.Domain;
using Timeline.Core.Search;
using Timeline.Core.Storage;
using Timeline.Tests.Support;

namespace Timeline.Core.Tests.Search;

/// <summary>Search on the real Lucene index, kept in step with a real store through the outbox.</summary>
public sealed class SearchServiceTests
{
    [Fact]
    public async Task A_phrase_finds_the_seed_articles_and_event_that_contain_it()
    {
        await using var database = await TestStore.CreateSeededAsync();
        var results = database.Search().Search("\"give full rein\"");

        Assert.Null(results.Problem);
        Assert.Contains(results.Hits, h => h.Kind == SearchHitKind.Article && h.Outlet == "Ma’an / AFP");
        Assert.Contains(results.Hits, h => h.Kind == SearchHitKind.Article && h.Outlet == "Arutz Sheva (Israel National News)");
        Assert.Contains(results.Hits, h => h.Kind == SearchHitKind.Event && h.Href.StartsWith("/events/2014-04-09-hamas-calls"));
        Assert.All(results.Hits, h => Assert.Contains($"{Highlighted.Open}give{Highlighted.Close}", h.Title + h.Snippet));
    }

    [Theory]
    [InlineData("Rudain*")]
    [InlineData("R*")]
    [InlineData("rudáineh")]
    [InlineData("RUDAINEH")]
    public async Task Prefixes_case_and_diacritics_match(string query)
    {
        await using var database = await TestStore.CreateSeededAsync();
        var results = database.Search().Search(query);
        Assert.Contains(results.Hits, h => h.Href.Contains("declares-security-coordination-over"));
    }

    [Fact]
    public async Task Newest_first_orders_by_date()
    {
        await using var database = await TestStore.CreateSeededAsync();
        var results = database.Search().Search("security", SearchOrder.Newest);
        Assert.True(results.Hits.Count > 5);
        Assert.Equal(results.Hits.Select(h => h.Date.Value).OrderByDescending(d => d), results.Hits.Select(h => h.Date.Value));
    }

    [Fact]
    public async Task Results_come_in_pages()
    {
        await using var database = await TestStore.CreateSeededAsync();
        var service = database.Search();
        var first = service.Search("a*");
        Assert.Equal(SearchService.PageSize, first.Hits.Count);
        Assert.True(first.HasMore);
        var second = service.Search("a*", page: 2);
        Assert.Empty(first.Hits.Select(h => h.Href).Intersect(second.Hits.Select(h => h.Href)));
    }

    [Theory]
    [InlineData("\"", true, 0)]
    [InlineData("*", true, 0)]
    [InlineData("😀 🇵🇸", true, 0)]
    [InlineData("NEAR(", false, 0)]
    [InlineData("title:", false, 0)]
    [InlineData("Body:Kerry", false, 0)]
    [InlineData("AND OR NOT", false, 0)]
    [InlineData("'); DROP TABLE Events; --", false, 0)]
    [InlineData("^Kerry", false, 3)]
    [InlineData("{Title Body}: Kerry", false, 0)]
    [InlineData("Kerry -Liberman", false, 2)]
    public async Task Any_input_gives_results_or_a_message_never_an_error(string query, bool expectProblem, int minimumHits)
    {
        await using var database = await TestStore.CreateSeededAsync();
        var results = database.Search().Search(query);
        Assert.Equal(expectProblem, results.Problem is not null);
        Assert.True(results.Hits.Count >= minimumHits, $"{results.Hits.Count} hits");
        Assert.Equal(18, database.Store.Events.Count());
    }

    [Fact]
    public async Task The_index_follows_every_change_to_events_and_articles()
    {
        await using var database = await TestStore.CreateSeededAsync();
        var service = database.Search();
        var store = database.Store;
        int draftId = 0, articleId = 0;
        // Every write path goes through the store's transaction methods, which put the change in the outbox.
        store.Write(tx =>
        {
            var ev = store.Events.FindAll().Single(e => e.Slug.StartsWith("2013-07-"));
            var renamed = tx.Copy(ev);
            renamed.Title = "Zanzibar relaunch";
            tx.PutEvent(ev, renamed);
            var draft = new Event
            {
                Id = tx.NextIntId("events"), Slug = "draft-x", Title = "Quixotic draft", Start = PartialDate.Year(2015), Status = EventStatus.Draft,
                CreatedBy = "t", UpdatedBy = "t",
            };
            tx.SetSlug(draft.Id, null, draft.Slug, DateTimeOffset.UtcNow);
            tx.PutEvent(null, draft);
            draftId = draft.Id;
            articleId = tx.AddArticle(new Article
            {
                Title = "مقال عربي", Outlet = "Al-Quds", ContentHash = "h1", ImportOrigin = "test", Published = PartialDate.Day(2023, 1, 27), Language = "ar",
            }, "أعلنت السلطة الفلسطينية وقف التنسيق الأمني").Id;
        });
        await database.Indexer.CatchUpAsync();
        // An article in the library is not public until it backs a published event.
        Assert.Empty(service.Search("التنسيق").Hits);
        store.Write(tx => tx.AddLink(new EventArticleLink
        {
            EventId = store.Events.FindAll().First(e => e.Status == EventStatus.Published && e.Slug.StartsWith("2023-")).Id,
            ArticleId = articleId, Passage = "وقف التنسيق الأمني",
        }));
        await database.Indexer.CatchUpAsync();
        Assert.Single(service.Search("Zanzibar").Hits);
        Assert.DoesNotContain(service.Search("impasse").Hits, h => h.Href.StartsWith("/events/2013-07-"));
        Assert.Empty(service.Search("Quixotic").Hits);
        Assert.Single(service.Search("التنسيق").Hits);

        store.Write(tx =>
        {
            var draft = store.Events.FindById(draftId);
            var published = tx.Copy(draft);
            published.Status = EventStatus.Published;
            tx.PutEvent(draft, published);
            tx.RemoveArticle(store.Articles.FindById(articleId));
            tx.RemoveEvent(store.Events.FindOne(e => e.Title == "Zanzibar relaunch"));
        });
        await database.Indexer.CatchUpAsync();
        Assert.Single(service.Search("Quixotic").Hits);
        Assert.Empty(service.Search("التنسيق").Hits);
        Assert.Empty(service.Search("Zanzibar").Hits);
        Assert.Empty(StoreAudit.Check(store));
    }

    [Fact]
    public async Task Counts_follow_every_change_to_events()
    {
        await using var database = await TestStore.CreateSeededAsync();
        var store = database.Store;
        Assert.Empty(StoreAudit.Check(store));
        store.Write(tx =>
        {
            var first = store.Events.FindById(1);
            var moved = tx.Copy(first);
            moved.Start = PartialDate.Day(2030, 1, 1);
            moved.StorylineId = null;
            tx.PutEvent(first, moved);
            var second = store.Events.FindById(2);
            var draft = tx.Copy(second);
            draft.Status = EventStatus.Draft;
            tx.PutEvent(second, draft);
            tx.RemoveEvent(store.Events.FindById(3));
        });
        Assert.Empty(StoreAudit.Check(store));
        Assert.Equal(store.Events.Count(e => e.Status == EventStatus.Published),
            store.Counts.FindById(TimelineKeys.FacetCount(TimelineKeys.AllFacet)).N);
    }

    [Fact]
    public async Task Searching_an_empty_query_returns_nothing_quietly()
    {
        await using var database = await TestStore.CreateSeededAsync();
        var results = database.Search().Search("  ");
        Assert.Empty(results.Hits);
        Assert.Null(results.Problem);
    }
}

/// <summary>Search in the languages of the timeline's sources, and every kind of query a reader can type.</summary>
public sealed class SearchLanguagesTests : IAsyncLifetime
{
    private TestStore database = null!;

    public async Task InitializeAsync()
    {
        database = await TestStore.CreateSeededAsync();
        var store = database.Store;
        var published = store.Events.FindAll().First(e => e.Status == EventStatus.Published).Id;
        store.Write(tx =>
        {
            foreach (var (title, language, body) in new[]
                     {
                         ("الكِتَابُ الأبيض للتنسيق", "ar", "أعلنت السلطة الفلسطينية وقف التنسيق الأمني مع إسرائيل. الكِتَابُ صدر في رام الله."),
                         ("ממשלת ישראל והתיאום", "he", "צה\"ל פעל בג'נין. יְרוּשָׁלַיִם הגיבה להודעה על התיאום הביטחוני."),
                         ("Café talks in Zürich", "en", "The negotiators met at a café in Zürich; the Straße was closed."),
                     })
            {
                var article = tx.AddArticle(new Article
                {
                    Title = title, Outlet = "Test outlet", ContentHash = Timeline.Core.Text.TextExcerpt.Hash(body), ImportOrigin = "test",
                    Published = PartialDate.Day(2023, 2, 1), Language = language,
                }, body);
                tx.AddLink(new EventArticleLink { EventId = published, ArticleId = article.Id, Passage = body[..10] });
            }
        });
        await database.Indexer.CatchUpAsync();
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Theory]
    [InlineData("كتاب", "الكِتَابُ")]        // harakat and the article folded, the word stemmed
    [InlineData("التنسيق", "للتنسيق")]
    [InlineData("ירושלים", "יְרוּשָׁלַיִם")]     // niqqud folded
    [InlineData("צה״ל", "צה\"ל")]           // gershayim or a double quote
    [InlineData("CAFE zurich", "Café")]
    [InlineData("strasse", "Straße")]
    public void Words_are_found_however_they_are_spelled_and_marked_as_written(string query, string written)
    {
        var hits = (database.Search().Search(query)).Hits;
        var hit = Assert.Single(hits, h => h.Kind == SearchHitKind.Article && h.Outlet == "Test outlet");
        Assert.Contains($"{Highlighted.Open}{written}{Highlighted.Close}", hit.Title + hit.Snippet);
    }

    [Fact]
    public void An_excluded_word_leaves_out_what_contains_it()
    {
        var all = (database.Search().Search("Zürich")).Hits;
        Assert.Single(all);
        Assert.Empty((database.Search().Search("Zürich -café")).Hits);
        Assert.Single((database.Search().Search("Zürich -Jenin")).Hits);
    }

    [Fact]
    public void Hostile_queries_give_results_or_a_sentence()
    {
        var random = new Random(4);
        const string alphabet = "\"'*-:()[]{}^~?\\/&|!+ aeéהבجب🇵🇸\u200F\u0301\0";
        var queries = new List<string>
        {
            "\"", "\"unbalanced", "NEAR(", "*", "title:", ")(", "-", "- -", "AND", "OR", "NOT", "a AND", "\\", "[a TO z]", "\0",
            "\uD800", "\uDC00", "😀", "\u200F\u200E", "e\u0301\u0301", new string('a', 100_000),
            string.Join(' ', Enumerable.Repeat("security", 5_000)), string.Join(' ', Enumerable.Range(0, 3_000).Select(i => $"w{i}*")),
        };
        queries.AddRange(Enumerable.Range(0, 300).Select(_ => new string([.. Enumerable.Range(0, random.Next(1, 30)).Select(_ => alphabet[random.Next(alphabet.Length)])])));
        var search = database.Search();
        var queriesOfTheTimeline = database.Queries();
        foreach (var query in queries)
        {
            foreach (var order in Enum.GetValues<SearchOrder>())
            {
                // No exception, and whatever is found is public: a published event or an article backing one.
                foreach (var hit in search.Search(query, order).Hits)
                    Assert.True(hit.Kind == SearchHitKind.Event
                        ? database.Store.Events.FindById(hit.Id).Status == EventStatus.Published
                        : database.Store.Articles.FindById(hit.Id).PublicLinkCount > 0, query);
                Assert.Empty(search.Search(query, order, page: SearchService.MaxPage + 1).Hits); // far past the end: nothing, quietly
            }
            _ = queriesOfTheTimeline.GetWindow(new Timeline.Core.Reading.TimelineViewState { Q = query });
            _ = database.Articles().List(query);
            _ = database.EventList().List(query, null);
            _ = database.Links().FindEvents(query);
        }
    }
}
