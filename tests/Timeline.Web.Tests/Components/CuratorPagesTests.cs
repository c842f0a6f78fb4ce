using Timeline.Web.Components.Curate.Pages;
using System.Text;
using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Timeline.Core.Curation;
using Timeline.Core.Storage;
using Timeline.Tests.Support;

namespace Timeline.Web.Tests.Components;

public sealed class ImportPageTests(TimelineWebFactory factory) : CuratorPageContext(factory, "bunit-importer"), IClassFixture<TimelineWebFactory>
{
    private const string Html = """
        <html><head><meta property="og:title" content="Crews restore water in the Jenin camp">
        <meta property="og:site_name" content="The Bunit Herald"></head>
        <body><article><p>Crews restored water to the Jenin camp on Friday, a week after the raid.</p>
        <script>alert(1)</script></article></body></html>
        """;

    private static void ReadPasted(IRenderedComponent<ImportPage> page) =>
        page.FindAll("button").Single(b => b.TextContent == "Read pasted text").Click();

    [Fact]
    public void An_accepted_file_is_prefilled_and_cleaned_and_a_refused_one_says_why()
    {
        var page = Render<ImportPage>();

        page.FindComponent<InputFile>().UploadFiles(
            InputFileContent.CreateFromText(Html, "water.html", contentType: "text/html"),
            InputFileContent.CreateFromBinary([0x89, 0x50, 0x4E, 0x47, 0x00, 0xFF], "photo.txt", contentType: "text/plain"));

        page.WaitForAssertion(() => Assert.Equal("Crews restore water in the Jenin camp", page.Find("#import-1-title").GetAttribute("value")));
        Assert.Equal("The Bunit Herald", page.Find("#import-1-outlet").GetAttribute("value"));
        Assert.Contains("Crews restored water", page.Find(".import-item .article-text").TextContent);
        Assert.DoesNotContain("alert(1)", page.Find(".import-item .article-text").TextContent);
        Assert.Contains(page.FindAll("p.problem[role=alert]"), p => p.TextContent.Contains("photo.txt is not UTF-8 text"));
        Assert.Single(page.FindAll(".import-item")); // the refused file made no item
    }

    [Fact]
    public void Save_with_a_missing_field_keeps_the_typed_input_shows_the_message_and_stores_nothing()
    {
        var articles = Factory.Services.GetRequiredService<ArticleEditor>();
        var before = articles.List(null).Total;
        var page = Render<ImportPage>();

        page.Find("#import-paste").Input("A headline typed by hand\n\nThe text of an article pasted without its outlet.");
        ReadPasted(page);
        page.Find("#import-1-outlet").Input("");
        page.Find("form.curate-form").Submit();

        page.WaitForAssertion(() => Assert.Contains(ArticleForm.OutletMissing, page.Find("#import-1-outlet-error").TextContent));
        Assert.Contains(PartialDateInput.YearMissing, page.Find("#import-1-published-error").TextContent); // under the year
        Assert.Contains("import-1-published-error", page.Find("#import-1-published-year").GetAttribute("aria-describedby"));
        Assert.Equal("A headline typed by hand", page.Find("#import-1-title").GetAttribute("value"));
        Assert.Equal("true", page.Find("#import-1-outlet").GetAttribute("aria-invalid"));
        Assert.Equal(before, articles.List(null).Total);
        var warning = Assert.Single(Services.GetRequiredService<ISnackbar>().ShownSnackbars);
        Assert.Equal(Severity.Error, warning.Severity);
    }

    [Fact]
    public void A_complete_article_is_saved_once_and_the_same_text_again_is_pointed_out_as_a_duplicate()
    {
        var articles = Factory.Services.GetRequiredService<ArticleEditor>();
        var before = articles.List(null).Total;
        const string text = "Duplicate check headline\n\nA paragraph that only this test writes, about the duplicate check.";
        var page = Render<ImportPage>();

        page.Find("#import-paste").Input(text);
        ReadPasted(page);
        page.Find("#import-1-outlet").Input("The Bunit Herald");
        page.Find("#import-1-published-year").Change("2023");
        Choose(page, "import-1-published-month", 2);
        page.Find("#import-1-published-day").Change("3");
        page.Find("form.curate-form").Submit();

        page.WaitForAssertion(() => Assert.Contains("Open the article to link it to events", page.Find(".saved-note").TextContent));
        Assert.Equal(before + 1, articles.List(null).Total);
        Assert.Contains(Services.GetRequiredService<ISnackbar>().ShownSnackbars, s => s.Severity == Severity.Success);

        page.Find("#import-paste").Input(text);
        ReadPasted(page);
        page.WaitForAssertion(() => Assert.Contains("already in the library as “Duplicate check headline”", page.Find(".import-item:last-of-type p.problem").TextContent));
        Assert.Equal(before + 1, articles.List(null).Total);
    }
}

public sealed class EventEditorPageTests(TimelineWebFactory factory) : CuratorPageContext(factory, "bunit-event-editor"), IClassFixture<TimelineWebFactory>
{
    [Fact]
    public void Create_without_a_title_or_date_says_so_under_each_field_keeps_the_input_and_stores_nothing()
    {
        var eventList = Factory.Services.GetRequiredService<CuratorEventList>();
        var before = eventList.List(null, null).Total;
        var page = Render<EventEditorPage>();

        page.Find("#event-summary").Input("A summary typed **before** the title.");
        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Contains("title", page.Find("#title-error").TextContent, StringComparison.OrdinalIgnoreCase));
        Assert.NotEmpty(page.FindAll("#start-error"));
        Assert.Equal("true", page.Find("#event-title").GetAttribute("aria-required"));
        Assert.Equal("true", page.Find("#start-year").GetAttribute("aria-required"));
        JSInterop.VerifyInvoke("timelineCurate.focusFirstInvalid"); // the keyboard lands on the first field to fix
        Assert.Equal("A summary typed **before** the title.", page.Find("#event-summary").GetAttribute("value"));
        Assert.Equal("before", page.Find(".preview strong").TextContent);
        Assert.Equal(before, eventList.List(null, null).Total);
    }

    [Fact]
    public void Create_with_a_title_and_a_month_stores_a_draft_with_the_month_only()
    {
        var page = Render<EventEditorPage>();

        page.Find("#event-title").Input("Bunit: a month-precise event");
        Choose(page, "start-precision", Timeline.Core.Dates.DatePrecision.Month);
        page.Find("#start-year").Change("2023");
        Choose(page, "start-month", 7);
        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.EndsWith("/curate/events/", Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().Uri.TrimEnd("0123456789".ToCharArray())), TimeSpan.FromSeconds(5));
        var created = Factory.Services.GetRequiredService<CuratorEventList>().List("month-precise", null).Rows.Single();
        Assert.Equal(("July 2023", Timeline.Core.Domain.EventStatus.Draft), (created.Start.Format(), created.Status));
    }
}

public sealed class NewEventFromSentenceTests(TimelineWebFactory factory) : CuratorPageContext(factory, "bunit-from-sentence"), IClassFixture<TimelineWebFactory>
{
    [Fact]
    public void The_form_opens_prefilled_from_a_sentence_and_creates_the_event_with_its_first_source()
    {
        var store = Service<TimelineStore>();
        var article = store.Articles.FindOne(a => a.Outlet == "World Israel News");
        var dates = Service<Timeline.Core.ArticleReading.PendingArticleDates>().ReadNow(article.Id)!;
        var index = dates.Mentions.FindIndex(m => m.Text == "Thursday evening");
        Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().NavigateTo($"/curate/events/new?article={article.Id}&date={index}");

        var page = Render<EventEditorPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("#source-passage")));
        Assert.Contains("Thursday evening", page.Find("#source-passage").GetAttribute("value"));
        Assert.Equal("2023", page.Find("#start-year").GetAttribute("value"));
        Assert.Equal("26", page.Find("#start-day").GetAttribute("value"));
        Assert.Contains(article.Title, page.Find(".first-source legend").TextContent);
        var events = store.Events.Count();
        Assert.Equal(events, store.Events.Count()); // nothing stored by opening it

        page.Find("#event-title").Input("Bunit: coordination declared over on television");
        page.Find("form").Submit();
        page.WaitForAssertion(() => Assert.Equal(events + 1, store.Events.Count()), TimeSpan.FromSeconds(5));
        var created = store.Events.FindOne(e => e.Title == "Bunit: coordination declared over on television");
        var link = Assert.Single(store.Links.Find(l => l.EventId == created.Id));
        Assert.Equal(article.Id, link.ArticleId);
        Assert.Contains("Thursday evening", link.Passage);
    }
}

public sealed class EventEditorActionsTests(TimelineWebFactory factory) : CuratorPageContext(factory, "bunit-event-actions"), IClassFixture<TimelineWebFactory>
{
    private static Bunit.IRenderedComponent<EventEditorPage> Open(BunitContext context, int id) =>
        context.Render<EventEditorPage>(p => p.Add(c => c.Id, id));

    [Fact]
    public async Task Move_to_trash_asks_first_cancel_keeps_the_event_and_confirming_moves_it()
    {
        var id = await CreateEventAsync("Bunit: an event to trash");
        var page = Open(this, id);
        page.WaitForAssertion(() => Assert.Equal("Bunit: an event to trash", page.Find("#event-title").GetAttribute("value")));

        page.FindAll("button").Single(b => b.TextContent == "Move to trash").Click();
        page.WaitForAssertion(() => Assert.Contains("disappears from the public timeline", page.Find(".mud-dialog").TextContent));
        page.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Cancel").Click();
        page.WaitForAssertion(() => Assert.Empty(page.FindAll(".mud-dialog")));
        Assert.Equal(Timeline.Core.Domain.EventStatus.Draft, (Service<EventEditor>().Load(id))!.Status);

        page.FindAll("button").Single(b => b.TextContent == "Move to trash").Click();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".mud-dialog")));
        page.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Move to trash").Click();
        page.WaitForAssertion(() => Assert.Contains(Services.GetRequiredService<ISnackbar>().ShownSnackbars, s => s.Message!.StartsWith("Moved to the trash")));
        Assert.Null(Service<EventEditor>().Load(id)); // in the trash: no longer an editable event
    }

    [Fact]
    public async Task The_trash_grid_lists_a_trashed_event_and_restore_brings_it_back_as_a_draft()
    {
        var id = await CreateEventAsync("Bunit: back from the trash");
        var editor = Service<EventEditor>();
        Assert.IsType<Saved>(await editor.DeleteAsync(id, editor.Load(id)!.Version, "someone-else"));

        var trash = Render<TrashPage>();
        var grid = trash.FindComponent<MudDataGrid<EventRow>>();
        trash.WaitForState(() => !grid.Instance.Loading && trash.FindAll("tbody tr").Any(r => r.TextContent.Contains("Bunit: back from the trash")), TimeSpan.FromSeconds(5));
        var row = trash.FindAll("tbody tr").Single(r => r.TextContent.Contains("Bunit: back from the trash"));
        Assert.Contains("someone-else", row.TextContent);
        Assert.Equal($"/curate/events/{id}/history", row.QuerySelector("a")!.GetAttribute("href"));

        trash.Find("button[aria-label='Restore Bunit: back from the trash']").Click();
        trash.WaitForAssertion(() => Assert.EndsWith($"/curate/events/{id}", Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().Uri));
        Assert.Equal(Timeline.Core.Domain.EventStatus.Draft, editor.Load(id)!.Status);
        Assert.Contains(Services.GetRequiredService<ISnackbar>().ShownSnackbars, s => s.Message!.StartsWith("Restored as a draft"));
    }

    [Fact]
    public async Task A_save_over_someone_else_s_shows_the_conflict_field_by_field_and_keeps_what_was_typed()
    {
        var id = await CreateEventAsync("Bunit: both edit this");
        var page = Open(this, id);
        page.WaitForAssertion(() => Assert.Equal("Bunit: both edit this", page.Find("#event-title").GetAttribute("value")));

        // Someone else saves a new title first.
        var theirs = (Service<EventEditor>().Load(id))!;
        theirs.Title = "Bunit: their title";
        Assert.IsType<Saved>(await Service<EventEditor>().SaveAsync(theirs, "someone-else"));

        page.Find("#event-title").Input("Bunit: my title");
        page.Find("#event-summary").Input("My summary.");
        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Contains("someone-else saved this event", page.Find(".conflict h2").TextContent));
        var title = page.FindAll(".merge-table tbody tr").Single(r => r.QuerySelector("th")!.TextContent == "Title");
        Assert.Contains("Bunit: their title", title.TextContent);
        Assert.Contains("Bunit: my title", title.TextContent);
        Assert.Equal("Bunit: my title", page.Find("#event-title").GetAttribute("value"));
        Assert.Equal("Bunit: their title", (Service<EventEditor>().Load(id))!.Title);

        page.FindAll("button").Single(b => b.TextContent == "Merge into my form").Click();
        page.Find("form").Submit();
        page.WaitForAssertion(() => Assert.Equal("Bunit: my title", Service<EventEditor>().Load(id)!.Title));
        Assert.Equal("My summary.", (Service<EventEditor>().Load(id))!.Summary);
    }
}

public sealed class StorylineEditorPageTests(TimelineWebFactory factory) : CuratorPageContext(factory, "bunit-era-editor"), IClassFixture<TimelineWebFactory>
{
    [Fact]
    public void A_storyline_without_a_title_is_refused_under_the_field_with_the_description_kept()
    {
        var page = Render<StorylineEditorPage>();
        page.Find("#era-description").Input("A description typed first.");
        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("#title-error")));
        Assert.Equal("true", page.Find("#era-title").GetAttribute("aria-invalid"));
        Assert.Equal("A description typed first.", page.Find("#era-description").GetAttribute("value"));
    }

    [Fact]
    public void A_curator_makes_a_storylines_timeline_open_at_its_latest_events()
    {
        var store = Service<TimelineStore>();
        var storyline = store.StorylineBySlug("2022-jenin-operation").First();
        Assert.False(storyline.OpensAtLatest);
        var page = Render<StorylineEditorPage>(p => p.Add(x => x.Id, storyline.Id));
        page.WaitForAssertion(() => Assert.Equal(storyline.Title, page.Find("#era-title").GetAttribute("value")));

        page.Find("#era-opens-at-latest input, input#era-opens-at-latest").Change(true);
        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.True(store.Storylines.FindById(storyline.Id)!.OpensAtLatest));
        page.WaitForAssertion(() => Assert.Contains("Timeline opens at", page.Markup)); // the change in its history
        Assert.True(Service<Timeline.Core.Reading.TimelineQueries>().GetStorylines().Single(e => e.Id == storyline.Id).OpensAtLatest);
    }
}

public sealed class UsersPageTests(TimelineWebFactory factory) : CuratorPageContext(factory, "bunit-admin", Timeline.Core.Domain.CuratorRoles.Admin), IClassFixture<TimelineWebFactory>
{
    [Fact]
    public void An_admin_creates_an_account_after_a_too_short_password_is_refused_with_the_name_kept()
    {
        var page = Render<UsersPage>();
        page.WaitForAssertion(() => Assert.Contains("bunit-admin", page.Markup));

        page.Find("#new-user").Input("bunit-new-editor");
        page.Find("#new-password").Input("short");
        page.Find("form.account-create, .account-create form").Submit();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".account-create .field-error")));
        Assert.Equal("bunit-new-editor", page.Find("#new-user").GetAttribute("value"));
        Assert.DoesNotContain(page.FindAll("td, th, li"), e => e.TextContent.Trim() == "bunit-new-editor");

        page.Find("#new-password").Input("a long enough password for bunit");
        page.Find(".account-create form").Submit();
        page.WaitForAssertion(() => Assert.Contains(Services.GetRequiredService<ISnackbar>().ShownSnackbars, s => s.Message!.StartsWith("Account created")));
        Assert.Empty(page.FindAll(".account-create .field-error"));
        Assert.Equal("", page.Find("#new-user").GetAttribute("value") ?? "");
        Assert.Contains("bunit-new-editor", page.Markup);
    }
}

public sealed class LinkPanelTests(TimelineWebFactory factory) : CuratorPageContext(factory, "bunit-linker"), IClassFixture<TimelineWebFactory>
{
    private static void FindArticles(IRenderedComponent<Timeline.Web.Components.Curate.LinkPanel> panel, string words)
    {
        panel.Find("#link-search").Change(words);
        panel.Find("#link-search").Closest("form")!.Submit();
        panel.WaitForAssertion(() => Assert.NotEmpty(panel.FindAll("button.link-button")));
    }

    [Fact]
    public async Task Find_an_article_take_the_selected_passage_link_with_a_role_change_the_note_and_unlink_after_confirming()
    {
        var eventId = await CreateEventAsync("Bunit: an event to source");
        var dialogs = Render<MudDialogProvider>(); // the panel sits inside a page, which hosts the providers
        var panel = Render<Timeline.Web.Components.Curate.LinkPanel>(p => p.Add(c => c.EventId, eventId));
        panel.WaitForAssertion(() => Assert.Contains("No article backs this event yet", panel.Markup));

        FindArticles(panel, "Kerry");
        var article = panel.FindAll("button.link-button")[0].TextContent;
        panel.FindAll("button.link-button")[0].Click();
        panel.WaitForAssertion(() => Assert.NotEmpty(panel.FindAll("#link-article-text p")));
        var passage = panel.FindAll("#link-article-text p").Select(p => p.TextContent).First(t => t.Length > 40);

        // "Use selected text" asks the browser for the selection inside the article's text.
        JSInterop.Setup<string>("timelineCurate.selectedTextWithin", "link-article-text").SetResult("  " + passage + "\n");
        panel.FindAll("button").Single(b => b.TextContent == "Use selected text").Click();
        Assert.Equal(passage, panel.Find("#link-passage").GetAttribute("value"));
        Choose(panel, "link-role", Timeline.Core.Domain.LinkRole.Confirmation);
        panel.Find("#link-passage").Closest("form")!.Submit();

        panel.WaitForAssertion(() => Assert.Single(panel.FindAll(".link-row")));
        Assert.Contains(article, panel.Find(".link-row").TextContent);
        Assert.Equal(passage, panel.Find(".link-row blockquote").TextContent);
        var stored = Assert.Single(Service<LinkEditor>().ForEvent(eventId));
        Assert.Equal((Timeline.Core.Domain.LinkRole.Confirmation, passage), (stored.Role, stored.Passage));

        panel.FindAll(".link-row button").Single(b => b.TextContent == "Change").Click();
        panel.Find("#link-note").Input("Checked against the wire copy.");
        panel.Find("#link-passage").Closest("form")!.Submit();
        panel.WaitForAssertion(() => Assert.Contains("Note: Checked against the wire copy.", panel.Find(".link-row").TextContent));

        panel.FindAll(".link-row button").Single(b => b.TextContent == "Unlink").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("will no longer be linked", dialogs.Find(".mud-dialog").TextContent));
        dialogs.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Unlink").Click();
        panel.WaitForAssertion(() => Assert.Empty(panel.FindAll(".link-row")));
        Assert.Empty(Service<LinkEditor>().ForEvent(eventId));
    }

    [Fact]
    public async Task Use_selected_text_with_nothing_selected_warns_and_changes_nothing()
    {
        var eventId = await CreateEventAsync("Bunit: nothing selected");
        var panel = Render<Timeline.Web.Components.Curate.LinkPanel>(p => p.Add(c => c.EventId, eventId));
        FindArticles(panel, "Kerry");
        panel.FindAll("button.link-button")[0].Click();
        panel.Find("#link-passage").Input("typed by hand");

        JSInterop.Setup<string>("timelineCurate.selectedTextWithin", "link-article-text").SetResult("");
        panel.FindAll("button").Single(b => b.TextContent == "Use selected text").Click();

        Assert.Equal("typed by hand", panel.Find("#link-passage").GetAttribute("value"));
        Assert.Contains(Services.GetRequiredService<ISnackbar>().ShownSnackbars, s => s.Message!.StartsWith("No text selected"));
    }
}

public sealed class ArticleEditorPageTests(TimelineWebFactory factory) : CuratorPageContext(factory, "bunit-article-editor"), IClassFixture<TimelineWebFactory>
{
    [Fact]
    public void Metadata_with_an_empty_outlet_is_refused_with_the_input_kept_and_a_fixed_one_is_saved()
    {
        var articles = Service<ArticleEditor>();
        var page = Render<ArticleEditorPage>(p => p.Add(c => c.Id, 2));
        page.WaitForAssertion(() => Assert.NotEmpty(page.Find("#article-title").GetAttribute("value") ?? ""));
        var outlet = articles.Load(2)!.Outlet;

        page.Find("#article-title").Input("A headline changed in bUnit");
        page.Find("#article-outlet").Input("   ");
        page.Find("form.curate-form").Submit();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("#article-outlet-error")));
        Assert.Equal("A headline changed in bUnit", page.Find("#article-title").GetAttribute("value"));
        Assert.Equal(outlet, articles.Load(2)!.Outlet);
        Assert.NotEqual("A headline changed in bUnit", articles.Load(2)!.Title);

        page.Find("#article-outlet").Input(outlet);
        page.Find("form.curate-form").Submit();
        page.WaitForAssertion(() => Assert.Equal("A headline changed in bUnit", articles.Load(2)!.Title));
        // "Saved" is said once the search index and the caches have followed the write: a moment after it (seen in CI).
        page.WaitForAssertion(() => Assert.Contains(Services.GetRequiredService<ISnackbar>().ShownSnackbars, s => s.Message!.StartsWith("Saved")), TimeSpan.FromSeconds(5));
    }
}
