using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Timeline.Core.Curation;
using Timeline.Core.Dates;
using Timeline.Core.Domain;
using Timeline.Tests.Support;

namespace Timeline.Web.Tests.Hostile;

/// <summary>
/// Every reader URL, the sign-in form and every curator save take any string and any date at the edges of the
/// calendar, and answer with a page or a message that says what was wrong: never a 500, never an exception.
/// </summary>
public sealed class HostileRequestTests(ProductionTimelineWebFactory factory) : IClassFixture<ProductionTimelineWebFactory>
{
    public static TheoryData<string> Strings() => [.. HostileInput.Strings];

    private static readonly string[] QueryUrls =
    [
        "/?era={0}", "/?tag={0}", "/?actor={0}", "/?place={0}", "/?outlet={0}", "/?from={0}", "/?to={0}", "/?q={0}",
        "/?zoom={0}", "/?focus={0}", "/?from={0}&to={0}&zoom=days", "/?zoom=months&from={0}", "/search?q={0}",
        "/search?q=security&order={0}", "/search?q=security&page={0}", "/search?q={0}&order=newest",
        "/setup?token={0}", "/account/login?ReturnUrl={0}", "/eras?x={0}",
    ];

    private static readonly string[] PathUrls = ["/events/{0}", "/eras/{0}", "/articles/{0}", "/{0}", "/curate/events/{0}"];

    [Theory]
    [MemberData(nameof(Strings))]
    public async Task Reader_urls_answer_any_parameter_without_an_error(string value)
    {
        var client = factory.CreateBrowserlessClient();
        var escaped = Uri.EscapeDataString(value);
        var urls = QueryUrls.Select(u => string.Format(u, escaped))
            // A NUL in the path is refused by Kestrel itself (400) before the app runs; TestServer cannot even send it.
            .Concat(value.Contains('\0') ? [] : PathUrls.Select(u => string.Format(u, escaped)))
            // Unescaped too, where the string is still a URL (broken escapes such as %zz included).
            .Concat(QueryUrls.Select(u => string.Format(u, value)).Where(u => Uri.IsWellFormedUriString(u, UriKind.Relative)));
        foreach (var url in urls)
        {
            var response = await client.GetAsync(url);
            Assert.True((int)response.StatusCode < 500, $"{url} answered {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task Sign_in_answers_any_name_and_password_with_the_form()
    {
        // A failed sign-in takes at least CuratorSignIn.FailureFloor: the attempts run side by side.
        var attempts = HostileInput.Strings.SelectMany(value => new[] { (value, value), ("nobody", value) });
        await Parallel.ForEachAsync(attempts, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (attempt, _) =>
        {
            var (name, password) = attempt;
            var response = await CuratorHttp.PostLoginAsync(factory.CreateBrowserlessClient(), name, password);
            if ((name + password).Contains('\0'))
            {
                // No browser sends NUL in a form; the framework's form reader refuses it before the page runs.
                Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
                return;
            }
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("Sign-in failed", await response.Content.ReadAsStringAsync());
        });
    }

    [Theory]
    [MemberData(nameof(Strings))]
    public async Task Curator_saves_take_any_text_and_store_it_or_say_why_not(string value)
    {
        var events = factory.Services.GetRequiredService<EventEditor>();
        var articles = factory.Services.GetRequiredService<ArticleEditor>();
        var links = factory.Services.GetRequiredService<LinkEditor>();
        var storylines = factory.Services.GetRequiredService<StorylineEditor>();
        var client = factory.CreateBrowserlessClient();

        var saved = await events.SaveAsync(new EventForm
        {
            Title = "Hostile " + value, Summary = value, Topics = [value], Actors = [value + "a"], Places = ["p" + value],
            Status = EventStatus.Published, Start = new PartialDateInput { Precision = DatePrecision.Day, Year = 2019, Month = 5, Day = 1 },
        }, "hostile-test");
        Assert.True(saved is Saved or Invalid, saved.ToString());
        if (saved is Saved { Slug: { } slug })
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/events/" + Uri.EscapeDataString(slug))).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/?from=2019-05&to=2019-05&zoom=days")).StatusCode);
        }
        Assert.IsType<Invalid>(await events.SaveAsync(new EventForm { Title = "x", Slug = value + "!", Start = new() { Year = 2019, Precision = DatePrecision.Year } }, "hostile-test"));

        var imported = await articles.ImportAsync(new ArticleForm
        {
            Title = value, Outlet = value, Author = value, Url = value, Language = value, Body = value + " hostile body " + Guid.NewGuid(),
            Published = new PartialDateInput { Precision = DatePrecision.Day, Year = 2019, Month = 5, Day = 1 },
        }, "hostile-test");
        Assert.True(imported is Saved or Invalid, imported.ToString());

        var link = await links.SaveAsync(new LinkForm { EventId = 1, ArticleId = 1, Passage = value, Note = value }, "hostile-test");
        Assert.True(link is Invalid or Saved, link.ToString());

        var storyline = await storylines.SaveAsync(new StorylineForm
        {
            Title = value, Slug = value, Description = value, Colour = value,
            Start = new PartialDateInput { Precision = DatePrecision.Year, Year = 9999 },
            End = new PartialDateInput { Precision = DatePrecision.Year, Year = 9999 },
        }, "hostile-test");
        Assert.True(storyline is Saved or Invalid, storyline.ToString());
    }

    [Fact]
    public async Task Events_at_the_edges_of_the_calendar_are_stored_or_refused_and_readers_see_them()
    {
        var events = factory.Services.GetRequiredService<EventEditor>();
        var client = factory.CreateBrowserlessClient();
        foreach (var precision in Enum.GetValues<DatePrecision>())
        foreach (var year in HostileInput.Years)
        {
            var form = new EventForm
            {
                Title = $"Edge {precision} {year}", Status = EventStatus.Published,
                Start = new PartialDateInput { Precision = precision, Year = year, Month = 12, Day = 31, Time = new TimeOnly(23, 59) },
                HasEnd = true,
                End = new PartialDateInput { Precision = precision, Year = year, Month = 12, Day = 31, Time = new TimeOnly(23, 59) },
            };
            var outcome = await events.SaveAsync(form, "hostile-test");
            if (year is >= 1 and <= 9999)
            {
                var saved = Assert.IsType<Saved>(outcome);
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/events/" + saved.Slug)).StatusCode);
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/?focus={saved.Slug}")).StatusCode);
            }
            else
            {
                Assert.Contains("start", Assert.IsType<Invalid>(outcome).Errors.Keys);
            }
        }
        foreach (var url in new[] { "/", "/?from=9999", "/?to=9999-12-31&zoom=days", "/?from=0001&to=9999&zoom=months", "/search?q=edge&order=newest" })
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);
    }
}
