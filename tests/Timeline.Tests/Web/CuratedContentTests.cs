using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Timeline.Core.Data;
using Timeline.Core.Dates;
using Timeline.Core.Domain;
using Timeline.Tests.Support;

namespace Timeline.Tests.Web;

/// <summary>What readers see of content written after the seeds: renamed slugs, drafts, hostile text.
/// Its own app and database, since these tests add events.</summary>
public sealed class CuratedContentTests(TimelineWebFactory factory) : IClassFixture<TimelineWebFactory>
{
    private async Task<Event> AddEventAsync(Action<Event> shape)
    {
        var contexts = factory.Services.GetRequiredService<IDbContextFactory<TimelineDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        var ev = new Event
        {
            Slug = "2020-01-01-" + Guid.NewGuid().ToString("N")[..8], Title = "Test event", Start = PartialDate.Day(2020, 1, 1),
            Status = EventStatus.Published, CreatedBy = "test", UpdatedBy = "test",
        };
        shape(ev);
        db.Events.Add(ev);
        await db.SaveChangesAsync();
        return ev;
    }

    [Fact]
    public async Task An_old_slug_redirects_permanently_to_the_current_one()
    {
        var ev = await AddEventAsync(e => e.SlugHistory.Add(new EventSlugAlias { Slug = "2020-01-01-old-name", RetiredAt = DateTimeOffset.UtcNow }));

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
            e.Tags.Add(new Tag { Kind = TagKind.Actor, Name = "<b onmouseover=alert(4)>actor</b>", Slug = "b-actor" });
        });

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
