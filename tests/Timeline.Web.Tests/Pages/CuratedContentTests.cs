using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Timeline.Core.Curation;
using Timeline.Core.Storage;
using Timeline.Core.Dates;
using Timeline.Core.Domain;
using Timeline.Tests.Support;

namespace Timeline.Web.Tests.Pages;

/// <summary>What readers see of content written after the seeds: renamed slugs, drafts, hostile text.
/// Its own app and database, since these tests add events.</summary>
public sealed class CuratedContentTests(TimelineWebFactory factory) : IClassFixture<TimelineWebFactory>
{
    private async Task<Event> AddEventAsync(Action<Event> shape, string[]? formerSlugs = null, (TagKind Kind, string Name, string Slug)[]? tags = null)
    {
        var store = factory.Services.GetRequiredService<TimelineStore>();
        var ev = new Event
        {
            Slug = "2020-01-01-" + Guid.NewGuid().ToString("N")[..8], Title = "Test event", Start = PartialDate.Day(2020, 1, 1),
            Status = EventStatus.Published, CreatedBy = "test", UpdatedBy = "test",
        };
        shape(ev);
        store.Write(tx =>
        {
            ev.Id = tx.NextIntId("events");
            ev.TagIds = [.. (tags ?? []).Select(t => tx.EnsureTag(t.Kind, t.Name, t.Slug).Id)];
            foreach (var former in formerSlugs ?? [])
                tx.AddFormerSlug(ev.Id, former, DateTimeOffset.UtcNow);
            tx.SetSlug(ev.Id, null, ev.Slug, DateTimeOffset.UtcNow);
            tx.PutEvent(null, ev);
        });
        await factory.Services.GetRequiredService<IContentChangeListener>().ContentChangedAsync();
        return ev;
    }

    [Fact]
    public async Task An_old_slug_redirects_permanently_to_the_current_one()
    {
        var ev = await AddEventAsync(_ => { }, ["2020-01-01-old-name"]);

        var response = await factory.CreateBrowserlessClient().GetAsync("/events/2020-01-01-old-name");
        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("/events/" + ev.Slug, response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_draft_is_not_found()
    {
        var draft = await AddEventAsync(e => e.Status = EventStatus.Draft);
        var response = await factory.CreateBrowserlessClient().GetAsync("/events/" + draft.Slug);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain(draft.Slug, await factory.CreateBrowserlessClient().GetStringAsync("/"));
    }

    [Fact]
    public async Task Hostile_text_is_shown_as_text_and_never_runs()
    {
        var ev = await AddEventAsync(e =>
        {
            e.Title = "<script>alert('title')</script> \u202Eevil\u202C";
            e.Summary = "<img src=x onerror=alert(1)> [click](javascript:alert(2)) <a href=\"javascript:alert(3)\">x</a> [ok](https://example.org)";
        }, tags: [(TagKind.Actor, "<b onmouseover=alert(4)>actor</b>", "b-actor")]);

        var html = await factory.CreateBrowserlessClient().GetStringAsync("/events/" + ev.Slug);
        Assert.DoesNotContain("<script>alert", html);
        Assert.DoesNotContain("<img src=x", html);
        Assert.DoesNotContain("<b onmouseover", html);
        Assert.DoesNotContain("href=\"javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(&#x27;title&#x27;)&lt;/script&gt;", html);
        Assert.Contains("<a href=\"https://example.org\">ok</a>", html);

        var page = await Html.ParseAsync(html);
        Assert.StartsWith("<script>alert('title')</script>", page.QuerySelector("h1")!.TextContent);
        var timeline = await factory.CreateBrowserlessClient().GetStringAsync("/");
        Assert.DoesNotContain("<script>alert", timeline);
    }
}

/// <summary>How soon a change is searchable: at once for the curator who saved it; within a second for any write.</summary>
public sealed class SearchFreshnessTests(TimelineWebFactory factory) : IClassFixture<TimelineWebFactory>
{
    [Fact]
    public async Task A_curators_save_is_searchable_when_the_save_returns()
    {
        var editor = factory.Services.GetRequiredService<EventEditor>();
        var saved = Assert.IsType<Saved>(await editor.SaveAsync(new EventForm
        {
            Title = "Quincunxial meeting in Ramallah", Status = EventStatus.Published,
            Start = new PartialDateInput { Precision = Timeline.Core.Dates.DatePrecision.Year, Year = 2019 },
        }, "ada"));
        var page = await factory.CreateBrowserlessClient().GetStringAsync("/search?q=quincunxial");
        Assert.Contains($"/events/{saved.Slug}", page);
    }

    [Fact]
    public async Task Any_write_is_searchable_within_a_second()
    {
        // Written straight through the store, as no curator form does: only the background indexer picks it up.
        var store = factory.Services.GetRequiredService<TimelineStore>();
        store.Write(tx =>
        {
            var ev = new Event
            {
                Id = tx.NextIntId("events"), Slug = "2019-sesquipedalian", Title = "Sesquipedalian statement", Start = Timeline.Core.Dates.PartialDate.Year(2019),
                Status = EventStatus.Published, CreatedBy = "test", UpdatedBy = "test",
            };
            tx.SetSlug(ev.Id, null, ev.Slug, DateTimeOffset.UtcNow);
            tx.PutEvent(null, ev);
        });
        var search = factory.Services.GetRequiredService<Timeline.Core.Search.SearchService>();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (search.Search("sesquipedalian").Hits.Count == 0)
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), "not searchable within a second");
            await Task.Delay(20);
        }
    }
}
