using Microsoft.Extensions.DependencyInjection;
using Timeline.Core.Domain;
using Timeline.Core.Storage;
using Timeline.Tests.Support;

namespace Timeline.EndToEnd.Tests.Browser;

/// <summary>
/// The reader pages on a generated timeline of 2,000 events, at phone and desktop widths, through the same checks as
/// the seeded ones (security policy, failed requests, width, axe-core's WCAG 2.2 A/AA): the pages whose shape grows with
/// the data: a strip of many years, months or a quarter's days, storylines of hundreds of events, long filter lists.
/// </summary>
[Collection(GeneratedTimelineBrowserCollection.Name)]
public sealed class GeneratedTimelineLayoutTests(GeneratedTimelineBrowserFixture browser)
{
    [Theory]
    [InlineData(375)]
    [InlineData(1280)]
    public async Task Reader_pages_of_a_large_timeline_render_cleanly_and_accessibly(int width)
    {
        var store = browser.Services.GetRequiredService<TimelineStore>();
        var published = store.Events.Find(e => e.Status == EventStatus.Published).OrderBy(e => e.SortKey).ToList();
        Assert.True(published.Count > 1_500, $"{published.Count} published events");
        var storyline = store.Storylines.FindAll().First();
        var first = published[published.Count / 2];
        var month = first.Start.Value;
        string[] urls =
        [
            "/",
            $"/?zoom=months&from={month.Year - 4}&to={month.Year + 4}",
            $"/?zoom=days&from={month:yyyy-MM}&to={month.AddMonths(2):yyyy-MM}",
            $"/eras/{storyline.Slug}",
            "/search?q=talks",
        ];
        var page = await browser.NewPageAsync(width, 900);
        foreach (var url in urls)
            await CleanPage.CheckAsync(page, browser.BaseUrl, $"generated{url.Replace('/', '-').Replace('?', '-').Replace('&', '-').Replace('=', '-')}", url, width);
        await page.Context.CloseAsync();
    }
}
