using Timeline.Core.Importing;
using Timeline.Core.Addresses;
using Microsoft.Extensions.Caching.Memory;
using Timeline.Core.Curation;
using Timeline.Core.Dates;
using Timeline.Core.Domain;
using Timeline.Core.Publishing;
using Timeline.Core.Reading;
using Timeline.Core.Storage;
using Timeline.Tests.Support;

namespace Timeline.Core.Tests.Publishing;

/// <summary>TimelineJS files written from the documented format (Fixtures/timelinejs), imported into real stores.</summary>
public sealed class TimelineJsImportTests
{
    private static TimelineJsFile Fixture(string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "timelinejs", name);
        return TimelineJsReader.Read(File.ReadAllText(path), Path.GetFileName(path));
    }

    private static TimelineJsImporter Importer(TestStore store) => new(store.Store, store.Listener, TimeProvider.System);

    private static Event EventTitled(TestStore store, string title) => store.Store.Events.FindOne(e => e.Title == title);

    [Theory]
    [InlineData("newsroom.json")]
    [InlineData("newsroom.csv")]
    public async Task The_preview_counts_and_names_what_is_dropped_before_anything_is_stored(string file)
    {
        await using var store = TestStore.CreateEmpty();
        var preview = Importer(store).Preview(Fixture(file), new());

        Assert.Empty(preview.Errors);
        Assert.True(preview.CanImport);
        Assert.Equal(4, preview.Events.Count);
        Assert.Equal(["gaza-ceasefire-talks", "first-round"], preview.Storylines.Select(s => s.Slug));
        Assert.Equal(1, preview.Media);
        var dropped = string.Join("\n", preview.Dropped.Select(d => $"{d.Entry}: {d.Message}"));
        Assert.Contains("scripts", dropped);
        Assert.Contains("event handler attributes", dropped);
        Assert.Contains("not http, https or mailto", dropped);
        Assert.Contains("background", dropped);
        Assert.Contains("seconds are not kept", dropped);
        Assert.Contains("thumbnail", dropped);
        Assert.Equal(0, store.Store.Events.Count()); // a preview stores nothing
        Assert.Equal(0, store.Store.Storylines.Count());
    }

    [Theory]
    [InlineData("newsroom.json")]
    [InlineData("newsroom.csv")]
    public async Task Events_keep_the_precision_their_parts_give_as_safe_markdown_drafts_in_their_storylines(string file)
    {
        await using var store = TestStore.CreateEmpty();
        var result = await Importer(store).ImportAsync(Fixture(file), new(), "ada");
        Assert.Equal(4, result.EventsCreated);
        Assert.Equal(2, result.StorylinesCreated);

        var yearOnly = EventTitled(store, "Talks are first proposed");
        Assert.Equal(PartialDate.Year(2023), yearOnly.Start);
        Assert.Equal(EventStatus.Draft, yearOnly.Status);
        Assert.Equal("A **year-only** date.", yearOnly.Summary);
        Assert.Contains("Diplomacy", store.Store.Tags.FindByIds(yearOnly.TagIds).Select(t => t.Name)); // group becomes a topic
        if (file.EndsWith(".json"))
            Assert.Equal("talks-first-proposed", yearOnly.Slug); // a valid unique_id becomes the slug

        var monthOnly = EventTitled(store, "Delegations meet in Cairo");
        Assert.Equal(PartialDate.Month(2024, 2), monthOnly.Start);
        Assert.DoesNotContain("script", monthOnly.Summary);
        Assert.DoesNotContain("javascript", monthOnly.Summary);
        Assert.DoesNotContain("onerror", monthOnly.Summary);
        Assert.Contains("[link](<https://news.example.org/cairo>)", monthOnly.Summary);
        Assert.Contains("- one\n- two", monthOnly.Summary);
        Assert.Contains("> A quote.", monthOnly.Summary);
        Assert.Equal(new EventMedia { Kind = MediaKind.Link, Url = "https://video.example.org/watch?v=42", Caption = "The meeting", Credit = "Example TV" },
            monthOnly.Media); // kept as a link, never embedded
        Assert.Null(yearOnly.Media);
        Assert.Equal("first-round", store.Store.Storylines.FindById(monthOnly.StorylineId!.Value).Slug); // its start lies in the storyline

        var timed = EventTitled(store, "Proposal accepted, then disputed");
        Assert.Equal(new PartialDate(new DateTime(2024, 5, 6, 14, 30, 0), DatePrecision.Minute), timed.Start);
        Assert.Equal(PartialDate.Day(2024, 5, 7), timed.End);
        Assert.StartsWith("*Date as the source timeline gave it: Spring 2024*", timed.Summary);
        Assert.Equal("2024-05-06-proposal-accepted-then-disputed", timed.Slug); // the invalid unique_id is not used

        var approximate = EventTitled(store, "Talks stall");
        Assert.Equal(PartialDate.Month(2024, 7, approximate: true), approximate.Start);
        Assert.Equal("first-round", store.Store.Storylines.FindById(approximate.StorylineId!.Value).Slug); // its group names the storyline

        var main = store.Store.StorylineBySlug("gaza-ceasefire-talks").Single();
        Assert.Equal("Gaza ceasefire talks", main.Title);
        Assert.Equal(PartialDate.Year(2023), main.Start);
        Assert.Equal(PartialDate.Day(2024, 5, 7), main.End);
        Assert.Equal("How the *2024* talks unfolded.", main.Description);
        var storyline = store.Store.StorylineBySlug("first-round").Single();
        Assert.Equal((PartialDate.Month(2024, 1), PartialDate.Month(2024, 3)), (storyline.Start, storyline.End));

        // Each created event has its revision, and is in the curators' lists (the derived keys were written).
        Assert.Equal(4, store.Store.Revisions.Count(r => r.Subject == RevisionSubject.Event && r.Action == TimelineJsImporter.Action));
        Assert.Equal(4, store.Store.CountOf(TimelineKeys.StatusCount(EventStatus.Draft)));
    }

    [Fact]
    public async Task Importing_the_same_file_twice_creates_nothing_twice_and_says_what_was_there()
    {
        await using var store = TestStore.CreateEmpty();
        await Importer(store).ImportAsync(Fixture("newsroom.json"), new(), "ada");
        var again = await Importer(store).ImportAsync(Fixture("newsroom.csv"), new(), "ada"); // the same timeline as a sheet

        Assert.Equal(4, store.Store.Events.Count());
        Assert.Equal(2, store.Store.Storylines.Count());
        Assert.Equal(4, again.Preview.AlreadyThere.Count);
        Assert.Contains("is already on the timeline as /events/talks-first-proposed", again.Preview.AlreadyThere[0].Message);
        Assert.False(again.Preview.CanImport);
        Assert.Null(again.EventsCreated);
    }

    [Fact]
    public async Task A_long_title_in_four_byte_characters_is_found_again_on_a_second_import()
    {
        // The longest title in four-byte characters (600 bytes of UTF-8) fits a LiteDB index key (1,023 bytes).
        var title = string.Concat(Enumerable.Repeat("\U0001F54A", 150));
        var json = $$"""{ "events": [ { "start_date": { "year": 2020 }, "text": { "headline": "{{title}}" } } ] }""";
        await using var store = TestStore.CreateEmpty();
        Assert.Equal(1, (await Importer(store).ImportAsync(TimelineJsReader.Read(json), new(), "ada")).EventsCreated);
        var again = await Importer(store).ImportAsync(TimelineJsReader.Read(json), new(), "ada");
        Assert.Single(again.Preview.AlreadyThere);
        Assert.Equal(1, store.Store.Events.Count());
    }

    [Fact]
    public async Task Publishing_the_batch_and_picking_a_storyline()
    {
        await using var store = await TestStore.CreateSeededAsync();
        var before = store.Store.Events.Count();
        var result = await Importer(store).ImportAsync(Fixture("newsroom.json"), new("2022-jenin-operation", Publish: true), "ada");

        Assert.Equal(4, result.EventsCreated);
        Assert.Equal(1, result.StorylinesCreated); // the storyline; the title slide is not made a storyline
        Assert.Contains(result.Preview.Dropped, d => d.Entry == "the title slide");
        var proposed = EventTitled(store, "Talks are first proposed");
        Assert.Equal(EventStatus.Published, proposed.Status);
        Assert.Equal("2022-jenin-operation", store.Store.Storylines.FindById(proposed.StorylineId!.Value).Slug);
        Assert.Equal(before + 4, store.Store.Events.Count());
    }

    [Fact]
    public async Task An_unknown_storyline_to_import_into_is_an_error()
    {
        await using var store = TestStore.CreateEmpty();
        var result = await Importer(store).ImportAsync(Fixture("newsroom.json"), new("no-such-storyline"), "ada");
        Assert.Contains(result.Preview.Errors, e => e.Message.Contains("no storyline \"no-such-storyline\""));
        Assert.Equal(0, store.Store.Events.Count());
    }

    [Fact]
    public async Task Each_bad_entry_gets_its_own_message_and_nothing_is_stored()
    {
        await using var store = TestStore.CreateEmpty();
        var result = await Importer(store).ImportAsync(Fixture("bad-entries.json"), new(), "ada");

        var errors = result.Preview.Errors.Select(e => $"{e.Entry}: {e.Message}").ToList();
        Assert.Contains("event 2: The start year -500 is outside 1–9999, the years the timeline can hold.", errors);
        Assert.Contains("event 3: The start year 10000 is outside 1–9999, the years the timeline can hold.", errors);
        Assert.Contains("event 4: The event has no headline: every event needs a title.", errors);
        Assert.Contains("event 5: The start date 2021-02-30 is not a real calendar date.", errors);
        Assert.Contains("event 6: The event has no start date: give it at least a year.", errors);
        Assert.DoesNotContain(errors, e => e.StartsWith("event 1:"));
        Assert.Null(result.EventsCreated);
        Assert.Equal(0, store.Store.Events.Count()); // the good one waits for the file to be fixed
        Assert.Equal(0, store.Store.Revisions.Count());
    }

    [Theory]
    [InlineData("truncated.json", "not valid JSON (line 1")]
    [InlineData("unclosed-quote.csv", "malformed")]
    [InlineData("not-the-template.csv", "not a TimelineJS spreadsheet")]
    [InlineData("lone-surrogate-headline.json", "Event 2: \"headline\" holds a \\u escape that is not a character")]
    [InlineData("lone-surrogate-year.json", "Event 1: \"year\" holds a \\u escape that is not a character")]
    public void A_broken_file_is_named_as_such(string file, string message)
    {
        var read = Fixture(file);
        Assert.NotNull(read.Problem);
        Assert.Contains(message, read.Problem);
    }

    [Fact]
    public async Task Short_rows_guarded_cells_and_a_blank_storyline_choice_are_read_as_meant()
    {
        const string csv = "Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text,Media,Media Credit\n" +
                           "2014,,,,,,,,,'-40° cold snap\n" + // a spreadsheet guard before "-", and a row shorter than the header
                           "2015,3,,,,,,,,Spring\n";
        await using var store = TestStore.CreateEmpty();
        var result = await Importer(store).ImportAsync(TimelineJsReader.Read(csv, "sheet.csv"), new(StorylineSlug: " "), "ada");
        Assert.Empty(result.Preview.Errors);
        Assert.Equal(2, result.EventsCreated);
        Assert.NotNull(EventTitled(store, "-40° cold snap"));
    }

    [Theory]
    [InlineData("{\"events\": 3}", "no \"events\" list")]
    [InlineData("[1, 2]", "not a TimelineJS timeline")]
    [InlineData("", "empty")]
    public void Other_shapes_are_refused(string text, string message) =>
        Assert.Contains(message, TimelineJsReader.Read(text, text.StartsWith('[') ? "x.json" : null).Problem);

    [Theory]
    [InlineData("json")]
    [InlineData("csv")]
    public async Task An_export_imports_back_with_the_same_events_dates_and_precisions(string format)
    {
        await using var source = await TestStore.CreateSeededAsync();
        var queries = new TimelineQueries(source.Store, source.Index, new MemoryCache(new MemoryCacheOptions()));
        var export = queries.Export(new TimelineViewState(), 5000);
        var links = new SiteLinks(new Uri("https://timeline.example.org/"));
        var text = format == "json"
            ? TimelineJsExport.ToJson(export, links)
            : TimelineJsExport.ToCsv(export, links);
        var file = Path.Combine(source.Folder, "export." + format);
        await File.WriteAllTextAsync(file, text);

        await using var target = TestStore.CreateEmpty();
        var result = await Importer(target).ImportAsync(TimelineJsReader.Read(await File.ReadAllTextAsync(file), file), new(Publish: true), "ada");

        Assert.Empty(result.Preview.Errors);
        var expected = export.Events.Select(e => (e.Event.Slug, e.Event.Title, e.Event.Start, e.Event.End, Storyline: e.Storyline?.Title)).ToList();
        var imported = target.Store.Events.FindAll().ToDictionary(e => e.Slug);
        Assert.Equal(expected.Count, imported.Count);
        Assert.Contains(expected, e => e.Start.Approximate); // the seeds have approximate dates, and they survive
        Assert.Contains(expected, e => e.Start.Precision == DatePrecision.Month);
        foreach (var (slug, title, start, end, storyline) in expected)
        {
            var back = imported[slug];
            Assert.Equal((title, start, end), (back.Title, back.Start, back.End));
            Assert.Equal(storyline, back.StorylineId is { } id ? target.Store.Storylines.FindById(id).Title : null);
        }
    }
}
