using Timeline.Core.Curation;
using Timeline.Core.Dates;
using Timeline.Core.Domain;
using Timeline.Core.Reading;
using Timeline.Core.Seeding;
using Timeline.Core.Storage;
using Timeline.Tests.Support;

namespace Timeline.Core.Tests.Curation;

/// <summary>
/// The evidence as data, on a real store seeded from seeds/: where the sources differ (kept with the event, its
/// revisions, conflicts and restores), each source's own date (on the link), single-sourced events, and public
/// corrections and updates.
/// </summary>
public sealed class SourcesAsDataTests : IAsyncLifetime
{
    private const string HaltSlug = "2023-01-26-the-palestinian-authority-declares-security-coordination-over";
    private const string RaidSlug = "2023-01-26-idf-raid-on-the-jenin-refugee-camp-kills-nine-palestinians";
    private TestStore database = null!;
    private EventEditor events = null!;
    private LinkEditor links = null!;

    public async Task InitializeAsync()
    {
        database = await TestStore.CreateSeededAsync();
        events = database.Events();
        links = database.Links();
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    private TimelineStore Store => database.Store;

    private Event EventAt(string slug) => Store.Events.FindById(Store.Slugs.FindById(slug).EventId);

    private int ArticleOf(string outlet, Event ev) =>
        Store.LinksOfEvent(ev.Id).ToList().Select(l => Store.Articles.FindById(l.ArticleId)).Single(a => a.Outlet == outlet).Id;

    [Fact]
    public void The_seeded_disagreements_are_data_and_the_events_that_hold_them_are_counted_and_listed()
    {
        var halt = EventAt(HaltSlug);
        Assert.Equal(["The day", "Which court", "The words quoted"], halt.Differences.Select(d => d.Aspect));
        Assert.All(halt.Differences, d => Assert.Equal(2, d.Claims.Count));
        Assert.Contains(TimelineKeys.DifferFacet, halt.Facets);
        Assert.Equal(2, Store.CountOf(TimelineKeys.FacetCount(TimelineKeys.DifferFacet)));

        // Single-sourced: one outlet's articles, however many links (the 2014 events quote Ma'an and Arutz Sheva).
        Assert.Equal(9, Store.CountOf(TimelineKeys.FacetCount(TimelineKeys.SingleSourceFacet)));
        Assert.DoesNotContain(TimelineKeys.SingleSourceFacet, halt.Facets);

        // The halt's sources give different days for it: the dashboard lists it, and only it.
        var dashboard = database.Dashboard().Load();
        Assert.Equal([halt.Id], dashboard.DateDisputed.Select(e => e.Id));
        Assert.Equal((1, 9), (dashboard.DateDisputedCount, dashboard.SingleSourcedCount));
        Assert.Empty(StoreAudit.Check(Store));
    }

    [Fact]
    public void The_timeline_filters_to_events_whose_sources_differ_or_that_rest_on_one_source()
    {
        var queries = database.Queries();
        var differ = queries.GetWindow(new TimelineViewState { Differ = "1" }).Items;
        Assert.Equal([RaidSlug, HaltSlug], differ.Select(i => i.Slug));
        Assert.All(differ, i => Assert.True(i.SourcesDiffer));
        var single = queries.GetWindow(new TimelineViewState { Single = "1" }).Items;
        Assert.Equal(9, single.Count);
        Assert.All(single, i => Assert.Single(i.Outlets));
        Assert.Empty(queries.GetWindow(new TimelineViewState { Single = "1", Differ = "1" }).Items);
        Assert.Equal("?differ=1&single=1", TimelineViewState.Parse("single=on&differ=true").ToQueryString());
    }

    [Fact]
    public async Task A_difference_is_kept_with_the_event_its_history_and_restores_and_its_quotes_are_the_articles_words()
    {
        var raid = EventAt(RaidSlug);
        var form = events.Load(raid.Id)!;
        var win = ArticleOf("World Israel News", raid);
        var post = ArticleOf("The Jerusalem Post", raid);
        form.Differences.Add(new DifferenceForm
        {
            Aspect = "Who ordered it",
            Claims =
            [
                new ClaimForm { ArticleId = win, Quote = "The IDF raid, which was conducted by   Israeli forces on Thursday", Value = "IDF" },
                new ClaimForm { ArticleId = post, Quote = "during an Israeli military operation in Jenin Refugee Camp" },
                new ClaimForm(), // a blank row is dropped, not refused
            ],
        });
        var saved = Assert.IsType<Saved>(await events.SaveAsync(form, "ada"));

        var stored = Store.Events.FindById(raid.Id).Differences;
        Assert.Equal(2, stored.Count);
        // The quote as the article has it (whitespace from the form does not count), the value trimmed, none for none.
        Assert.Equal("The IDF raid, which was conducted by Israeli forces on Thursday", stored[1].Claims[0].Quote);
        Assert.Equal(("IDF", (string?)null), (stored[1].Claims[0].Value, stored[1].Claims[1].Value));

        var entries = database.History().ForEvent(raid.Id);
        Assert.Equal("Edited where the sources differ", entries[0].Description);
        var change = Assert.Single(entries[0].Changes);
        Assert.Contains("Who ordered it: World Israel News:", change.After);

        // Restoring the version before takes the new difference away again.
        Assert.IsType<Saved>(await events.RestoreRevisionAsync(raid.Id, entries[1].Id, "bea"));
        Assert.Single(Store.Events.FindById(raid.Id).Differences);

        // A stale form is a conflict on the differences like on any field.
        var stale = events.Load(raid.Id)!;
        var original = stale.Clone();
        var current = events.Load(raid.Id)!;
        current.Differences[0].Aspect = "The number killed";
        Assert.IsType<Saved>(await events.SaveAsync(current, "cy"));
        stale.Differences.Clear();
        var conflict = Assert.IsType<Conflict>(await events.SaveAsync(stale, "ada"));
        var field = Assert.Single(EventMerge.Compare(original, stale, conflict.Current), f => f.Key == "differences");
        Assert.True(field.NeedsChoice); // both changed it, differently: the editor chooses
        Assert.True(saved.Version > 0);
    }

    [Fact]
    public async Task A_difference_that_breaks_a_rule_is_refused_with_a_message_under_its_field_and_nothing_is_stored()
    {
        var raid = EventAt(RaidSlug);
        var win = ArticleOf("World Israel News", raid);
        var post = ArticleOf("The Jerusalem Post", raid);
        var unlinked = Store.Articles.FindAll().First(a => Store.LinkOf(raid.Id, a.Id).Count() == 0).Id;
        var before = Store.Events.FindById(raid.Id);

        async Task<FieldErrors> RefusedAsync(params DifferenceForm[] differences)
        {
            var form = events.Load(raid.Id)!;
            form.Differences = [.. differences];
            var invalid = Assert.IsType<Invalid>(await events.SaveAsync(form, "ada"));
            Assert.Equal(before.Version, Store.Events.FindById(raid.Id).Version);
            Assert.Single(Store.Events.FindById(raid.Id).Differences);
            return invalid.Errors;
        }
        DifferenceForm Of(string aspect, params ClaimForm[] claims) => new() { Aspect = aspect, Claims = [.. claims] };
        ClaimForm Win(string quote = "nine Palestinians were killed") => new() { ArticleId = win, Quote = quote };
        ClaimForm Post(string quote = "nine Palestinians, mostly gunmen") => new() { ArticleId = post, Quote = quote };

        Assert.NotNull((await RefusedAsync(Of("  ", Win(), Post()))).For("difference-0-aspect"));
        Assert.Contains("two sources", (await RefusedAsync(Of("The dead", Win()))).For("difference-0"));
        Assert.Contains("not in the article", (await RefusedAsync(Of("The dead", Win("eleven Palestinians were killed"), Post()))).For("difference-0-claim-0-quote"));
        Assert.Contains("not linked", (await RefusedAsync(Of("The dead", Win(), new ClaimForm { ArticleId = unlinked, Quote = "the" }))).For("difference-0-claim-1"));
        Assert.Contains("already quoted", (await RefusedAsync(Of("The dead", Win(), Win("eight of whom")))).For("difference-0-claim-1"));
        Assert.Contains("Choose the source", (await RefusedAsync(Of("The dead", Win(), new ClaimForm { Quote = "nine" }))).For("difference-0-claim-1"));
        Assert.Contains("at most 80", (await RefusedAsync(Of("The dead", Win(), new ClaimForm { ArticleId = post, Quote = "nine", Value = new string('9', 81) }))).For("difference-0-claim-1-value"));
        Assert.Contains("at most 100", (await RefusedAsync([.. Enumerable.Range(0, 200).Select(i => Of($"Aspect {i}", Win(), Post()))])).For("differences"));
    }

    [Fact]
    public async Task Hostile_text_in_a_difference_is_stored_exactly()
    {
        var raid = EventAt(RaidSlug);
        var form = events.Load(raid.Id)!;
        const string hostile = "<script>alert(1)</script> \u202Eevil\u202C javascript:alert(1)";
        form.Differences[0].Aspect = hostile;
        form.Differences[0].Claims[0].Value = hostile;
        Assert.IsType<Saved>(await events.SaveAsync(form, "ada"));
        var stored = Store.Events.FindById(raid.Id).Differences[0];
        Assert.Equal((hostile, hostile), (stored.Aspect, stored.Claims[0].Value));
    }

    [Fact]
    public async Task A_source_a_difference_quotes_cannot_be_unlinked_until_its_quotes_are_removed()
    {
        var halt = EventAt(HaltSlug);
        var win = ArticleOf("World Israel News", halt);
        var link = Store.LinkOf(halt.Id, win).Single();
        var invalid = Assert.IsType<Invalid>(await links.UnlinkAsync(link.Id, "ada"));
        Assert.Contains("“The day”, “Which court”, “The words quoted”", invalid.Errors.For("link"));
        Assert.NotNull(Store.Links.FindById(link.Id));

        var form = events.Load(halt.Id)!;
        form.Differences.Clear();
        Assert.IsType<Saved>(await events.SaveAsync(form, "ada"));
        Assert.IsType<Saved>(await links.UnlinkAsync(link.Id, "ada"));
        Assert.DoesNotContain(TimelineKeys.DifferFacet, Store.Events.FindById(halt.Id).Facets);
    }

    [Fact]
    public async Task A_sources_own_date_is_kept_on_the_link_with_its_revisions_and_marks_a_disagreement()
    {
        var raid = EventAt(RaidSlug);
        Assert.Null(raid.DateDisputedKey);
        var win = Store.LinkOf(raid.Id, ArticleOf("World Israel News", raid)).Single();
        var row = links.ForEvent(raid.Id).Single(r => r.Id == win.Id);
        var form = new LinkForm { Id = row.Id, EventId = row.EventId, ArticleId = row.ArticleId, Role = row.Role, Passage = row.Passage };

        // Prefilled from the date read in the passage ("on Thursday" in an article of Thursday 26 January 2023).
        Store.Write(tx => Store.ArticleDates.Upsert(new ArticleDates
        {
            Id = row.ArticleId,
            Mentions = [new DateMention
            {
                Text = "on Thursday", Length = 11, Date = PartialDate.Day(2023, 1, 26),
                Start = Store.ArticleText(row.ArticleId).IndexOf(row.Passage, StringComparison.Ordinal) + row.Passage.IndexOf("on Thursday", StringComparison.Ordinal),
            }],
        }));
        form.SuggestSourceDate(links.DateInPassage(row.ArticleId, row.Passage));
        Assert.True(form.HasSourceDate);
        Assert.Equal(("on Thursday", 26), (form.SourceDateWords, form.SourceDate.Day));
        Assert.IsType<Saved>(await links.SaveAsync(form, "ada"));
        Assert.Null(Store.Events.FindById(raid.Id).DateDisputedKey); // it agrees with the event

        form.SourceDate.Day = 25;
        form.SourceDateWords = "on Wednesday";
        Assert.IsType<Saved>(await links.SaveAsync(form, "ada"));
        Assert.NotNull(Store.Events.FindById(raid.Id).DateDisputedKey);
        var entry = database.History().ForEvent(raid.Id)[0];
        Assert.Contains(entry.Changes, c => c.Label == "Date this source gives" && c.After == "25 January 2023 (“on Wednesday”)");

        var page = database.Queries().FindEvent(RaidSlug).Page!;
        Assert.Equal(["World Israel News"], page.DatedSources.Select(s => s.Outlet));

        // A month agrees with a day inside it: compared at the coarser precision.
        form.SourceDate.Precision = DatePrecision.Month;
        Assert.IsType<Saved>(await links.SaveAsync(form, "ada"));
        Assert.Null(Store.Events.FindById(raid.Id).DateDisputedKey);
        Assert.Empty(database.Queries().FindEvent(RaidSlug).Page!.DatedSources);

        form.SourceDate.Year = null;
        Assert.Equal(PartialDateInput.YearMissing, Assert.IsType<Invalid>(await links.SaveAsync(form, "ada")).Errors.For("source-date"));
        Assert.Empty(StoreAudit.Check(Store));
    }

    [Fact]
    public async Task A_public_note_is_listed_while_its_event_is_published_and_never_for_a_draft()
    {
        var raid = EventAt(RaidSlug);
        var changes = new PublicChanges(Store);
        var form = events.Load(raid.Id)!;
        form.NoteKind = PublicNoteKind.Correction;
        Assert.Contains("readers see this text", Assert.IsType<Invalid>(await events.SaveAsync(form, "ada")).Errors.For("note"));

        form.NoteText = "  An earlier version gave the number injured as twelve.  ";
        Assert.IsType<Saved>(await events.SaveAsync(form, "ada")); // nothing else changed: the note is the change
        var listed = Assert.Single(changes.Page(null).Items);
        Assert.Equal((PublicNoteKind.Correction, "An earlier version gave the number injured as twelve.", RaidSlug),
            (listed.Note.Kind, listed.Note.Text, listed.EventSlug));
        Assert.Equal("Published a correction", database.History().ForEvent(raid.Id)[0].Description);
        Assert.Single(database.Queries().FindEvent(RaidSlug).Page!.Notes);

        // Withdrawn to a draft: the note goes from every list; published again, it is back.
        form = events.Load(raid.Id)!;
        form.Status = EventStatus.Draft;
        Assert.IsType<Saved>(await events.SaveAsync(form, "ada"));
        Assert.Empty(changes.Page(null).Items);
        form = events.Load(raid.Id)!;
        form.Status = EventStatus.Published;
        form.NoteKind = PublicNoteKind.Update;
        form.NoteText = "Published again.";
        Assert.IsType<Saved>(await events.SaveAsync(form, "ada"));
        Assert.Equal([PublicNoteKind.Update, PublicNoteKind.Correction], changes.Page(null).Items.Select(i => i.Note.Kind));

        // Keyset pages, newest first.
        var first = changes.Page(null, take: 1);
        Assert.Equal(PublicNoteKind.Update, Assert.Single(first.Items).Note.Kind);
        Assert.Equal(PublicNoteKind.Correction, Assert.Single(changes.Page(first.Next, take: 1).Items).Note.Kind);
        Assert.Null(changes.Page(first.Next, take: 1).Next);
        Assert.Equal(2, changes.Page("not-a-key").Items.Count);
    }

    [Fact]
    public async Task An_export_keeps_differences_source_dates_and_notes_and_imports_again_to_the_same()
    {
        var raid = EventAt(RaidSlug);
        var form = events.Load(raid.Id)!;
        form.NoteKind = PublicNoteKind.Update;
        form.NoteText = "Added the Jerusalem Post's count.";
        Assert.IsType<Saved>(await events.SaveAsync(form, "ada"));
        var folder = Path.Combine(database.Folder, "export");
        TimelineExport.Write(Store, folder);

        await using var again = TestStore.CreateEmpty();
        new SeedImporter(again.Store, TimeProvider.System).Import(SeedManifestLoader.Load(folder));
        Event In(TestStore db, string slug) => db.Store.Events.FindById(db.Store.Slugs.FindById(slug).EventId);
        string Describe(TestStore db, string slug) => string.Join("|", In(db, slug).Differences.Select(d =>
            d.Aspect + ":" + string.Join(",", d.Claims.Select(c => $"{db.Store.Articles.FindById(c.ArticleId).Outlet}={c.Quote}={c.Value}"))));
        Assert.Equal(Describe(database, HaltSlug), Describe(again, HaltSlug));
        Assert.Equal(Describe(database, RaidSlug), Describe(again, RaidSlug));
        Assert.Equal(In(database, HaltSlug).DateDisputedKey is null, In(again, HaltSlug).DateDisputedKey is null);
        var note = Assert.Single(new PublicChanges(again.Store).Page(null).Items);
        Assert.Equal("Added the Jerusalem Post's count.", note.Note.Text);
        Assert.Empty(StoreAudit.Check(again.Store));
    }
}
