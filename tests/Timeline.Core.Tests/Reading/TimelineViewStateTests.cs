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

    [Theory]
    [InlineData("2014", "2014", "2013", "2013", "2015", "2015")]
    [InlineData("2014-02", "2014-06", "2013-09", "2014-01", "2014-07", "2014-11")]
    [InlineData("2014-04", "2014-04", "2014-03", "2014-03", "2014-05", "2014-05")]
    [InlineData("2014-04-01", "2014-04-10", "2014-03-22", "2014-03-31", "2014-04-11", "2014-04-20")]
    [InlineData("2013", "2014", "2011", "2012", "2015", "2016")]
    public void Panning_moves_the_window_by_its_own_length(string from, string to, string earlierFrom, string earlierTo, string laterFrom, string laterTo)
    {
        var view = new TimelineViewState { Tag = "t", From = from, To = to, Zoom = TimelineZoom.Months, Focus = "x", After = "1" };
        Assert.Equal(new TimelineViewState { Tag = "t", From = earlierFrom, To = earlierTo, Zoom = TimelineZoom.Months }, view.Pan(-1));
        Assert.Equal(new TimelineViewState { Tag = "t", From = laterFrom, To = laterTo, Zoom = TimelineZoom.Months }, view.Pan(1));
    }

    [Fact]
    public void A_view_without_a_whole_window_does_not_pan()
    {
        Assert.Null(new TimelineViewState().Pan(-1));
        Assert.Null(new TimelineViewState { From = "2014" }.Pan(1));
        Assert.Null(new TimelineViewState { From = "2023", To = "2014" }.Pan(1));
        Assert.Null(new TimelineViewState { From = "0001", To = "0001" }.Pan(-1));
        Assert.Null(new TimelineViewState { From = "9998", To = "9998" }.Pan(1));
    }

    [Fact]
    public void Opening_at_the_latest_events_is_part_of_the_address_and_nothing_else_is_understood()
    {
        var view = TimelineViewState.Parse("?era=halt&open=LATEST");
        Assert.Equal("latest", view.Open);
        Assert.Equal("/?era=halt&open=latest", view.ToUrl());
        Assert.Empty(view.Problems);
        Assert.Null(view.FiltersOnly().Open);
        Assert.Null(view.ZoomInto(PartialDate.Year(2014)).Open);
        Assert.Contains(TimelineViewState.Parse("?open=middle").Problems, p => p.Contains("“open=middle” was not understood"));
    }

    [Fact]
    public void A_stretch_of_periods_zooms_in_to_its_whole_span()
    {
        var view = new TimelineViewState().ZoomInto(PartialDate.Year(1975), PartialDate.Year(1978));
        Assert.Equal(("1975", "1978", TimelineZoom.Months), (view.From, view.To, view.Zoom));
    }
}
