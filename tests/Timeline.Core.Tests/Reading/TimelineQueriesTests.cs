using Timeline.Core.Dates;
using Timeline.Core.Domain;
using Timeline.Core.Reading;
using Timeline.Tests.Support;

namespace Timeline.Core.Tests.Reading;

public sealed class TimelineQueriesTests
{
    [Fact]
    public async Task The_timeline_is_chronological()
    {
        await using var database = await TestStore.CreateSeededAsync();
        var window = Queries(database).GetWindow(new TimelineViewState());

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
        await using var database = TestStore.CreateEmpty();
        // Inserted day-first, so that only the sort (not the ids) can put the month first.
        foreach (var ev in new[]
                 {
                     NewEvent("day", PartialDate.Day(2014, 4, 1)), NewEvent("minute", PartialDate.Parse("2014-04-01T00:00")),
                     NewEvent("month", PartialDate.Month(2014, 4)), NewEvent("march", PartialDate.Day(2014, 3, 31)), NewEvent("year", PartialDate.Year(2014)),
                 })
            await database.AddEventAsync(ev);
        var items = (Queries(database).GetWindow(new TimelineViewState())).Items;
        Assert.Equal(["year", "march", "month", "day", "minute"], items.Select(i => i.Slug));
    }

    [Fact]
    public async Task Drafts_are_invisible_to_readers()
    {
        await using var database = await TestStore.CreateSeededAsync();
        var draft = NewEvent("secret-draft", PartialDate.Day(2014, 4, 10));
        draft.Status = EventStatus.Draft;
        await database.AddEventAsync(draft, new EventArticleLink { ArticleId = 1, Passage = "Hamas", Role = LinkRole.Report });
        var queries = Queries(database);
        Assert.DoesNotContain((queries.GetWindow(new TimelineViewState())).Items, e => e.Slug == "secret-draft");
        Assert.Null(queries.FindEvent("secret-draft").Page);
        Assert.DoesNotContain(queries.FindArticle(1)!.Links, l => l.EventSlug == "secret-draft");
        var neighbours = queries.FindEvent("2014-04-09-kerry-tells-liberman-he-did-not-blame-israel").Page!;
        Assert.NotEqual("secret-draft", neighbours.Next?.Slug);
    }

    [Fact]
    public async Task An_event_comes_with_its_sources_era_tags_and_neighbours()
    {
        await using var database = await TestStore.CreateSeededAsync();
        var queries = Queries(database);
        var all = (queries.GetWindow(new TimelineViewState())).Items.ToList();

        var halt = queries.FindEvent("2023-01-26-the-palestinian-authority-declares-security-coordination-over").Page!;
        Assert.Equal("2023-security-coordination-halt", halt.Storyline!.Slug);
        Assert.Equal([LinkRole.FirstReport, LinkRole.Confirmation], halt.Sources.Select(s => s.Role));
        Assert.Equal("World Israel News", halt.Sources[0].Outlet);
        Assert.StartsWith("“The security coordination with the Israeli occupation government is no longer existent", halt.Sources[0].Passage);
        Assert.Contains(halt.Tags, t => t.Kind == TagKind.Place && t.Name == "Ramallah");
        var index = all.FindIndex(e => e.Slug == halt.Slug);
        Assert.Equal(all[index - 1].Slug, halt.Previous!.Slug);
        Assert.Equal(all[index + 1].Slug, halt.Next!.Slug);

        Assert.Null(queries.FindEvent(all[0].Slug).Page!.Previous);
        Assert.Null(queries.FindEvent(all[^1].Slug).Page!.Next);
    }

    [Fact]
    public async Task An_old_slug_answers_with_the_current_one()
    {
        await using var database = await TestStore.CreateSeededAsync();
        var ev = database.Store.Events.FindAll().Single(e => e.Slug.StartsWith("2013-07-"));
        database.Store.Write(tx => tx.AddFormerSlug(ev.Id, "2013-07-talks", DateTimeOffset.UtcNow));
        var lookup = Queries(database).FindEvent("2013-07-talks");
        Assert.Null(lookup.Page);
        Assert.Equal("2013-07-us-brokered-peace-talks-relaunched-after-three-years-of-impasse", lookup.MovedTo);

        var unknown = Queries(database).FindEvent("no-such-event");
        Assert.Null(unknown.Page);
        Assert.Null(unknown.MovedTo);
    }

    [Fact]
    public async Task Storylines_and_articles_are_found_by_slug_and_id()
    {
        await using var database = await TestStore.CreateSeededAsync();
        var queries = Queries(database);

        var jenin = queries.FindStoryline("2022-jenin-operation")!;
        Assert.Equal("September 2022", jenin.Storyline.Start.Format());
        Assert.Equal(3, jenin.Events.Count);
        Assert.Equal(3, jenin.EventCount);
        Assert.All(jenin.Events, e => Assert.Equal(jenin.Storyline.Id, e.StorylineId));
        Assert.Null(queries.FindStoryline("nope"));

        var id = database.Store.Articles.FindAll().Single(a => a.Outlet == "World Israel News").Id;
        var article = queries.FindArticle(id)!;
        Assert.Equal(3, article.Links.Count);
        Assert.Equal(article.Links.OrderBy(l => l.EventStart).Select(l => l.LinkId), article.Links.Select(l => l.LinkId));
        Assert.Null(queries.FindArticle(999_999));
    }

    [Fact]
    public async Task The_timeline_is_read_a_page_at_a_time()
    {
        await using var database = TestStore.CreateEmpty();
        foreach (var i in Enumerable.Range(0, 75))
            await database.AddEventAsync(NewEvent($"e{i:D2}", new PartialDate(new DateTime(2000, 1, 1).AddDays(i), DatePrecision.Day)));
        var queries = Queries(database);
        var first = queries.GetWindow(new TimelineViewState());
        Assert.Equal(TimelineQueries.PageSize, first.Items.Count);
        Assert.Equal(("e00", "e49"), (first.Items[0].Slug, first.Items[^1].Slug));
        Assert.True(first.HasLater);
        Assert.False(first.HasEarlier);

        var later = queries.GetWindow(new TimelineViewState { After = first.Items[^1].SortKey });
        Assert.Equal(Enumerable.Range(50, 25).Select(i => $"e{i:D2}"), later.Items.Select(i => i.Slug));
        Assert.False(later.HasLater);
        Assert.True(later.HasEarlier);

        var focused = queries.GetWindow(new TimelineViewState { Focus = "e60" });
        Assert.Equal("e50", focused.Items[0].Slug);
        Assert.Equal("e74", focused.Items[^1].Slug);
        Assert.True(focused.HasEarlier);
        Assert.False(focused.HasLater);
        Assert.Equal(focused.Items.Single(i => i.Slug == "e60").Id, focused.FocusedId);

        var earlier = queries.GetWindow(new TimelineViewState { Before = focused.Items[0].SortKey });
        Assert.Equal(Enumerable.Range(0, 50).Select(i => $"e{i:D2}"), earlier.Items.Select(i => i.Slug));
        Assert.False(earlier.HasEarlier);
        Assert.True(earlier.HasLater);

        // Past either end: nothing on the page, and the way back still offered.
        var pastTheEnd = queries.GetWindow(new TimelineViewState { After = later.Items[^1].SortKey });
        Assert.Empty(pastTheEnd.Items);
        Assert.True(pastTheEnd.HasEarlier);
        Assert.False(pastTheEnd.HasLater);
        var beforeTheStart = queries.GetWindow(new TimelineViewState { Before = first.Items[0].SortKey });
        Assert.Empty(beforeTheStart.Items);
        Assert.True(beforeTheStart.HasLater);

        // A page position within filters and words: the filtered view's own next page.
        var words = new TimelineViewState { Q = "e*" };
        var wordsFirst = queries.GetWindow(words);
        var wordsNext = queries.GetWindow(words with { After = wordsFirst.Items[^1].SortKey });
        Assert.Equal(75, wordsFirst.Items.Count + wordsNext.Items.Count);
        Assert.Empty(wordsFirst.Items.Select(i => i.Id).Intersect(wordsNext.Items.Select(i => i.Id)));

        // A position the timeline could not have written is ignored, and said so.
        var garbled = queries.GetWindow(new TimelineViewState { After = "2000'; DROP" });
        Assert.Equal("e00", garbled.Items[0].Slug);
        Assert.Contains(garbled.Problems, p => p.Contains("position in the timeline was not understood"));
    }

    [Theory]
    [InlineData("?era=2022-jenin-operation", 3)]
    [InlineData("?tag=military-operation", 2)]
    [InlineData("?actor=john-kerry", 3)]
    [InlineData("?place=ramallah", 3)]
    [InlineData("?outlet=World+Israel+News", 3)]
    [InlineData("?from=2014-04&to=2014-04", 8)]
    [InlineData("?from=2022", 8)]
    [InlineData("?to=2013", 1)]
    [InlineData("?q=Kerry", 4)]
    [InlineData("?q=%22security+coordination%22&era=2014-peace-talks-collapse", 1)]
    [InlineData("?era=2023-security-coordination-halt&outlet=Ma%E2%80%99an+%2F+AFP", 0)]
    [InlineData("?era=no-such-era", 0)]
    public async Task Filters_narrow_the_timeline(string query, int expected)
    {
        await using var database = await TestStore.CreateSeededAsync();
        var window = Queries(database).GetWindow(TimelineViewState.Parse(query));
        Assert.Equal(expected, window.Items.Count);
    }

    [Fact]
    public async Task The_density_strip_counts_every_period_in_range()
    {
        await using var database = await TestStore.CreateSeededAsync();
        var queries = Queries(database);

        var years = queries.GetWindow(new TimelineViewState());
        Assert.Equal(TimelineZoom.Years, years.Zoom);
        Assert.Equal(Enumerable.Range(2013, 11).Select(y => y.ToString()), years.Density.Select(b => b.Period.ToIsoString()));
        Assert.Equal([1, 9, 0, 0, 0, 0, 0, 0, 0, 3, 5], years.Density.Select(b => b.Count));

        // A tag filter counts the matching events themselves rather than reading the month table.
        var kerry = queries.GetWindow(new TimelineViewState { Actor = "john-kerry" });
        Assert.Equal(["2013", "2014"], kerry.Density.Select(b => b.Period.ToIsoString()));
        Assert.Equal(kerry.Items.GroupBy(i => i.Start.Value.Year).Select(g => g.Count()), kerry.Density.Select(b => b.Count));

        var months = queries.GetWindow(new TimelineViewState { From = "2014", To = "2014", Zoom = TimelineZoom.Months });
        Assert.Equal(12, months.Density.Count);
        Assert.Equal(1, months.Density.Single(b => b.Period == PartialDate.Month(2014, 3)).Count);
        Assert.Equal(8, months.Density.Single(b => b.Period == PartialDate.Month(2014, 4)).Count);

        var days = queries.GetWindow(new TimelineViewState { From = "2014-04", To = "2014-04", Zoom = TimelineZoom.Days });
        Assert.Equal(TimelineZoom.Days, days.Zoom);
        Assert.Equal(30, days.Density.Count);
        Assert.Equal(4, days.Density.Single(b => b.Period == PartialDate.Day(2014, 4, 9)).Count);

        // Days over a window of years would be thousands of bars: the zoom falls back to months.
        var tooWide = queries.GetWindow(new TimelineViewState { From = "2013", To = "2014", Zoom = TimelineZoom.Days });
        Assert.Equal(TimelineZoom.Months, tooWide.Zoom);
        Assert.Equal(24, tooWide.Density.Count);
    }

    [Fact]
    public async Task An_unknown_storyline_matches_nothing_not_the_events_without_one()
    {
        await using var database = await TestStore.CreateSeededAsync();
        await database.AddEventAsync(NewEvent("no-era", PartialDate.Day(2016, 5, 1)));
        var window = Queries(database).GetWindow(new TimelineViewState { Storyline = "atlantis" });
        Assert.Empty(window.Items);
        Assert.Empty(window.Density);
        Assert.Contains(window.Problems, p => p.Contains("There is no storyline “atlantis”"));

        var all = Queries(database).GetWindow(new TimelineViewState());
        Assert.Contains(all.Items, i => i.Slug == "no-era");
    }

    [Fact]
    public async Task A_focus_outside_the_view_is_explained()
    {
        await using var database = await TestStore.CreateSeededAsync();
        var window = Queries(database).GetWindow(new TimelineViewState { Storyline = "2022-jenin-operation", Focus = "2013-07-us-brokered-peace-talks-relaunched-after-three-years-of-impasse" });
        Assert.Null(window.FocusedId);
        Assert.Equal(3, window.Items.Count);
        Assert.Contains(window.Problems, p => p.Contains("not in this view"));
    }

    internal static TimelineQueries Queries(TestStore database) => database.Queries();

    private static Event NewEvent(string slug, PartialDate start) => new()
    {
        Slug = slug, Title = slug, Start = start, Status = EventStatus.Published, CreatedBy = "test", UpdatedBy = "test",
    };
}
