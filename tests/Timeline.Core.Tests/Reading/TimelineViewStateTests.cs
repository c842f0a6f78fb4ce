using Timeline.Core.Dates;
using Timeline.Core.Reading;

namespace Timeline.Core.Tests.Reading;

public sealed class TimelineViewStateTests
{
    [Fact]
    public void Every_part_of_a_view_survives_the_round_trip_through_the_url()
    {
        var state = new TimelineViewState
        {
            Storyline = "2022-jenin-operation", Tag = "security-coordination", Actor = "hamas", Place = "jenin", Outlet = "Ma’an / AFP",
            From = "2014-04", To = "2023", Q = "\"give full rein\" & more", Zoom = TimelineZoom.Months, Focus = "2014-04-09-x",
        };
        var url = state.ToUrl();
        Assert.StartsWith("/?era=2022-jenin-operation&tag=security-coordination&actor=hamas&place=jenin&outlet=", url);
        Assert.Equal(state, TimelineViewState.Parse(url[1..]));
    }

    [Fact]
    public void The_default_view_is_the_bare_address()
    {
        Assert.Equal("/", new TimelineViewState().ToUrl());
        Assert.Equal(new TimelineViewState(), TimelineViewState.Parse(""));
        Assert.Equal(new TimelineViewState(), TimelineViewState.Parse("?zoom=years&era=&unknown=1"));
        Assert.False(new TimelineViewState().HasFilters);
    }

    [Fact]
    public void Parsing_tolerates_what_a_person_types()
    {
        var state = TimelineViewState.Parse("?ERA=a&q=two+words&zoom=DAYS&zoom=months&from=%202014%20");
        Assert.Equal("a", state.Storyline);
        Assert.Equal("two words", state.Q);
        Assert.Equal(TimelineZoom.Days, state.Zoom);
        Assert.Equal("2014", state.From);
        Assert.Equal(TimelineZoom.Years, TimelineViewState.Parse("?zoom=7").Zoom);
    }

    [Fact]
    public void The_window_runs_from_the_start_of_from_to_the_end_of_to()
    {
        var state = new TimelineViewState { From = "2014-04", To = "2014" };
        Assert.Equal((new DateTime(2014, 4, 1), new DateTime(2015, 1, 1)), state.Window);
        Assert.Equal((null, new DateTime(2023, 3, 1)), new TimelineViewState { To = "2023-02" }.Window);
    }

    [Fact]
    public void Dates_that_cannot_be_read_are_ignored_and_explained()
    {
        var state = new TimelineViewState { From = "last spring", To = "2013" };
        Assert.Null(state.FromDate);
        Assert.Equal((null, new DateTime(2014, 1, 1)), state.Window);
        Assert.Contains(state.Problems, p => p.Contains("“last spring” was not understood"));

        var backwards = new TimelineViewState { From = "2023", To = "2014" };
        Assert.Contains(backwards.Problems, p => p.Contains("before the start date"));
    }

    [Fact]
    public void Zooming_in_narrows_to_a_period_and_zooming_out_widens_again()
    {
        var all = new TimelineViewState { Storyline = "e", Focus = "x" };
        var year = all.ZoomInto(PartialDate.Year(2014));
        Assert.Equal(new TimelineViewState { Storyline = "e", From = "2014", To = "2014", Zoom = TimelineZoom.Months }, year);
        var month = year.ZoomInto(PartialDate.Month(2014, 4));
        Assert.Equal(("2014-04", "2014-04", TimelineZoom.Days), (month.From, month.To, month.Zoom));
        Assert.Equal(year, month.ZoomOut());
        Assert.Equal(new TimelineViewState { Storyline = "e" }, year.ZoomOut());
    }
}
