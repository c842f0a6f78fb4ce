using LiteDB;
using Timeline.Core.Domain;
using Timeline.Core.Storage;
using Timeline.Tests.Support;

namespace Timeline.Core.Tests.Storage;

/// <summary>
/// LiteDB's planner picks one index per query, and sorts in memory unless the ORDER BY is that index's own
/// expression. Every query path a reader or curator triggers is asked for its plan here: it must read an index
/// (no full scan) in the index's order (no "orderBy" step in the plan).
/// </summary>
public sealed class StorePlanTests : IAsyncLifetime
{
    private TestStore database = null!;

    public async Task InitializeAsync() => database = await TestStore.CreateSeededAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    /// <summary><paramref name="walksInOrder"/>: the query walks a whole index in its order (the newest revisions, the
    /// outbox), and the caller stops after the few it needs.</summary>
    private static void AssertReadsIndex<T>(ILiteQueryable<T> query, string index, bool walksInOrder = false)
    {
        var plan = query.GetPlan();
        Assert.True(plan["index"]["name"].AsString == index, $"expected index {index}: {plan}");
        if (!walksInOrder)
            Assert.DoesNotContain("FULL INDEX SCAN", plan["index"]["mode"].AsString);
        Assert.False(plan.ContainsKey("orderBy"), $"sorts in memory: {plan}");
    }

    [Fact]
    public void The_timeline_ranges_over_the_multi_key_index_both_ways()
    {
        var store = database.Store;
        AssertReadsIndex(store.EventsByKey("a:", "a:~", descending: false), "keys");
        AssertReadsIndex(store.EventsByKey("e3:2014", "e3:2015", descending: true), "keys");
        // Another filter is checked on the way, not a second index or a sort.
        var filtered = store.EventsByKey("a:", "a:~", descending: false).Where("$.Facets[*] ANY = @0", "t1");
        AssertReadsIndex(filtered, "keys");
        Assert.Contains("Facets", string.Join(" ", filtered.GetPlan()["filters"].AsArray.Select(f => f.AsString)));
    }

    [Theory]
    [InlineData(nameof(Event.StatusKey))]
    [InlineData(nameof(Event.LiveKey))]
    [InlineData(nameof(Event.UnsourcedKey))]
    public void Curator_event_lists_read_their_index_newest_or_oldest_first(string keyField)
    {
        AssertReadsIndex(database.Store.EventsInKeyOrder(keyField, "Draft:", "Draft:~"), keyField);
        AssertReadsIndex(database.Store.EventsInKeyOrder(keyField, "Draft:", "Draft:~", oldestFirst: true), keyField);
    }

    [Theory]
    [InlineData(false, nameof(Article.PublishedKey))]
    [InlineData(true, nameof(Article.UnlinkedKey))]
    public void Article_lists_read_their_index_newest_or_oldest_first(bool unlinked, string index)
    {
        foreach (var oldestFirst in new[] { false, true })
        {
            AssertReadsIndex(database.Store.ArticlesInOrder(unlinked, null, oldestFirst), index);
            AssertReadsIndex(database.Store.ArticlesInOrder(unlinked, "20140409000020000000001", oldestFirst), index);
        }
    }

    [Theory]
    [InlineData(nameof(Revision.EventKey))]
    [InlineData(nameof(Revision.ArticleKey))]
    [InlineData(nameof(Revision.SubjectKey))]
    public void A_history_is_one_range_of_a_revision_index(string keyField) =>
        AssertReadsIndex(database.Store.RevisionsOf(keyField, TimelineKeys.OwnedPrefix(1)), keyField);

    [Fact]
    public void Lookups_and_small_lists_read_their_index()
    {
        var store = database.Store;
        AssertReadsIndex(store.RecentRevisions(), "_id", walksInOrder: true);
        AssertReadsIndex(store.EventsByUpdate(), nameof(Event.UpdatedAt), walksInOrder: true);
        AssertReadsIndex(store.PublicArticles(), nameof(Article.PublicLinkCount));
        AssertReadsIndex(store.EventsTitled("Talks stall"), nameof(Event.Title));
        AssertReadsIndex(store.CountsStartingWith("m:all:"), "_id");
        AssertReadsIndex(store.OutboxInOrder(), "_id", walksInOrder: true);
        AssertReadsIndex(store.OutboxInOrder(newestFirst: true), "_id", walksInOrder: true);
        AssertReadsIndex(store.LinksOfEvent(1), nameof(EventArticleLink.EventId));
        AssertReadsIndex(store.LinksOfArticle(1), nameof(EventArticleLink.ArticleId));
        AssertReadsIndex(store.LinkOf(1, 1), nameof(EventArticleLink.PairKey));
        AssertReadsIndex(store.StorylineBySlug("2022-jenin-operation"), nameof(Storyline.Slug));
        AssertReadsIndex(store.TagByKindSlug(TagKind.Actor, "john-kerry"), nameof(Tag.KindSlug));
        AssertReadsIndex(store.OutletByName("World Israel News"), nameof(Outlet.Name));
        AssertReadsIndex(store.ArticleByHash("x"), nameof(Article.ContentHash));
        AssertReadsIndex(store.AccountByName("ADA"), nameof(CuratorAccount.NormalizedUserName));
        AssertReadsIndex(store.AccountsByName(), nameof(CuratorAccount.NormalizedUserName), walksInOrder: true);
        AssertReadsIndex(store.SlugsOfEvent(1), nameof(SlugRecord.EventId));
    }
}
