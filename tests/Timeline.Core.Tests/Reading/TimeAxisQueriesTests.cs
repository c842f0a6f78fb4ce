using Timeline.Core.Curation;
using Timeline.Core.Dates;
using Timeline.Core.Domain;
using Timeline.Core.Reading;
using Timeline.Tests.Support;

namespace Timeline.Core.Tests.Reading;

/// <summary>The time axis as the queries build it from the seeded store: derived counts and the page's events.</summary>
public sealed class TimeAxisQueriesTests
{
    private const string Halt = "2023-01-26-the-palestinian-authority-declares-security-coordination-over";

    [Fact]
    public async Task The_seeded_timeline_folds_its_empty_years_and_counts_what_it_cannot_draw()
    {
        await using var database = await TestStore.CreateSeededAsync();
        var axis = database.Queries().GetWindow(new TimelineViewState()).Axis;

        Assert.Equal([2013, 2014, 2022, 2023], axis.Periods.Select(p => p.Period.Value.Year));
        Assert.Equal("7 years without events", Assert.Single(axis.Folds).Words);
        Assert.Equal(3, axis.Bands.Count);
        // Every event is either a mark or counted in its stretch.
        Assert.Equal(18, axis.Marks.Count + axis.Crowds.Sum(c => c.Hidden));
        Assert.Contains(axis.Marks, m => m.Shape == MarkShape.Span && m.Item.Start.Precision == DatePrecision.Month);
        Assert.Contains(axis.Marks, m => m.Shape == MarkShape.Bar && m.SoftStart); // the approximate Blinken–Burns visits
        Assert.Equal([1, 9, 3, 5], axis.Periods.Select(p => p.Count));
    }

    [Fact]
    public async Task A_storyline_view_draws_only_its_own_band()
    {
        await using var database = await TestStore.CreateSeededAsync();
        var axis = database.Queries().GetWindow(new TimelineViewState { Storyline = "2022-jenin-operation" }).Axis;
        Assert.Equal("2022-jenin-operation", Assert.Single(axis.Bands).Storyline.Slug);
        Assert.Equal(3, axis.Marks.Count + axis.Crowds.Sum(c => c.Hidden));
    }

    [Fact]
    public async Task An_event_is_drawn_among_its_storyline_neighbours_and_a_storyline_across_its_span()
    {
        await using var database = await TestStore.CreateSeededAsync();
        var queries = database.Queries();

        var halt = queries.FindEvent(Halt).Page!;
        Assert.Equal(TimelineZoom.Days, halt.Axis.Zoom); // its storyline's events lie within weeks
        Assert.Contains(halt.Axis.Marks, m => m.Item.Id == halt.Id);
        Assert.All(halt.Axis.Marks, m => Assert.Equal(halt.Storyline!.Id, m.Item.StorylineId));
        Assert.Equal("2023-security-coordination-halt", Assert.Single(halt.Axis.Bands).Storyline.Slug);

        var talks = queries.FindStoryline("2014-peace-talks-collapse")!;
        Assert.Equal(TimelineZoom.Months, talks.Axis.Zoom);
        Assert.Equal(new PartialDate(talks.Storyline.Start.Value, DatePrecision.Month), talks.Axis.First);
        Assert.Equal(talks.EventCount, talks.Axis.Marks.Count + talks.Axis.Crowds.Sum(c => c.Hidden));
    }

    [Fact]
    public async Task A_view_opens_at_its_latest_events_by_address_or_by_its_storyline()
    {
        await using var database = TestStore.CreateEmpty();
        var storyline = Assert.IsType<Saved>(await database.Storylines().SaveAsync(new StorylineForm
        {
            Title = "Unfolding", Start = PartialDateInput.From(PartialDate.Year(2000)), End = PartialDateInput.From(PartialDate.Year(2001)),
        }, "test"));
        for (var day = 0; day < 60; day++)
        {
            await database.AddEventAsync(new Event
            {
                Slug = $"day-{day}", Title = $"Day {day}", Start = new PartialDate(new DateTime(2000, 1, 1).AddDays(day), DatePrecision.Day),
                Status = EventStatus.Published, StorylineId = storyline.Id, CreatedBy = "test", UpdatedBy = "test",
            });
        }
        var queries = database.Queries();

        var latest = queries.GetWindow(new TimelineViewState { Open = "latest" });
        Assert.Equal(Enumerable.Range(10, 50).Select(d => $"day-{d}"), latest.Items.Select(i => i.Slug));
        Assert.True(latest.HasEarlier);
        Assert.False(latest.HasLater);
        Assert.Equal("day-0", queries.GetWindow(new TimelineViewState { Storyline = storyline.Slug }).Items[0].Slug);

        // The storyline's setting, as a curator saves it, and what the address can still ask for.
        var form = database.Storylines().Load(storyline.Id)!;
        form.OpensAtLatest = true;
        Assert.IsType<Saved>(await database.Storylines().SaveAsync(form, "test"));
        queries.ForgetFacets();
        Assert.Equal("day-10", queries.GetWindow(new TimelineViewState { Storyline = storyline.Slug }).Items[0].Slug);
        Assert.Equal("day-0", queries.GetWindow(new TimelineViewState { Storyline = storyline.Slug, Open = "first" }).Items[0].Slug);
        Assert.Equal("day-0", queries.GetWindow(new TimelineViewState()).Items[0].Slug); // the whole timeline is not that storyline
        Assert.Contains(database.History().ForStoryline(storyline.Id),
            r => r.Changes.Any(c => c.Label == "Timeline opens at" && c.After == "its latest events"));
    }
}
