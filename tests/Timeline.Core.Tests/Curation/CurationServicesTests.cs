using Timeline.Core.Importing;
using Timeline.Core.Curation;
using Timeline.Core.Dates;
using Timeline.Core.Domain;
using Timeline.Core.Reading;
using Timeline.Core.Search;
using Timeline.Tests.Support;

namespace Timeline.Core.Tests.Curation;

public sealed class CurationServicesTests : IAsyncLifetime
{
    private TestStore database = null!;
    private CountingListener listener = null!;
    private EventEditor events = null!;
    private ArticleEditor articles = null!;
    private LinkEditor links = null!;
    private CurationHistory history = null!;
    private TimelineQueries queries = null!;

    public async Task InitializeAsync()
    {
        database = await TestStore.CreateSeededAsync();
        listener = database.Listener;
        events = database.Events();
        articles = database.Articles();
        links = database.Links();
        history = database.History();
        queries = database.Queries();
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    private static EventForm NewEvent(string title = "Residents return to the Jenin camp") => new()
    {
        Title = title, Summary = "Families returned.", Status = EventStatus.Published,
        Start = new PartialDateInput { Precision = DatePrecision.Month, Year = 2023, Month = 7 },
        Topics = ["Reconstruction", "security coordination"],
    };

    private async Task<Saved> CreateAsync(EventForm form) => Assert.IsType<Saved>(await events.SaveAsync(form, "ada"));

    [Fact]
    public async Task Creating_an_event_makes_its_slug_reuses_tags_and_records_a_revision()
    {
        var saved = await CreateAsync(NewEvent());
        Assert.Equal("2023-07-residents-return-to-the-jenin-camp", saved.Slug);
        Assert.Equal(1, listener.Count);

        var page = queries.FindEvent(saved.Slug!).Page!;
        Assert.Equal("July 2023", page.Start.Format());
        Assert.Contains(page.Tags, t => t.Name == "Security coordination"); // the seeds' tag, not a second one
        Assert.Contains(page.Tags, t => t.Name == "Reconstruction");

        var entry = Assert.Single(history.ForEvent(saved.Id));
        Assert.Equal(("created", "ada", false), (entry.Action, entry.ChangedBy, entry.CanRestore));
        Assert.Contains(entry.Changes, c => c.Label == "Title" && c.After == "Residents return to the Jenin camp");

        // The same title and date again gets the next free slug.
        Assert.Equal("2023-07-residents-return-to-the-jenin-camp-2", (await CreateAsync(NewEvent())).Slug);
    }

    [Fact]
    public async Task Every_edit_is_a_revision_with_a_diff_and_an_earlier_version_can_be_restored()
    {
        var saved = await CreateAsync(NewEvent());
        var form = events.Load(saved.Id)!;
        form.Title = "Residents return to the damaged Jenin camp";
        form.Summary = "Families returned to damaged homes.";
        var edited = Assert.IsType<Saved>(await events.SaveAsync(form, "bea"));

        var entries = history.ForEvent(saved.Id);
        Assert.Equal(["edited", "created"], entries.Select(e => e.Action));
        Assert.Equal("Edited title, summary", entries[0].Description);
        var summary = entries[0].Changes.Single(c => c.Label == "Summary");
        Assert.Contains(new DiffPiece(DiffPieceKind.Added, " to damaged homes"), summary.Pieces);

        var restored = Assert.IsType<Saved>(await events.RestoreRevisionAsync(saved.Id, entries[1].Id, "cy"));
        Assert.True(restored.Version > edited.Version);
        var now = events.Load(saved.Id)!;
        Assert.Equal(("Residents return to the Jenin camp", "Families returned."), (now.Title, now.Summary));
        var after = history.ForEvent(saved.Id);
        Assert.Equal(("restored", "cy", 3), (after[0].Action, after[0].ChangedBy, after.Count));
        Assert.StartsWith("Restored the version of", after[0].Description);
    }

    [Fact]
    public async Task Saving_an_unchanged_form_writes_nothing()
    {
        var saved = await CreateAsync(NewEvent());
        var outcome = Assert.IsType<Saved>(await events.SaveAsync(events.Load(saved.Id)!, "ada"));
        Assert.True(outcome.Unchanged);
        Assert.Single(history.ForEvent(saved.Id));
    }

    [Fact]
    public async Task A_seeded_event_gets_a_baseline_revision_so_its_original_can_be_restored()
    {
        const string slug = "2014-04-09-kerry-tells-liberman-he-did-not-blame-israel";
        var id = queries.FindEvent(slug).Page!.Id;
        var form = events.Load(id)!;
        var originalTitle = form.Title;
        form.Title = "Changed";
        await events.SaveAsync(form, "ada");

        var entries = history.ForEvent(id);
        Assert.Equal(["edited", "recorded"], entries.Select(e => e.Action));
        Assert.IsType<Saved>(await events.RestoreRevisionAsync(id, entries[1].Id, "ada"));
        Assert.Equal(originalTitle, events.Load(id)!.Title);
    }

    [Fact]
    public async Task A_changed_slug_keeps_the_old_one_as_a_redirect_and_taking_it_back_works()
    {
        var saved = await CreateAsync(NewEvent());
        var form = events.Load(saved.Id)!;
        form.Slug = "jenin-camp-return";
        Assert.Equal("jenin-camp-return", Assert.IsType<Saved>(await events.SaveAsync(form, "ada")).Slug);

        var old = queries.FindEvent(saved.Slug!);
        Assert.Equal((null, "jenin-camp-return"), (old.Page, old.MovedTo));

        // Back to the first slug: it is the event's own again, and the second one redirects.
        form = events.Load(saved.Id)!;
        form.Slug = saved.Slug!;
        Assert.IsType<Saved>(await events.SaveAsync(form, "ada"));
        Assert.NotNull(queries.FindEvent(saved.Slug!).Page);
        Assert.Equal(saved.Slug, queries.FindEvent("jenin-camp-return").MovedTo);
    }

    [Fact]
    public async Task A_slug_of_another_event_current_or_former_is_refused()
    {
        var first = await CreateAsync(NewEvent("First"));
        var second = await CreateAsync(NewEvent("Second"));
        var form = events.Load(second.Id)!;
        form.Slug = first.Slug!;
        var invalid = Assert.IsType<Invalid>(await events.SaveAsync(form, "ada"));
        Assert.Contains("already the address", invalid.Errors.For("slug"));

        var firstForm = events.Load(first.Id)!;
        firstForm.Slug = "first-renamed";
        await events.SaveAsync(firstForm, "ada");
        form = events.Load(second.Id)!;
        form.Slug = first.Slug!; // now a former address of the first event
        Assert.IsType<Invalid>(await events.SaveAsync(form, "ada"));
    }

    [Fact]
    public async Task A_stale_save_is_a_conflict_that_shows_the_stored_version_and_changes_nothing()
    {
        var saved = await CreateAsync(NewEvent());
        var mine = events.Load(saved.Id)!;
        var original = mine.Clone();
        var theirs = events.Load(saved.Id)!;
        theirs.Title = "Their title";
        Assert.IsType<Saved>(await events.SaveAsync(theirs, "bea"));

        mine.Summary = "My summary";
        var conflict = Assert.IsType<Conflict>(await events.SaveAsync(mine, "ada"));
        Assert.Equal(("Their title", "bea"), (conflict.Current.Title, conflict.ChangedBy));
        Assert.Equal("My summary", mine.Summary);
        Assert.Equal("Families returned.", events.Load(saved.Id)!.Summary);

        var merged = EventMerge.Apply(mine, original, conflict.Current, new HashSet<string>());
        Assert.IsType<Saved>(await events.SaveAsync(merged, "ada"));
        var stored = events.Load(saved.Id)!;
        Assert.Equal(("Their title", "My summary"), (stored.Title, stored.Summary));
    }

    [Fact]
    public async Task Invalid_input_writes_nothing_and_hostile_text_is_stored_as_typed()
    {
        Assert.Equal(0, database.Store.Revisions.Count());
        var bad = NewEvent();
        bad.Title = "";
        Assert.IsType<Invalid>(await events.SaveAsync(bad, "ada"));
        var unknownStoryline = NewEvent();
        unknownStoryline.StorylineId = 9999;
        Assert.Equal("That storyline no longer exists; choose another.", Assert.IsType<Invalid>(await events.SaveAsync(unknownStoryline, "ada")).Errors.For("era"));

        const string hostile = "<script>alert(1)</script> [x](javascript:alert(1)) \u202Eשלום\u0007";
        var form = NewEvent(hostile);
        form.Summary = hostile;
        var saved = await CreateAsync(form);
        var stored = events.Load(saved.Id)!;
        Assert.Equal((hostile, hostile), (stored.Title, stored.Summary));
        Assert.Equal(1, database.Store.Revisions.Count());
        Assert.Equal(1, listener.Count); // only the valid save announced a change
    }

    [Fact]
    public async Task The_trash_hides_an_event_everywhere_public_and_restores_it_as_a_draft()
    {
        var saved = await CreateAsync(NewEvent());
        var version = events.Load(saved.Id)!.Version;
        Assert.IsType<Saved>(await events.DeleteAsync(saved.Id, version, "ada"));
        Assert.Null(queries.FindEvent(saved.Slug!).Page);
        Assert.Null(events.Load(saved.Id));
        Assert.DoesNotContain((database.Search().Search("Jenin camp")).Hits, h => h.Title == "Residents return to the Jenin camp");
        Assert.IsType<Missing>(await events.DeleteAsync(saved.Id, version, "ada"));

        Assert.IsType<Saved>(await events.RestoreFromTrashAsync(saved.Id, "bea"));
        var restored = events.Load(saved.Id)!;
        Assert.Equal(EventStatus.Draft, restored.Status);
        Assert.Null(queries.FindEvent(saved.Slug!).Page); // a draft is not public
        Assert.Equal(["restored", "deleted", "created"], history.ForEvent(saved.Id).Select(e => e.Action));
    }

    [Fact]
    public async Task An_article_is_imported_once_and_its_metadata_edits_are_revisions()
    {
        var form = ArticleImportReader.ReadPasted("Jenin residents return home\nResidents returned on Wednesday to the camp.\nCrews said power would take weeks.").Form!;
        form.Outlet = "Gazette";
        form.Published = new PartialDateInput { Precision = DatePrecision.Day, Year = 2023, Month = 7, Day = 5 };
        var saved = Assert.IsType<Saved>(await articles.ImportAsync(form, "ada"));

        var again = ArticleImportReader.ReadPasted("Jenin residents return home\nResidents returned on Wednesday to the camp.\nCrews said power would take weeks.").Form!;
        again.Outlet = "Other";
        again.Published = form.Published;
        var duplicate = Assert.IsType<Duplicate>(await articles.ImportAsync(again, "bea"));
        Assert.Equal((saved.Id, "Jenin residents return home"), (duplicate.ExistingId, duplicate.ExistingTitle));
        Assert.NotNull(articles.FindDuplicate(form.Body));

        var edit = articles.Load(saved.Id)!;
        edit.Url = "javascript:alert(1)";
        Assert.Contains("https://", Assert.IsType<Invalid>(await articles.UpdateAsync(edit, "ada")).Errors.For("url"));
        edit.Url = "https://gazette.example/return";
        edit.Outlet = "The Gazette";
        Assert.IsType<Saved>(await articles.UpdateAsync(edit, "ada"));
        var entries = history.ForArticle(saved.Id);
        Assert.Equal(["edited", "imported"], entries.Select(e => e.Action));
        Assert.Equal(["Outlet", "Address (URL)"], entries[0].Changes.Select(c => c.Label));

        var (rows, total, _) = articles.List("power would");
        Assert.Equal((1, saved.Id), (total, rows.Single().Id)); // found by its text through the full-text index
        Assert.Equal(1, articles.List("Gazette").Total);
    }

    [Fact]
    public async Task Links_need_a_passage_from_the_article_and_each_change_is_in_both_histories()
    {
        var ev = await CreateAsync(NewEvent());
        var article = articles.List("Jenin").Rows.First();
        var body = articles.Load(article.Id)!.Body;
        var sentence = body.Split('\n')[0];

        var missing = Assert.IsType<Invalid>(await links.SaveAsync(new LinkForm { EventId = ev.Id, ArticleId = article.Id, Passage = "Words the article never said." }, "ada"));
        Assert.Contains("not in the article's text word for word", missing.Errors.For("passage"));
        Assert.Contains("Select or paste", Assert.IsType<Invalid>(await links.SaveAsync(new LinkForm { EventId = ev.Id, ArticleId = article.Id }, "ada")).Errors.For("passage"));

        var link = Assert.IsType<Saved>(await links.SaveAsync(new LinkForm { EventId = ev.Id, ArticleId = article.Id, Role = LinkRole.Background, Passage = "  " + sentence.Replace(" ", "\n\n") + " " }, "ada"));
        Assert.Equal(sentence, links.ForEvent(ev.Id).Single().Passage); // stored as the article has it
        var page = queries.FindEvent(ev.Slug!).Page!;
        Assert.Equal(LinkRole.Background, page.Sources.Single().Role);

        Assert.Contains("already linked", Assert.IsType<Invalid>(await links.SaveAsync(new LinkForm { EventId = ev.Id, ArticleId = article.Id, Passage = sentence }, "ada")).Errors.For("article"));

        Assert.IsType<Saved>(await links.SaveAsync(new LinkForm { Id = link.Id, Role = LinkRole.Confirmation, Passage = sentence, Note = "Checked" }, "bea"));
        Assert.IsType<Saved>(await links.UnlinkAsync(link.Id, "cy"));
        Assert.Empty(queries.FindEvent(ev.Slug!).Page!.Sources);

        var eventHistory = history.ForEvent(ev.Id);
        Assert.Equal(["unlinked", "link edited", "linked", "created"], eventHistory.Select(e => e.Action));
        Assert.Equal(["Role", "Note"], eventHistory[1].Changes.Select(c => c.Label));
        Assert.Equal(["unlinked", "link edited", "linked"], history.ForArticle(article.Id).Take(3).Select(e => e.Action));
    }

    [Fact]
    public async Task Editing_a_seeded_link_records_its_original_first_so_the_diff_shows_only_the_change()
    {
        var id = queries.FindEvent("2014-04-09-kerry-tells-liberman-he-did-not-blame-israel").Page!.Id;
        var seeded = links.ForEvent(id).First();
        Assert.IsType<Saved>(await links.SaveAsync(new LinkForm { Id = seeded.Id, Role = seeded.Role, Passage = seeded.Passage, Note = "Checked against the transcript" }, "ada"));

        var entries = history.ForEvent(id);
        Assert.Equal(["link edited", "recorded"], entries.Select(e => e.Action));
        Assert.Equal(["Note"], entries[0].Changes.Select(c => c.Label));
    }

    [Fact]
    public async Task Storylines_are_created_with_a_fixed_slug_and_edited_with_revisions()
    {
        var storylines = database.Storylines();
        var form = new StorylineForm
        {
            Title = "The 2023 Jenin reconstruction", Colour = "#2A7F62", Description = "Rebuilding the camp.",
            Start = new PartialDateInput { Precision = DatePrecision.Month, Year = 2023, Month = 7 },
            End = new PartialDateInput { Precision = DatePrecision.Year, Year = 2024 },
        };
        var saved = Assert.IsType<Saved>(await storylines.SaveAsync(form, "ada"));
        Assert.Equal("the-2023-jenin-reconstruction", saved.Slug);
        // Readers see a storyline once a published event is filed under it.
        Assert.DoesNotContain(queries.GetStorylines(), e => e.Slug == saved.Slug);
        var filed = NewEvent();
        filed.StorylineId = saved.Id;
        await CreateAsync(filed);
        queries.ForgetFacets();
        Assert.Contains(queries.GetStorylines(), e => e.Slug == saved.Slug);

        var edit = storylines.Load(saved.Id)!;
        Assert.Equal("#2a7f62", edit.Colour);
        edit.Title = "Rebuilding Jenin camp";
        edit.Slug = "ignored-after-creation";
        Assert.Equal("the-2023-jenin-reconstruction", Assert.IsType<Saved>(await storylines.SaveAsync(edit, "bea")).Slug);
        var entries = history.ForStoryline(saved.Id);
        Assert.Equal(["edited", "created"], entries.Select(e => e.Action));
        Assert.Equal(["Title"], entries[0].Changes.Select(c => c.Label));

        var bad = new StorylineForm
        {
            Title = "Bad", Slug = saved.Slug!, Colour = "red;background:url(x)",
            Start = new PartialDateInput { Precision = DatePrecision.Year, Year = 2024 },
            End = new PartialDateInput { Precision = DatePrecision.Year, Year = 2020 },
        };
        var errors = Assert.IsType<Invalid>(await storylines.SaveAsync(bad, "ada")).Errors;
        Assert.Contains("#rrggbb", errors.For("colour"));
        Assert.Contains("before the start", errors.For("end"));
    }

    /// <summary>Every row of a keyset-paged list, page after page.</summary>
    private static List<TRow> AllPages<TRow>(Func<string?, KeysetPage<TRow>> load)
    {
        var rows = new List<TRow>();
        string? after = null;
        do
        {
            var page = load(after);
            rows.AddRange(page.Rows);
            after = page.Next;
        } while (after is not null);
        return rows;
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData(null, EventStatus.Draft)]
    [InlineData("ordered", null)]
    [InlineData("ordered", EventStatus.Published)]
    public async Task Curator_event_lists_page_newest_first_or_oldest_first_in_date_order(string? query, EventStatus? status)
    {
        // More than two pages, with dates out of creation order and half of them drafts.
        for (var i = 0; i < 2 * CuratorEventList.PageSize + 3; i++)
        {
            var form = NewEvent($"Ordered event {i}");
            form.Start = new PartialDateInput { Precision = DatePrecision.Month, Year = 1990 + (i * 7) % 53, Month = 1 + i % 12 };
            form.Status = i % 2 == 0 ? EventStatus.Published : EventStatus.Draft;
            await CreateAsync(form);
        }
        var eventList = database.EventList();

        var newest = AllPages(after => eventList.List(query, status, after));
        var oldest = AllPages(after => eventList.List(query, status, after, oldestFirst: true));

        var total = eventList.List(query, status).Total;
        Assert.True(total > CuratorEventList.PageSize, $"only {total} rows");
        Assert.Equal(total, newest.Count);
        Assert.Equal(total, newest.Select(r => r.Id).Distinct().Count());
        Assert.Equal(newest.Select(r => r.Id).Reverse(), oldest.Select(r => r.Id));
        Assert.Equal(oldest.Select(r => r.Start.Value).Order(), oldest.Select(r => r.Start.Value));
        if (status is { } wanted)
            Assert.All(oldest, r => Assert.Equal(wanted, r.Status));
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData(null, true)]
    [InlineData("ordered", false)]
    [InlineData("ordered", true)]
    public async Task Article_lists_page_newest_first_or_oldest_first_by_publication(string? query, bool unlinkedOnly)
    {
        // More than two pages, published out of import order; none linked.
        for (var i = 0; i < 2 * ArticleEditor.PageSize + 3; i++)
        {
            var form = ArticleImportReader.ReadPasted($"Ordered article {i}\nThe text of ordered article number {i}.").Form!;
            form.Outlet = "Gazette";
            form.Published = new PartialDateInput { Precision = DatePrecision.Day, Year = 1990 + (i * 7) % 53, Month = 1 + i % 12, Day = 1 + i % 28 };
            Assert.IsType<Saved>(await articles.ImportAsync(form, "ada"));
        }

        var newest = AllPages(after => articles.List(query, after, unlinkedOnly));
        var oldest = AllPages(after => articles.List(query, after, unlinkedOnly, oldestFirst: true));

        var total = articles.List(query, null, unlinkedOnly).Total;
        Assert.True(total > 2 * ArticleEditor.PageSize, $"only {total} rows");
        Assert.Equal(total, newest.Count);
        Assert.Equal(total, newest.Select(r => r.Id).Distinct().Count());
        Assert.Equal(newest.Select(r => r.Id).Reverse(), oldest.Select(r => r.Id));
        Assert.Equal(oldest.Select(r => r.Published.Value).Order(), oldest.Select(r => r.Published.Value));
    }
}
