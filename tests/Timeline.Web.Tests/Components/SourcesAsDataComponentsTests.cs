using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Timeline.Core.ArticleReading;
using Timeline.Core.Curation;
using Timeline.Core.Domain;
using Timeline.Core.Reading;
using Timeline.Core.Storage;
using Timeline.Tests.Support;
using Timeline.Web.Components.Curate;
using Timeline.Web.Components.Curate.Pages;

namespace Timeline.Web.Tests.Components;

/// <summary>The curator's side of sources as data in bUnit: the event form's differences and public note, and the
/// link form's source date, over the app's real services and a seeded store.</summary>
public sealed class SourcesAsDataComponentsTests(TimelineWebFactory factory) : CuratorPageContext(factory, "bunit-sources"), IClassFixture<TimelineWebFactory>
{
    private const string RaidSlug = "2023-01-26-idf-raid-on-the-jenin-refugee-camp-kills-nine-palestinians";

    private TimelineStore Store => Service<TimelineStore>();

    private static Timeline.Core.Dates.PartialDate? PartialDateOf(int year, int month, int day) => Timeline.Core.Dates.PartialDate.Day(year, month, day);

    private int RaidId => Store.Slugs.FindById(RaidSlug).EventId;

    private IRenderedComponent<EventEditorPage> OpenRaid()
    {
        var page = Render<EventEditorPage>(p => p.Add(c => c.Id, RaidId));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("#difference-0-aspect")));
        return page;
    }

    [Fact]
    public void A_curator_adds_a_difference_and_a_correction_and_readers_get_both()
    {
        var page = OpenRaid();
        Assert.Equal("The dead", page.Find("#difference-0-aspect").GetAttribute("value"));
        Assert.Contains("nine Palestinians were killed", page.Find("#difference-0-claim-0-quote").TextContent + page.Find("#difference-0-claim-0-quote").GetAttribute("value"));

        page.FindAll("button").Single(b => b.TextContent == "Add a difference").Click();
        page.Find("#difference-1-aspect").Input("What the raid aimed at");
        var sources = Service<LinkEditor>().ForEvent(RaidId);
        Choose(page, "difference-1-claim-0-source", sources.Single(s => s.OtherDetail == "World Israel News").ArticleId);
        page.Find("#difference-1-claim-0-quote").Input("aimed at preventing a planned large-scale bombing attack");
        page.Find("#difference-1-claim-0-value").Input("a bombing");
        Choose(page, "difference-1-claim-1-source", sources.Single(s => s.OtherDetail == "The Jerusalem Post").ArticleId);
        page.Find("#difference-1-claim-1-quote").Input("a quote the Post never printed");

        // A quote not in the article: refused under that field, everything typed kept, nothing stored.
        var version = Store.Events.FindById(RaidId).Version;
        page.Find("form").Submit();
        page.WaitForAssertion(() => Assert.Contains("not in the article", page.Find("#difference-1-claim-1-quote-error").TextContent));
        Assert.Equal("What the raid aimed at", page.Find("#difference-1-aspect").GetAttribute("value"));
        Assert.Equal(version, Store.Events.FindById(RaidId).Version);

        page.Find("#difference-1-claim-1-quote").Input("during an Israeli military operation in Jenin Refugee Camp");
        page.Find(".public-note-field").QuerySelectorAll("input[type=radio]")[1].Change("on"); // "Correction"
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("#event-note")));
        page.Find("#event-note").Input("An earlier version did not say what the raid aimed at.");
        page.Find("form").Submit();
        page.WaitForAssertion(() => Assert.Equal(version + 1, Store.Events.FindById(RaidId).Version), TimeSpan.FromSeconds(5));

        var view = Service<TimelineQueries>().FindEvent(RaidSlug).Page!;
        Assert.Equal(["The dead", "What the raid aimed at"], view.Differences.Select(d => d.Aspect));
        Assert.Equal("a bombing", view.Differences[1].Claims[0].Value);
        var note = Assert.Single(view.Notes);
        Assert.Equal((PublicNoteKind.Correction, "An earlier version did not say what the raid aimed at."), (note.Kind, note.Text));
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("#event-note")), TimeSpan.FromSeconds(5)); // the form starts afresh: no second note by accident

        // Removing the difference again, from the keyboard's buttons.
        page.FindAll("button").Single(b => b.GetAttribute("aria-label") == "Remove difference 2").Click();
        page.Find("form").Submit();
        page.WaitForAssertion(() => Assert.Single(Store.Events.FindById(RaidId).Differences), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void The_link_form_prefills_the_date_the_passage_gives_and_the_sources_panel_says_when_dates_disagree()
    {
        var article = Store.Articles.FindOne(a => a.Outlet == "World Israel News");
        Service<PendingArticleDates>().ReadNow(article.Id);
        var link = Store.LinkOf(RaidId, article.Id).Single();
        var panel = Render<LinkPanel>(p => p.Add(c => c.EventId, RaidId).Add(c => c.EventDate, Store.Events.FindById(RaidId).Start));
        panel.WaitForAssertion(() => Assert.NotEmpty(panel.FindAll(".link-row")));
        Assert.Empty(panel.FindAll(".date-dispute"));

        // The date read in the passage is offered before any link is opened; one click records it.
        var offer = Assert.Single(panel.FindAll(".passage-date"));
        Assert.StartsWith("The passage dates it 26 January 2023 (“Thursday”).", offer.TextContent.Trim());
        offer.QuerySelector("button")!.Click();
        panel.WaitForAssertion(() => Assert.Equal(PartialDateOf(2023, 1, 26), Store.Links.FindById(link.Id).SourceDate?.Date), TimeSpan.FromSeconds(5));
        panel.WaitForAssertion(() => Assert.Empty(panel.FindAll(".passage-date")));
        Assert.Contains("Its date for the event: 26 January 2023 (“Thursday”)", panel.FindAll(".link-row").Single(r => r.TextContent.Contains(link.Passage)).TextContent);

        panel.FindAll(".link-row").Single(r => r.TextContent.Contains(link.Passage)).QuerySelector("button")!.Click();
        panel.Find("#link-passage").Input("");
        panel.Find("#link-passage").Input(link.Passage); // pasted again: the passage holds "on Thursday"
        panel.WaitForAssertion(() => Assert.Contains("Thursday", panel.Find("#link-source-date-words").GetAttribute("value")));
        var words = panel.Find("#link-source-date-words").GetAttribute("value");
        Assert.Equal("26", panel.Find("#link-source-date-day").GetAttribute("value"));

        panel.Find("#link-source-date-day").Change("25");
        panel.Find("form.curate-form").Submit();
        panel.WaitForAssertion(() => Assert.NotEmpty(panel.FindAll(".date-dispute")), TimeSpan.FromSeconds(5));
        Assert.Contains($"World Israel News gives 25 January 2023 (“{words}”)", panel.Find(".date-dispute").TextContent);
        Assert.Equal(25, Store.Links.FindById(link.Id).SourceDate!.Date.Value.Day);
    }
}
