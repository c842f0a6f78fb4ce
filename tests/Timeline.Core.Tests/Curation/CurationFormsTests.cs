using Timeline.Core.Curation;
using Timeline.Core.Dates;
using Timeline.Core.Domain;

namespace Timeline.Core.Tests.Curation;

public sealed class PartialDateInputTests
{
    [Fact]
    public void Each_precision_asks_only_for_its_parts()
    {
        Assert.True(new PartialDateInput { Precision = DatePrecision.Year, Year = 2014, Month = 99 }.TryBuild(out var year, out _));
        Assert.Equal("2014", year.Format());
        Assert.True(new PartialDateInput { Precision = DatePrecision.Month, Year = 2013, Month = 7 }.TryBuild(out var month, out _));
        Assert.Equal("July 2013", month.Format());
        Assert.True(new PartialDateInput { Precision = DatePrecision.Day, Year = 2014, Month = 4, Day = 9, Approximate = true }.TryBuild(out var day, out _));
        Assert.Equal("c. 9 April 2014", day.Format());
        Assert.True(new PartialDateInput { Precision = DatePrecision.Minute, Year = 2023, Month = 1, Day = 26, Time = new TimeOnly(14, 30) }.TryBuild(out var minute, out _));
        Assert.Equal("26 January 2023, 14:30", minute.Format());
    }

    [Theory]
    [InlineData(DatePrecision.Year, null, null, null, "Enter a year")]
    [InlineData(DatePrecision.Month, 2014, null, null, "Choose a month")]
    [InlineData(DatePrecision.Day, 2014, 2, 30, "between 1 and 28")]
    [InlineData(DatePrecision.Day, 2014, 4, null, "between 1 and 30")]
    [InlineData(DatePrecision.Minute, 2014, 4, 9, "Enter the time")]
    public void A_missing_or_impossible_part_is_named(DatePrecision precision, int? year, int? month, int? day, string message)
    {
        Assert.False(new PartialDateInput { Precision = precision, Year = year, Month = month, Day = day }.TryBuild(out _, out var error));
        Assert.Contains(message, error);
    }

    [Fact]
    public void A_stored_date_round_trips_through_the_form()
    {
        foreach (var date in new[] { PartialDate.Year(2014, true), PartialDate.Month(2013, 7), PartialDate.Day(2023, 1, 26), PartialDate.Parse("2023-01-26T14:30") })
        {
            Assert.True(PartialDateInput.From(date).TryBuild(out var again, out _));
            Assert.Equal(date, again);
        }
    }
}

public sealed class EventFormTests
{
    private static EventForm Valid() => new()
    {
        Title = "A title", Start = new PartialDateInput { Precision = DatePrecision.Month, Year = 2023, Month = 7 },
    };

    [Fact]
    public void A_valid_form_gives_its_dates()
    {
        var form = Valid();
        form.HasEnd = true;
        form.End = new PartialDateInput { Precision = DatePrecision.Day, Year = 2023, Month = 7, Day = 4 };
        Assert.Empty(form.Validate(out var start, out var end));
        Assert.Equal(PartialDate.Month(2023, 7), start);
        Assert.Equal(PartialDate.Day(2023, 7, 4), end);
    }

    [Fact]
    public void Each_fault_is_reported_on_its_field()
    {
        var form = new EventForm
        {
            Title = "  ", Slug = "Not A Slug", Summary = new string('x', Limits.SummaryLength + 1),
            Start = new PartialDateInput { Precision = DatePrecision.Day, Year = 2023, Month = 7, Day = 10 },
            HasEnd = true, End = new PartialDateInput { Precision = DatePrecision.Month, Year = 2023, Month = 6 },
            Topics = [new string('t', Limits.NameLength + 1)], Places = ["!!!"],
        };
        var errors = form.Validate(out _, out _);
        Assert.Equal("Give the event a title.", errors.For("title"));
        Assert.Contains("\"not-a-slug\"", errors.For("slug"));
        Assert.Contains("at most 20000", errors.For("summary"));
        Assert.Equal("The end (June 2023) is before the start (10 July 2023).", errors.For("end"));
        Assert.Contains("too long", errors.For("topics"));
        Assert.Contains("needs at least one letter or digit", errors.For("places"));
        Assert.Null(errors.For("start"));
    }

    [Fact]
    public void An_end_within_the_start_period_is_not_before_it()
    {
        var form = Valid(); // July 2023
        form.HasEnd = true;
        form.End = new PartialDateInput { Precision = DatePrecision.Day, Year = 2023, Month = 7, Day = 1 };
        Assert.Empty(form.Validate(out _, out _));
    }

    [Fact]
    public void A_too_long_title_is_refused_and_kept_as_typed()
    {
        var form = Valid();
        form.Title = new string('a', Limits.TitleLength + 1);
        Assert.Contains("at most 300 fit", form.Validate(out _, out _).For("title"));
        Assert.Equal(Limits.TitleLength + 1, form.Title.Length);
    }

    [Fact]
    public void A_clone_shares_nothing_with_the_original()
    {
        var form = Valid();
        form.Topics.Add("Security");
        var copy = form.Clone();
        copy.Topics.Add("Other");
        copy.Start.Year = 1999;
        Assert.Equal(["Security"], form.Topics);
        Assert.Equal(2023, form.Start.Year);
    }
}

public sealed class EventMergeTests
{
    private static EventForm Base() => new()
    {
        Id = 1, Version = 3, Title = "Base title", Summary = "Base summary", Slug = "base",
        Start = new PartialDateInput { Precision = DatePrecision.Year, Year = 2014 },
    };

    [Fact]
    public void Fields_only_they_changed_are_taken_and_mine_are_kept()
    {
        var original = Base();
        var theirs = Base();
        (theirs.Title, theirs.Version) = ("Their title", 4);
        var mine = Base();
        mine.Summary = "My summary";

        var fields = EventMerge.Compare(original, mine, theirs);
        var title = Assert.Single(fields);
        Assert.Equal(("title", false, "Their title"), (title.Key, title.NeedsChoice, title.Theirs));

        var merged = EventMerge.Apply(mine, original, theirs, new HashSet<string>());
        Assert.Equal(("Their title", "My summary", 4), (merged.Title, merged.Summary, merged.Version));
        Assert.Equal("Base title", mine.Title); // the editor's own form is untouched
    }

    [Fact]
    public void Where_both_changed_a_field_the_editor_chooses()
    {
        var original = Base();
        var theirs = Base();
        (theirs.Title, theirs.Summary, theirs.Version) = ("Their title", "Their summary", 4);
        var mine = Base();
        (mine.Title, mine.Summary) = ("My title", "My summary");

        var fields = EventMerge.Compare(original, mine, theirs);
        Assert.All(fields, f => Assert.True(f.NeedsChoice));
        var merged = EventMerge.Apply(mine, original, theirs, new HashSet<string> { "summary" });
        Assert.Equal(("My title", "Their summary"), (merged.Title, merged.Summary));
    }

    [Fact]
    public void The_same_change_on_both_sides_needs_no_choice()
    {
        var original = Base();
        var theirs = Base();
        theirs.Start = new PartialDateInput { Precision = DatePrecision.Month, Year = 2014, Month = 4 };
        var mine = Base();
        mine.Start = new PartialDateInput { Precision = DatePrecision.Month, Year = 2014, Month = 4 };
        var field = Assert.Single(EventMerge.Compare(original, mine, theirs));
        Assert.Equal(("start", false, "April 2014"), (field.Key, field.NeedsChoice, field.Mine));
    }
}

public sealed class RevisionDiffTests
{
    [Fact]
    public void Only_changed_fields_are_listed_with_the_words_removed_and_added()
    {
        var before = new ArticleSnapshot("Old headline here", "Outlet", null, null, PartialDate.Day(2014, 4, 9), "en");
        var after = before with { Title = "New headline here" };
        var change = Assert.Single(RevisionDiff.Between(before, after));
        Assert.Equal("Title", change.Label);
        Assert.Equal(
            [new(DiffPieceKind.Removed, "Old"), new(DiffPieceKind.Added, "New"), new(DiffPieceKind.Same, " headline here")],
            change.Pieces);
        Assert.Equal("title", RevisionDiff.Labels([change]));
    }

    [Fact]
    public void Against_nothing_every_filled_field_is_a_change()
    {
        var snapshot = new ArticleSnapshot("Headline", "Outlet", "Author", null, PartialDate.Year(2014), "en");
        Assert.Equal(["Title", "Outlet", "Author", "Published", "Language"], RevisionDiff.Between(null, snapshot).Select(c => c.Label));
    }
}

public sealed class PassageLocationTests
{
    private const string Body = "First paragraph ends here.\nSecond paragraph, with a comma.";

    [Fact]
    public void A_passage_is_found_word_for_word_and_returned_as_the_article_has_it()
    {
        Assert.Equal("ends here.\nSecond paragraph", LinkEditor.LocatePassage(Body, "ends here.\n\nSecond   paragraph"));
        Assert.Equal("with a comma.", LinkEditor.LocatePassage(Body, "  with a comma. "));
    }

    [Theory]
    [InlineData("Second paragraph with a comma")] // punctuation differs
    [InlineData("second paragraph")]             // case differs
    [InlineData("   ")]
    [InlineData("(.*)")]                          // regex syntax is just text
    public void Anything_else_is_not_found(string passage) => Assert.Null(LinkEditor.LocatePassage(Body, passage));
}
