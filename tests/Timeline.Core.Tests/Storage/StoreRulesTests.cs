using System.Globalization;
using LiteDB;
using Timeline.Core.Curation;
using Timeline.Core.Dates;
using Timeline.Core.Domain;
using Timeline.Core.Storage;
using Timeline.Tests.Support;

namespace Timeline.Core.Tests.Storage;

/// <summary>The rules of LiteDB 5.0.20 the store keeps (see TimelineStore), each proved on a real file.</summary>
public sealed class StoreRulesTests
{
    [Fact]
    public async Task A_second_store_on_the_same_file_is_refused_with_a_clear_message()
    {
        await using var database = TestStore.CreateEmpty();
        var error = Assert.Throws<StoreLockedException>(() => TimelineStore.Open(database.Path));
        Assert.Contains("is in use by another process", error.Message);
        Assert.Contains(database.Path, error.Message);
        // The first one is untouched and still writes.
        database.Store.Write(tx => tx.AddCount("test", 1));
        Assert.Equal(1, database.Store.Counts.FindById("test").N);
    }

    [Fact]
    public async Task Writes_may_not_nest_and_a_failed_write_stores_nothing()
    {
        await using var database = TestStore.CreateEmpty();
        var store = database.Store;
        var error = Assert.Throws<InvalidOperationException>(() => store.Write(tx =>
        {
            tx.AddCount("outer", 1);
            store.Write(inner => inner.AddCount("inner", 1));
        }));
        Assert.Contains("may not nest", error.Message);
        Assert.Null(store.Counts.FindById("outer"));
        Assert.Null(store.Counts.FindById("inner"));

        Assert.Throws<DivideByZeroException>(() => store.Write(tx =>
        {
            tx.AddCount("half", 1);
            _ = 1 / int.Parse("0", CultureInfo.InvariantCulture);
        }));
        Assert.Null(store.Counts.FindById("half"));
    }

    [Fact]
    public async Task Ids_are_given_by_the_store_in_order_and_never_zero()
    {
        await using var database = await TestStore.CreateSeededAsync();
        var store = database.Store;
        var events = store.Events.FindAll().Select(e => e.Id).Order().ToList();
        Assert.Equal(Enumerable.Range(1, events.Count), events);
        Assert.Equal(events.Count, store.Meta.FindById("seq:events").N);
        Assert.DoesNotContain(0, store.Links.FindAll().Select(l => l.Id));
        Assert.DoesNotContain(0L, store.Revisions.FindAll().Select(r => r.Id));
        var saved = Assert.IsType<Saved>(await database.Events().SaveAsync(new EventForm
        {
            Title = "Next", Start = new PartialDateInput { Precision = DatePrecision.Year, Year = 2020 },
        }, "ada"));
        Assert.Equal(events.Count + 1, saved.Id);
    }

    [Fact]
    public async Task Text_and_dates_come_back_exactly_as_stored()
    {
        await using var database = await TestStore.CreateSeededAsync();
        var store = database.Store;
        var moment = new DateTimeOffset(2014, 4, 9, 13, 45, 30, TimeSpan.FromHours(2)).AddTicks(1234567);
        var ev = new Event
        {
            Slug = "exact", Title = "  spaced title  ", Summary = "", Start = PartialDate.Parse("2013-07", approximate: true),
            End = PartialDate.Parse("2014-04-09T14:30"), Status = EventStatus.Published, CreatedBy = "", UpdatedBy = "\t",
            CreatedAt = moment, UpdatedAt = moment,
        };
        var stored = await database.AddEventAsync(ev, new EventArticleLink { ArticleId = 1, Passage = "  quoted passage  ", Note = "" });
        database.Reopen();
        stored = database.Store.Events.FindById(stored.Id);
        Assert.Equal(("  spaced title  ", "", "", "\t"), (stored.Title, stored.Summary, stored.CreatedBy, stored.UpdatedBy));
        Assert.Equal((DatePrecision.Month, true, "c. July 2013"), (stored.Start.Precision, stored.Start.Approximate, stored.Start.Format()));
        Assert.Equal((DatePrecision.Minute, "2014-04-09T14:30"), (stored.End!.Value.Precision, stored.End.Value.ToIsoString()));
        Assert.Equal((moment.Ticks, moment.Offset), (stored.CreatedAt.Ticks, stored.CreatedAt.Offset));
        var link = database.Store.LinksOfEvent(stored.Id).Single();
        Assert.Equal(("  quoted passage  ", ""), (link.Passage, link.Note));
    }

    [Fact]
    public async Task Slugs_and_keys_compare_ordinally()
    {
        await using var database = TestStore.CreateEmpty();
        var store = database.Store;
        Assert.Equal(CompareOptions.Ordinal, store.Database.Collation.SortOptions);
        // Under the default collation (culture, ignoring case) "Ab" and "ab" are one key and "a-b" sorts between them.
        store.Write(tx =>
        {
            foreach (var slug in new[] { "ab", "Ab", "a-b", "a b", "aB" })
                tx.Store.Slugs.Insert(new SlugRecord { Id = slug, EventId = 1, Current = true });
            foreach (var id in new[] { "f:e3", "f:e30", "f:e3a" })
                tx.AddCount(id, 1);
        });
        Assert.Equal(["Ab", "a b", "a-b", "aB", "ab"], store.Slugs.Query().OrderBy(s => s.Id).ToEnumerable().Select(s => s.Id));
        Assert.Equal(["f:e3", "f:e30", "f:e3a"], store.CountsStartingWith("f:e3").ToEnumerable().Select(c => c.Id));
        Assert.Empty(store.EventsByKey("e3:", "e3:~", descending: false).ToList());
    }

    [Fact]
    public async Task A_store_of_the_previous_version_is_upgraded_when_opened()
    {
        // Written by the app at store version 1 (the seeded timeline): tags had no name key yet.
        var folder = TestStore.NewFolder();
        Directory.CreateDirectory(folder);
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Fixtures", "store-v1.db"), TestStore.StoreFile(folder));
        using (var raw = new LiteDatabase($"Filename={TestStore.StoreFile(folder)}"))
        {
            Assert.Equal(1, raw.GetCollection("meta").FindById("version")["N"].AsInt64);
            Assert.False(raw.GetCollection("tags").FindAll().First().ContainsKey("NameKey"));
        }

        await using var database = TestStore.Open(folder);
        Assert.Equal(TimelineStore.CurrentVersion, database.Store.Version);
        Assert.Empty(StoreAudit.Check(database.Store));
        // The upgrade gave every tag its folded name key: found whatever the case.
        Assert.Equal("John Kerry", database.Store.Tags.FindOne(t => t.NameKey == Tag.NameKeyOf(TagKind.Actor, "JOHN KERRY"))?.Name);
        Assert.Equal(18, (database.Queries().GetWindow(new Timeline.Core.Reading.TimelineViewState())).Items.Count);
    }

    [Fact]
    public async Task Version_4_drops_the_month_counts_of_events_without_a_storyline_which_nothing_read()
    {
        await using var database = await TestStore.CreateSeededAsync();
        var form = new EventForm
        {
            Title = "An event in no storyline", Status = EventStatus.Published,
            Start = new PartialDateInput { Precision = DatePrecision.Month, Year = 2020, Month = 5 },
        };
        Assert.IsType<Saved>(await database.Events().SaveAsync(form, "ada"));
        Assert.Equal(1, database.Store.CountOf(TimelineKeys.MonthCount(null, new DateTime(2020, 5, 1))));
        Assert.Empty(database.Store.CountsStartingWith(TimelineKeys.MonthCountPrefix(0)).ToList());

        // A version 3 file still holds such counts: opening it removes them, and the counts still agree with the data.
        database.Store.Write(tx =>
        {
            tx.Store.Counts.Insert(new Count { Id = TimelineKeys.MonthCount(0, new DateTime(2020, 5, 1)), N = 1 });
            tx.Store.Meta.Upsert(new MetaEntry { Id = MetaEntry.VersionKey, N = 3 });
        });
        database.Reopen();
        Assert.Equal(TimelineStore.CurrentVersion, database.Store.Version);
        Assert.Empty(database.Store.CountsStartingWith(TimelineKeys.MonthCountPrefix(0)).ToList());
        Assert.Equal(1, database.Store.CountOf(TimelineKeys.MonthCount(null, new DateTime(2020, 5, 1))));
        Assert.Empty(StoreAudit.Check(database.Store));
    }

    [Fact]
    public async Task A_store_from_a_newer_app_is_refused_and_left_alone()
    {
        await using var database = TestStore.CreateEmpty();
        database.Store.Write(tx => tx.Store.Meta.Upsert(new MetaEntry { Id = MetaEntry.VersionKey, N = TimelineStore.CurrentVersion + 1 }));
        database.Close();
        var error = Assert.Throws<StoreVersionException>(() => TimelineStore.Open(database.Path));
        Assert.Contains($"has version {TimelineStore.CurrentVersion + 1}, newer than this app's {TimelineStore.CurrentVersion}", error.Message);
        using (var raw = new LiteDatabase($"Filename={database.Path}"))
        {
            var version = raw.GetCollection("meta").FindById("version");
            Assert.Equal(TimelineStore.CurrentVersion + 1, version["N"].AsInt64);
            version["N"] = (long)TimelineStore.CurrentVersion; // so that the test's store can be opened for its disposal
            raw.GetCollection("meta").Update(version);
        }
        database.Reopen();
    }
}
