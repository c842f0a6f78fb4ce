using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Timeline.Core.Domain;
using Timeline.Core.Storage;
using Timeline.Tests.Support;
using Timeline.Web.Components.Pages.Timeline;

namespace Timeline.Web.Tests.Pages;

/// <summary>The real host on a generated timeline of 130 events, more than a page, with long filter lists.</summary>
public sealed class LargeTimelineWebFactory : TimelineWebFactory
{
    public LargeTimelineWebFactory()
    {
        Directory.CreateDirectory(Folder);
        Timeline.Core.Generation.SyntheticTimeline.Generate(StorePath, new(Events: 130, Articles: 40, Seed: 7));
    }
}

/// <summary>The timeline's pages and filter choices as plain links and forms: what a reader without script uses, and
/// what the script builds on.</summary>
public sealed class TimelinePagingTests(LargeTimelineWebFactory factory) : IClassFixture<LargeTimelineWebFactory>
{
    [Fact]
    public async Task Later_and_earlier_links_walk_the_whole_timeline_a_page_at_a_time()
    {
        var client = factory.CreateBrowserlessClient();
        var published = factory.Services.GetRequiredService<TimelineStore>().Events.Count(e => e.Status == EventStatus.Published);
        var seen = new List<string>();
        string? url = "/";
        var pages = 0;
        while (url is not null)
        {
            var (response, page) = await Html.GetAsync(client, url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var ids = page.QuerySelectorAll("li.event-item").Select(li => li.Id!).ToList();
            Assert.InRange(ids.Count, 1, 50);
            seen.AddRange(ids);
            Assert.Equal(pages > 0, page.QuerySelector("a[data-more=earlier]") is not null);
            url = page.QuerySelector("a[data-more=later]")?.GetAttribute("href");
            pages++;
        }
        Assert.Equal(published, seen.Count);
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Equal(3, pages);

        // From the last page, "earlier" goes back over the same events.
        var (_, last) = await Html.GetAsync(client, "/?after=" + SortKeyOf(seen[99]));
        var (_, back) = await Html.GetAsync(client, last.QuerySelector("a[data-more=earlier]")!.GetAttribute("href")!);
        Assert.Equal(seen.Skip(50).Take(50), back.QuerySelectorAll("li.event-item").Select(li => li.Id!));
    }

    [Fact]
    public async Task Long_filter_lists_come_from_the_filters_page_and_a_chosen_one_stays_on_the_timeline()
    {
        var client = factory.CreateBrowserlessClient();
        var (_, all) = await Html.GetAsync(client, "/filters");
        var actors = all.QuerySelectorAll("select[name=actor] option").Skip(1).Select(o => o.GetAttribute("value")!).ToList();
        Assert.True(actors.Count > TimelineFilters.InlineChoices, $"{actors.Count} actors");

        var (_, timeline) = await Html.GetAsync(client, "/?actor=" + actors[3]);
        var select = timeline.QuerySelector("select[name=actor]")!;
        Assert.True(select.HasAttribute("data-choices"));
        Assert.Equal(["", actors[3]], select.QuerySelectorAll("option").Select(o => o.GetAttribute("value")));
        Assert.Equal(actors[3], select.QuerySelector("option[selected]")!.GetAttribute("value"));
        Assert.Equal("/filters?actor=" + actors[3], timeline.QuerySelector("a[data-more-choices]")!.GetAttribute("href"));

        // The filters page keeps the view's choices and submits to the timeline.
        var (_, filters) = await Html.GetAsync(client, "/filters?actor=" + actors[3] + "&zoom=months");
        Assert.Equal(actors[3], filters.QuerySelector("select[name=actor] option[selected]")!.GetAttribute("value"));
        Assert.Equal("months", filters.QuerySelector("form[data-filters] input[name=zoom]")!.GetAttribute("value"));
        Assert.Equal("/", filters.QuerySelector("form[data-filters]")!.GetAttribute("action"));
    }

    private string SortKeyOf(string slug)
    {
        var store = factory.Services.GetRequiredService<TimelineStore>();
        return store.Events.FindById(store.Slugs.FindById(slug).EventId).SortKey;
    }
}
