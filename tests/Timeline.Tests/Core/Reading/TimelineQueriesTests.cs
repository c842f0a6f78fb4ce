using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Timeline.Core.Dates;
using Timeline.Core.Domain;
using Timeline.Core.Reading;
using Timeline.Tests.Support;

namespace Timeline.Tests.Core.Reading;

public sealed class TimelineQueriesTests
{
    [Fact]
    public async Task The_timeline_is_chronological()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var window = await Queries(database).GetWindowAsync(new TimelineViewState());

        var events = window.Items.ToList();
        Assert.Equal(18, events.Count);
        Assert.False(window.HasEarlier);
        Assert.False(window.HasLater);
        Assert.Equal(events.OrderBy(e => e.Start).Select(e => e.Id), events.Select(e => e.Id));
        Assert.Equal("July 2013", events[0].Start.Format());
        var halt = events.Single(e => e.Title == "The Palestinian Authority declares security coordination over");
        Assert.Equal(["The Jerusalem Post", "World Israel News"], halt.Outlets);
        Assert.Equal(2, halt.SourceCount);
        Assert.DoesNotContain("**", halt.Excerpt);
    }

    [Fact]
    public async Task A_month_precise_event_comes_before_the_day_precise_events_of_its_month()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        await using (var db = database.CreateDbContext())
        {
            // Inserted day-first, so that only the sort (not the ids) can put the month first.
            db.Events.AddRange(
                NewEvent("day", PartialDate.Day(2014, 4, 1)),
                NewEvent("minute", PartialDate.Parse("2014-04-01T00:00")),
                NewEvent("month", PartialDate.Month(2014, 4)),
                NewEvent("march", PartialDate.Day(2014, 3, 31)),
                NewEvent("year", PartialDate.Year(2014)));
            await db.SaveChangesAsync();
        }
        var items = (await Queries(database).GetWindowAsync(new TimelineViewState())).Items;
        Assert.Equal(["year", "march", "month", "day", "minute"], items.Select(i => i.Slug));
    }

    [Fact]
    public async Task Drafts_are_invisible_to_readers()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        await using (var db = database.CreateDbContext())
        {
            var draft = NewEvent("secret-draft", PartialDate.Day(2014, 4, 10));
            draft.Status = EventStatus.Draft;
            draft.Links.Add(new EventArticleLink { ArticleId = 1, Passage = "Hamas", Role = LinkRole.Report });
            db.Events.Add(draft);
            await db.SaveChangesAsync();
        }
        var queries = Queries(database);
        Assert.DoesNotContain((await queries.GetWindowAsync(new TimelineViewState())).Items, e => e.Slug == "secret-draft");
        Assert.Null((await queries.FindEventAsync("secret-draft")).Page);
        Assert.DoesNotContain((await queries.FindArticleAsync(1))!.Links, l => l.EventSlug == "secret-draft");
        var neighbours = (await queries.FindEventAsync("2014-04-09-kerry-tells-liberman-he-did-not-blame-israel")).Page!;
        Assert.NotEqual("secret-draft", neighbours.Next?.Slug);
    }

    [Fact]
    public async Task An_event_comes_with_its_sources_era_tags_and_neighbours()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var queries = Queries(database);
        var all = (await queries.GetWindowAsync(new TimelineViewState())).Items.ToList();

        var halt = (await queries.FindEventAsync("2023-01-26-the-palestinian-authority-declares-security-coordination-over")).Page!;
        Assert.Equal("2023-security-coordination-halt", halt.Era!.Slug);
        Assert.Equal([LinkRole.FirstReport, LinkRole.Confirmation], halt.Sources.Select(s => s.Role));
        Assert.Equal("World Israel News", halt.Sources[0].Outlet);
        Assert.StartsWith("“The security coordination with the Israeli occupation government is no longer existent", halt.Sources[0].Passage);
        Assert.Contains(halt.Tags, t => t.Kind == TagKind.Place && t.Name == "Ramallah");
        var index = all.FindIndex(e => e.Slug == halt.Slug);
        Assert.Equal(all[index - 1].Slug, halt.Previous!.Slug);
        Assert.Equal(all[index + 1].Slug, halt.Next!.Slug);

        Assert.Null((await queries.FindEventAsync(all[0].Slug)).Page!.Previous);
        Assert.Null((await queries.FindEventAsync(all[^1].Slug)).Page!.Next);
    }

    [Fact]
    public async Task An_old_slug_answers_with_the_current_one()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        await using (var db = database.CreateDbContext())
        {
            var ev = await db.Events.SingleAsync(e => e.Slug.StartsWith("2013-07-"));
            db.EventSlugAliases.Add(new EventSlugAlias { Slug = "2013-07-talks", EventId = ev.Id, RetiredAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }
        var lookup = await Queries(database).FindEventAsync("2013-07-talks");
        Assert.Null(lookup.Page);
        Assert.Equal("2013-07-us-brokered-peace-talks-relaunched-after-three-years-of-impasse", lookup.MovedTo);

        var unknown = await Queries(database).FindEventAsync("no-such-event");
        Assert.Null(unknown.Page);
        Assert.Null(unknown.MovedTo);
    }

    [Fact]
    public async Task Eras_and_articles_are_found_by_slug_and_id()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var queries = Queries(database);

        var jenin = (await queries.FindEraAsync("2022-jenin-operation"))!;
        Assert.Equal("September 2022", jenin.Era.Start.Format());
        Assert.Equal(3, jenin.Events.Count);
        Assert.Equal(3, jenin.EventCount);
        Assert.All(jenin.Events, e => Assert.Equal(jenin.Era.Id, e.EraId));
        Assert.Null(await queries.FindEraAsync("nope"));

        await using var db = database.CreateDbContext();
        var id = await db.Articles.Where(a => a.Outlet == "World Israel News").Select(a => a.Id).SingleAsync();
        var article = (await queries.FindArticleAsync(id))!;
        Assert.Equal(3, article.Links.Count);
        Assert.Equal(article.Links.OrderBy(l => l.EventStart).Select(l => l.LinkId), article.Links.Select(l => l.LinkId));
        Assert.Null(await queries.FindArticleAsync(999_999));
    }

    internal static TimelineQueries Queries(TestDatabase database) => new(database, new MemoryCache(new MemoryCacheOptions()));

    private static Event NewEvent(string slug, PartialDate start) => new()
    {
        Slug = slug, Title = slug, Start = start, Status = EventStatus.Published, CreatedBy = "test", UpdatedBy = "test",
    };
}
