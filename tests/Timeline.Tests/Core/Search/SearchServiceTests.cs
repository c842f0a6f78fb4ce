using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Timeline.Core.Dates;
using Timeline.Core.Domain;
using Timeline.Core.Search;
using Timeline.Tests.Support;

namespace Timeline.Tests.Core.Search;

/// <summary>Search on real SQLite FTS5, with the triggers that keep the index in step.</summary>
public sealed class SearchServiceTests
{
    [Fact]
    public async Task A_phrase_finds_the_seed_articles_and_event_that_contain_it()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var results = await new SearchService(database).SearchAsync("\"give full rein\"");

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
        await using var database = await TestDatabase.CreateSeededAsync();
        var results = await new SearchService(database).SearchAsync(query);
        Assert.Contains(results.Hits, h => h.Href.Contains("declares-security-coordination-over"));
    }

    [Fact]
    public async Task Newest_first_orders_by_date()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var results = await new SearchService(database).SearchAsync("security", SearchOrder.Newest);
        Assert.True(results.Hits.Count > 5);
        Assert.Equal(results.Hits.Select(h => h.Date.Value).OrderByDescending(d => d), results.Hits.Select(h => h.Date.Value));
    }

    [Fact]
    public async Task Results_come_in_pages()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var service = new SearchService(database);
        var first = await service.SearchAsync("a*");
        Assert.Equal(SearchService.PageSize, first.Hits.Count);
        Assert.True(first.HasMore);
        var second = await service.SearchAsync("a*", page: 2);
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
        await using var database = await TestDatabase.CreateSeededAsync();
        var results = await new SearchService(database).SearchAsync(query);
        Assert.Equal(expectProblem, results.Problem is not null);
        Assert.True(results.Hits.Count >= minimumHits, $"{results.Hits.Count} hits");
        await using var db = database.CreateDbContext();
        Assert.Equal(18, await db.Events.CountAsync());
    }

    [Fact]
    public async Task The_index_follows_every_change_to_events_and_articles()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var service = new SearchService(database);
        await using (var db = database.CreateDbContext())
        {
            var ev = await db.Events.SingleAsync(e => e.Slug.StartsWith("2013-07-"));
            ev.Title = "Zanzibar relaunch";
            var draft = new Event
            {
                Slug = "draft-x", Title = "Quixotic draft", Start = PartialDate.Year(2015), Status = EventStatus.Draft,
                CreatedBy = "t", UpdatedBy = "t",
            };
            db.Events.Add(draft);
            var article = new Article
            {
                Title = "مقال عربي", Outlet = "Al-Quds", Body = "أعلنت السلطة الفلسطينية وقف التنسيق الأمني", ContentHash = "h1",
                ImportOrigin = "test", Published = PartialDate.Day(2023, 1, 27), Language = "ar",
            };
            db.Articles.Add(article);
            await db.SaveChangesAsync();
            // An article in the library is not public until it backs a published event.
            Assert.Empty((await service.SearchAsync("التنسيق")).Hits);
            db.Links.Add(new EventArticleLink { EventId = (await db.Events.FirstAsync(e => e.Status == EventStatus.Published && e.Slug.StartsWith("2023-"))).Id,
                ArticleId = article.Id, Passage = "وقف التنسيق الأمني" });
            await db.SaveChangesAsync();
        }
        Assert.Single((await service.SearchAsync("Zanzibar")).Hits);
        Assert.DoesNotContain((await service.SearchAsync("impasse")).Hits, h => h.Href.StartsWith("/events/2013-07-"));
        Assert.Empty((await service.SearchAsync("Quixotic")).Hits);
        Assert.Single((await service.SearchAsync("التنسيق")).Hits);

        await using (var db = database.CreateDbContext())
        {
            (await db.Events.SingleAsync(e => e.Slug == "draft-x")).Status = EventStatus.Published;
            db.Articles.Remove(await db.Articles.SingleAsync(a => a.ContentHash == "h1"));
            db.Events.Remove(await db.Events.SingleAsync(e => e.Title == "Zanzibar relaunch"));
            await db.SaveChangesAsync();
        }
        Assert.Single((await service.SearchAsync("Quixotic")).Hits);
        Assert.Empty((await service.SearchAsync("التنسيق")).Hits);
        Assert.Empty((await service.SearchAsync("Zanzibar")).Hits);
    }

    [Fact]
    public async Task Month_counts_follow_every_change_to_events()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        async Task AssertCountsMatchEventsAsync()
        {
            await using var db = database.CreateDbContext();
            var counted = (await db.EventMonthCounts.Where(c => c.Count != 0).ToListAsync())
                .Select(c => (c.Month, c.EraId, c.Count)).Order().ToList();
            var actual = (await db.Events.Where(e => e.Status == EventStatus.Published).Select(e => new { e.StartsAt, e.EraId }).ToListAsync())
                .GroupBy(e => (e.StartsAt.ToString("yyyy-MM"), e.EraId ?? 0)).Select(g => (g.Key.Item1, g.Key.Item2, g.Count())).Order().ToList();
            Assert.Equal(actual, counted);
        }
        await AssertCountsMatchEventsAsync();
        await using (var db = database.CreateDbContext())
        {
            var ev = await db.Events.OrderBy(e => e.Id).FirstAsync();
            ev.Start = PartialDate.Day(2030, 1, 1);
            ev.EraId = null;
            (await db.Events.OrderBy(e => e.Id).Skip(1).FirstAsync()).Status = EventStatus.Draft;
            db.Events.Remove(await db.Events.OrderBy(e => e.Id).Skip(2).FirstAsync());
            await db.SaveChangesAsync();
        }
        await AssertCountsMatchEventsAsync();
    }

    [Fact]
    public async Task A_word_in_more_documents_than_the_limit_ranks_the_newest_matches_and_says_so()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var limited = new SearchService(database, candidateLimit: 5);
        var capped = await limited.SearchAsync("security");
        Assert.True(capped.Capped);
        Assert.Equal(5, capped.Hits.Count);
        Assert.False(capped.HasMore);

        var exact = await limited.SearchAsync("\"give full rein\"");
        Assert.False(exact.Capped);
        Assert.Equal(3, exact.Hits.Count);
        Assert.False((await new SearchService(database).SearchAsync("security")).Capped);
    }

    [Fact]
    public async Task Searching_an_empty_query_returns_nothing_quietly()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var results = await new SearchService(database).SearchAsync("  ");
        Assert.Empty(results.Hits);
        Assert.Null(results.Problem);
        SqliteConnection.ClearAllPools();
    }
}
