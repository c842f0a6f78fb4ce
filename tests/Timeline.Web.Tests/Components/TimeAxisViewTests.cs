using Bunit;
using Timeline.Core.Dates;
using Timeline.Core.Reading;
using Timeline.Web.Components.Shared;

namespace Timeline.Web.Tests.Components;

public sealed class TimeAxisViewTests : MudTestContext
{
    private static IReadOnlyList<DensityBucket> Years(int first, params int[] counts) =>
        [.. counts.Select((n, i) => new DensityBucket(PartialDate.Year(first + i), n))];

    [Fact]
    public void Large_counts_are_short_enough_for_their_stretch_and_named_in_full()
    {
        var axis = TimeAxisLayout.Build(Years(1975, [.. Enumerable.Repeat(1_251, 50)]), [], [], TimelineZoom.Years);
        var view = Render<TimeAxisView>(p => p
            .Add(c => c.Axis, axis)
            .Add(c => c.PeriodUrl, (first, last) => $"/?from={first.ToIsoString()}&to={last.ToIsoString()}")
            .Add(c => c.BandUrl, storyline => "/?era=" + storyline.Slug));

        var crowds = view.FindAll(".axis-crowds > a");
        Assert.Equal("+7.5k", crowds[0].TextContent);
        Assert.Equal("7,506 more events from 1975 to 1980", crowds[0].GetAttribute("aria-label"));
        Assert.Equal("/?from=1975&to=1980", crowds[0].GetAttribute("href"));
        // Every period a link named with its count; the ticks' words apart from the links, hidden from screen readers.
        Assert.Equal(50, view.FindAll(".axis-periods > a[aria-label$=': 1,251 events']").Count);
        Assert.Equal("true", view.Find(".axis-ticks").GetAttribute("aria-hidden"));
        Assert.Equal("repeat(50,1fr)", view.Find(".axis-periods").GetAttribute("style")!.Split(':')[1]);
    }

    [Fact]
    public void Counts_of_ten_thousand_and_more_are_in_thousands_and_an_empty_axis_renders_nothing()
    {
        var axis = TimeAxisLayout.Build(Years(2000, 11_279, 1, 1, 1, 1, 1, 1, 1), [], [], TimelineZoom.Years);
        var view = Render<TimeAxisView>(p => p
            .Add(c => c.Axis, axis).Add(c => c.PeriodUrl, (_, _) => "/").Add(c => c.BandUrl, _ => "/"));
        Assert.Equal("+11k", view.FindAll(".axis-crowds > a")[0].TextContent);

        var empty = Render<TimeAxisView>(p => p
            .Add(c => c.Axis, TimeAxis.Empty).Add(c => c.PeriodUrl, (_, _) => "/").Add(c => c.BandUrl, _ => "/"));
        Assert.Empty(empty.Markup.Trim());
    }
}
