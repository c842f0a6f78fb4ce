using Timeline.Core.Dates;
using Timeline.Core.Reading;

namespace Timeline.Core.Tests.Reading;

public sealed class TimeAxisLayoutTests
{
    private static TimelineItem Item(string slug, PartialDate start, PartialDate? end = null) =>
        new(slug.GetHashCode(), slug, slug, "", start, end, null, ["Outlet"], 1, start.Value.Ticks.ToString("D23"));

    private static List<DensityBucket> Years(int first, params int[] counts) =>
        [.. counts.Select((n, i) => new DensityBucket(PartialDate.Year(first + i), n))];

    [Fact]
    public void A_long_empty_stretch_is_folded_into_a_narrow_labelled_break()
    {
        // The seeded timeline's shape: 2013–2014, seven empty years, 2022–2023.
        var axis = TimeAxisLayout.Build(Years(2013, 1, 9, 0, 0, 0, 0, 0, 0, 0, 3, 5), [], [], TimelineZoom.Years);

        var fold = Assert.Single(axis.Folds);
        Assert.Equal((PartialDate.Year(2015), PartialDate.Year(2021), 7), (fold.First, fold.Last, fold.Periods));
        Assert.Equal("7 years without events", fold.Words);
        Assert.Equal([2013, 2014, 2022, 2023], axis.Periods.Select(p => p.Period.Value.Year));
        // Seven years take the width of one and a half: 4 periods + 1.5 = 5.5 parts.
        Assert.Equal(100 / 5.5, axis.Periods[0].Width, 3);
        Assert.Equal(1.5 * 100 / 5.5, fold.Width, 3);
        Assert.Equal(axis.Periods[2].Left, fold.Left + fold.Width, 3);
        Assert.Equal(100, axis.Periods[^1].Left + axis.Periods[^1].Width, 3);
    }

    [Fact]
    public void Short_gaps_and_gaps_like_the_usual_ones_stay_unfolded()
    {
        Assert.Empty(TimeAxisLayout.Build(Years(2000, 1, 0, 0, 1, 1), [], [], TimelineZoom.Years).Folds); // two years: too short
        // Events every four years: a gap of three is the usual gap here, not a hole.
        Assert.Empty(TimeAxisLayout.Build(Years(2000, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1), [], [], TimelineZoom.Years).Folds);
        // ...but nine empty years among them are.
        Assert.Single(TimeAxisLayout.Build(Years(2000, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1), [], [], TimelineZoom.Years).Folds);
    }

    [Fact]
    public void Each_mark_draws_what_is_known_of_its_date()
    {
        var months = Enumerable.Range(1, 12).Select(m => new DensityBucket(PartialDate.Month(2014, m), 1)).ToList();
        var items = new[]
        {
            Item("day", PartialDate.Day(2014, 1, 10)),
            Item("month", PartialDate.Month(2014, 4)),
            Item("year", PartialDate.Year(2014)),
            Item("lasting", PartialDate.Day(2014, 7, 1, approximate: true), PartialDate.Day(2014, 8, 31)),
        };
        var axis = TimeAxisLayout.Build(months, items, [], TimelineZoom.Months);
        var marks = axis.Marks.ToDictionary(m => m.Item.Slug);

        Assert.Equal(MarkShape.Point, marks["day"].Shape);
        Assert.Equal(0, marks["day"].Width);
        Assert.Equal(100 / 12.0 * (9.5 / 31), marks["day"].Left, 2); // the middle of its day
        Assert.Equal(MarkShape.Span, marks["month"].Shape);
        Assert.Equal((100 / 12.0 * 3, 100 / 12.0), (marks["month"].Left, marks["month"].Width), new ToleranceComparer());
        Assert.Equal((0, 100), (marks["year"].Left, marks["year"].Width), new ToleranceComparer()); // across the whole year
        Assert.Equal(MarkShape.Bar, marks["lasting"].Shape);
        Assert.Equal((true, false), (marks["lasting"].SoftStart, marks["lasting"].SoftEnd));
        Assert.Equal((100 / 12.0 * 6, 100 / 12.0 * 2), (marks["lasting"].Left, marks["lasting"].Width), new ToleranceComparer());

        Assert.Equal("April 2014, date known to the month", marks["month"].Words);
        Assert.Equal("10 January 2014, date known to the day", marks["day"].Words);
        Assert.Equal("c. 1 July 2014 – 31 August 2014, dates known to the day, approximate", marks["lasting"].Words);
        Assert.Equal("2014 – March 2015, dates known to the year and the month",
            AxisMark.DateWords(PartialDate.Year(2014), PartialDate.Month(2015, 3)));
    }

    [Fact]
    public void Marks_too_close_go_to_the_next_row_and_beyond_the_last_row_are_counted()
    {
        // Ten events on one day of a year's axis: three rows of one mark each, seven counted.
        var items = Enumerable.Range(0, 10).Select(i => Item($"e{i}", PartialDate.Day(2014, 4, 3))).ToList();
        var axis = TimeAxisLayout.Build(Years(2013, 0, 10, 0), items, [], TimelineZoom.Years);

        Assert.Equal([0, 1, 2], axis.Marks.Select(m => m.Row));
        Assert.Equal(3, axis.Rows);
        var crowd = Assert.Single(axis.Crowds);
        Assert.Equal((PartialDate.Year(2014), PartialDate.Year(2014), 7), (crowd.First, crowd.Last, crowd.Hidden));
        // Marks at least the spacing apart share a row.
        var spread = TimeAxisLayout.Build(Years(2014, 2), [Item("a", PartialDate.Day(2014, 1, 5)), Item("b", PartialDate.Day(2014, 9, 5))], [], TimelineZoom.Years);
        Assert.Equal([0, 0], spread.Marks.Select(m => m.Row));
        Assert.Empty(spread.Crowds);
    }

    [Fact]
    public void The_current_event_always_finds_room()
    {
        var items = Enumerable.Range(0, 10).Select(i => Item($"e{i}", PartialDate.Day(2014, 4, 3))).ToList();
        var axis = TimeAxisLayout.Build(Years(2014, 10), items, [], TimelineZoom.Years, current: items[9].Id);
        Assert.Equal(0, axis.Marks.Single(m => m.Item.Slug == "e9").Row);
        Assert.Equal(7, axis.Crowds.Single().Hidden);
    }

    [Fact]
    public void Events_not_on_the_page_are_counted_in_stretches_wide_enough_to_tap()
    {
        // Fifty years of 100 events each and no page events: every stretch counts its own, and is at least 12 % wide.
        var axis = TimeAxisLayout.Build(Years(1975, [.. Enumerable.Repeat(100, 50)]), [], [], TimelineZoom.Years);

        Assert.Equal(5000, axis.Crowds.Sum(c => c.Hidden));
        Assert.All(axis.Crowds, c => Assert.True(c.Width >= 12 - 0.001, $"{c.Width}"));
        Assert.Equal(100, axis.Crowds[^1].Left + axis.Crowds[^1].Width, 3); // the last stretch took the narrow tail
        Assert.Equal(PartialDate.Year(1975), axis.Crowds[0].First);
        Assert.Equal(PartialDate.Year(2024), axis.Crowds[^1].Last);
    }

    [Fact]
    public void Ticks_are_labelled_at_round_periods_never_closer_than_a_label_needs()
    {
        var axis = TimeAxisLayout.Build(Years(1975, [.. Enumerable.Repeat(1, 50)]), [], [], TimelineZoom.Years);
        var labelled = axis.Periods.Where(p => p.Label is not null).ToList();

        Assert.Equal("1975", labelled[0].Label);
        Assert.All(labelled.Skip(1), p => Assert.Equal(0, p.Period.Value.Year % 5));
        Assert.All(labelled.Zip(labelled.Skip(1)), pair => Assert.True(pair.Second.Left - pair.First.Left >= 12 - 0.001));
        var months = TimeAxisLayout.Build([.. Enumerable.Range(1, 12).Select(m => new DensityBucket(PartialDate.Month(2022, m), 1))], [], [], TimelineZoom.Months);
        Assert.Equal(["Jan 2022", "Mar", "May", "Jul", "Sep", "Nov"], months.Periods.Select(p => p.Label).OfType<string>());
    }

    [Fact]
    public void Storylines_are_bands_over_their_span_and_counted_in_each_period()
    {
        var storyline = new StorylineSummary(1, "talks", "Talks", "", "#123456", PartialDate.Month(2013, 7), PartialDate.Month(2014, 4));
        var later = new StorylineSummary(2, "raid", "Raid", "", "#654321", PartialDate.Month(2022, 9), PartialDate.Month(2022, 9));
        var axis = TimeAxisLayout.Build(Years(2013, 1, 9, 0), [], [storyline, later], TimelineZoom.Years);

        var band = Assert.Single(axis.Bands); // the raid is off this axis
        Assert.Equal(100 / 3.0 * (181 / 365.0), band.Left, 2);
        Assert.Equal([1, 1, 0], axis.Periods.Select(p => p.Storylines));
    }

    [Fact]
    public void The_axis_of_a_few_events_chooses_its_zoom_from_their_span()
    {
        var days = TimeAxisLayout.Around([Item("a", PartialDate.Day(2023, 1, 26)), Item("b", PartialDate.Day(2023, 2, 3))], []);
        Assert.Equal(TimelineZoom.Days, days.Zoom);
        Assert.Equal(9, days.Periods.Count);
        var months = TimeAxisLayout.Around([Item("a", PartialDate.Month(2013, 7)), Item("b", PartialDate.Day(2014, 4, 3))], []);
        Assert.Equal(TimelineZoom.Months, months.Zoom);
        Assert.Equal(10, months.Periods.Count);
        Assert.Equal(TimelineZoom.Years, TimeAxisLayout.Around([Item("a", PartialDate.Year(2013)), Item("b", PartialDate.Year(2023))], []).Zoom);
        Assert.True(TimeAxisLayout.Around([], []).IsEmpty);
        Assert.True(TimeAxisLayout.Build([], [], [], TimelineZoom.Years).IsEmpty);
    }

    private sealed class ToleranceComparer : IEqualityComparer<(double, double)>
    {
        public bool Equals((double, double) x, (double, double) y) => Math.Abs(x.Item1 - y.Item1) < 0.01 && Math.Abs(x.Item2 - y.Item2) < 0.01;
        public int GetHashCode((double, double) obj) => 0;
    }
}
