using Bunit;
using Timeline.Core.ArticleReading;
using Timeline.Core.Curation;
using Timeline.Core.Dates;
using Timeline.Core.Domain;
using Timeline.Core.Storage;
using Timeline.Web.Components.Curate;
using Timeline.Tests.Support;

namespace Timeline.Web.Tests.Components;

public sealed class MarkedArticleTextTests : MudTestContext
{
    [Fact]
    public void Each_date_is_marked_with_its_resolved_date_and_the_text_stays_text()
    {
        const string text = "On Wednesday <b>Hamas</b> spoke.\nTalks began in July.";
        DateMention[] mentions =
        [
            new() { Text = "Wednesday", Start = 3, Length = 9, SentenceStart = 0, SentenceLength = 32, Date = PartialDate.Day(2014, 4, 9), Alternative = PartialDate.Day(2014, 4, 16) },
            new() { Text = "July", Start = 48, Length = 4, SentenceStart = 33, SentenceLength = 20, Date = PartialDate.Month(2013, 7) },
        ];
        var view = Render<MarkedArticleText>(p => p.Add(c => c.Text, text).Add(c => c.Mentions, mentions).Add(c => c.Passages, [new TextSpan(33, 20)]));

        Assert.Equal(2, view.FindAll("p").Count);
        var marks = view.FindAll("mark.date-mention");
        Assert.Equal(["Wednesday", "July"], marks.Select(m => m.TextContent));
        Assert.Equal("9 April 2014", marks[0].GetAttribute("data-date"));
        Assert.Equal("0", marks[0].GetAttribute("tabindex"));
        Assert.Contains("or 16 April 2014", marks[0].GetAttribute("title"));
        Assert.Contains("in-passage", marks[1].ClassName);
        Assert.Empty(view.FindAll("b"));
        Assert.Contains("<b>Hamas</b>", view.Find("p").TextContent);
    }
}

public sealed class ArticleReadingPanelTests(TimelineWebFactory factory) : CuratorPageContext(factory, "bunit-reader"), IClassFixture<TimelineWebFactory>
{
    [Fact]
    public async Task A_seed_article_shows_its_dates_and_a_suggested_event_is_linked_with_its_passage()
    {
        var store = Service<TimelineStore>();
        var article = store.Articles.FindOne(a => a.Outlet == "World Israel News");
        // A link no difference quotes (those cannot be unlinked while quoted).
        var link = store.LinksOfArticle(article.Id).ToList().First(l => store.Events.FindById(l.EventId).Differences.Count == 0);
        Assert.IsType<Saved>(await Service<LinkEditor>().UnlinkAsync(link.Id, "someone-else"));
        Service<PendingArticleDates>().ReadNow(article.Id);

        var panel = Render<ArticleReadingPanel>(p => p.Add(c => c.ArticleId, article.Id));
        panel.WaitForAssertion(() => Assert.NotEmpty(panel.FindAll(".dates-table tbody tr")));
        Assert.Contains(panel.FindAll(".dates-table tbody tr"), row => row.TextContent.Contains("“Thursday evening”") && row.TextContent.Contains("26 January 2023"));
        Assert.NotEmpty(panel.FindAll("a[href^='/curate/events/new?article=']"));

        var unlinked = store.Events.FindById(link.EventId);
        var suggestion = panel.FindAll(".suggestion").Single(s => s.TextContent.Contains(unlinked.Title));
        suggestion.QuerySelector("button")!.Click();
        panel.WaitForAssertion(() => Assert.NotEmpty(panel.FindAll(".suggestion form")));
        panel.Find(".suggestion form").Submit();
        panel.WaitForAssertion(() => Assert.DoesNotContain(panel.FindAll(".suggestion"), s => s.TextContent.Contains(unlinked.Title)));
        var relinked = store.Links.FindOne(l => l.ArticleId == article.Id && l.EventId == link.EventId);
        Assert.NotNull(relinked);
        Assert.Equal(LinkRole.Report, relinked.Role);
    }

    [Fact]
    public async Task An_article_of_ten_thousand_dates_keeps_two_thousand_lists_the_first_hundred_and_marks_the_first_thousand()
    {
        var store = Service<TimelineStore>();
        // 10,000 dates within the longest text an article may hold (200,000 characters).
        var body = string.Concat(Enumerable.Range(0, 10_000).Select(i => $"{1 + i % 28} March {1990 + i % 30}.\n"));
        var form = new ArticleForm { Origin = "test", Title = "Ten thousand meetings", Outlet = "Minutes", Language = "en", Published = PartialDateInput.From(PartialDate.Day(2021, 1, 1)), Body = body };
        var id = Assert.IsType<Saved>(await Service<ArticleEditor>().ImportAsync(form, "someone-else")).Id;
        // Read as the app reads it (the background service may be at it too: the same result either way).
        var dates = Service<PendingArticleDates>().ReadNow(id)!;
        Assert.True(dates.Truncated);
        Assert.Equal(ArticleReader.MaxMentions, dates.Mentions.Count);

        var panel = Render<ArticleReadingPanel>(p => p.Add(c => c.ArticleId, id));
        // A generous wait: on a busy two-core machine the suite's other tests share the thread pool with this render.
        panel.WaitForAssertion(() => Assert.Equal(ArticleReadingPanel.FirstDates, panel.FindAll(".dates-table tbody tr").Count), TimeSpan.FromSeconds(20));
        Assert.Equal(ArticleReadingPanel.MarkedDates, panel.FindAll("mark.date-mention").Count);
        Assert.Contains("The first 100 of more than 2000 dates are listed", panel.Markup.Replace(",", ""));
    }
}
