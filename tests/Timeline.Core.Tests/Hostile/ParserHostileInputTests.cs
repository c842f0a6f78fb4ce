using Timeline.Core.Importing;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Timeline.Core.Curation;
using Timeline.Core.Dates;
using Timeline.Core.Reading;
using Timeline.Core.Search;
using Timeline.Core.Text;
using Timeline.Tests.Support;

namespace Timeline.Core.Tests.Hostile;

/// <summary>Every parser takes any string: it answers with a value or a reason, never an exception.</summary>
public sealed class ParserHostileInputTests
{
    public static TheoryData<string> Strings() => [.. HostileInput.Strings];

    [Theory]
    [MemberData(nameof(Strings))]
    public void A_date_parses_or_says_why_not(string text)
    {
        if (PartialDate.TryParse(text, approximate: false, out var date, out var error))
        {
            // Whatever parses can be shown, compared and used as the end of a window.
            Assert.NotEmpty(date.Format());
            Assert.NotEmpty(date.ToIsoString());
            Assert.True(date.End > date.Value);
            Assert.False(date.EndsBefore(date));
        }
        else
        {
            Assert.False(string.IsNullOrWhiteSpace(error));
        }
    }

    [Theory]
    [InlineData("２０２４-０６-０１", "2024-06-01")]
    [InlineData("٢٠٢٤-٠٦", "2024-06")]
    [InlineData("१९४७", "1947")]
    public void Digits_of_any_script_are_read_as_digits(string text, string iso)
    {
        Assert.True(PartialDate.TryParse(text, false, out var date, out _));
        Assert.Equal(iso, date.ToIsoString());
    }

    [Theory]
    [InlineData("9999", "9999")]
    [InlineData("9999-12", "December 9999")]
    [InlineData("9999-12-31", "31 December 9999")]
    [InlineData("9999-12-31T23:59", "31 December 9999, 23:59")]
    public void The_last_periods_of_the_calendar_end_at_its_end(string text, string shown)
    {
        var date = PartialDate.Parse(text);
        Assert.Equal(shown, date.Format());
        Assert.Equal(DateTime.MaxValue, date.End);
    }

    [Theory]
    [InlineData("𝟐𝟎𝟏𝟒")] // mathematical digits are outside the BMP: not read as a year
    [InlineData("²⁰¹⁴")]   // superscripts are not decimal digits
    [InlineData("0000")]
    [InlineData("2014-02-30")]
    public void Look_alikes_and_impossible_dates_are_refused_with_a_reason(string text)
    {
        Assert.False(PartialDate.TryParse(text, false, out _, out var error));
        Assert.NotNull(error);
    }

    [Theory]
    [MemberData(nameof(Strings))]
    public void Every_timeline_parameter_takes_any_string(string value)
    {
        foreach (var key in new[] { "era", "tag", "actor", "place", "outlet", "from", "to", "q", "zoom", "focus", "open" })
        {
            var query = "?" + key + "=" + Uri.EscapeDataString(value) + "&from=" + Uri.EscapeDataString(value);
            var state = TimelineViewState.Parse(query);
            _ = state.Problems;
            _ = state.Window;
            _ = state.ZoomOut().ToUrl();
            if (state.FromDate is { } from)
                _ = state.ZoomInto(from).ToUrl();
            _ = state.Pan(-1)?.ToUrl();
            _ = state.Pan(1)?.ToUrl();
            Assert.StartsWith("/", state.ToUrl());
            // The raw query string may hold broken escapes too.
            _ = TimelineViewState.Parse(key + "=" + value);
        }
    }

    [Theory]
    [MemberData(nameof(Strings))]
    public void Text_helpers_take_any_string(string text)
    {
        var analyzer = new TimelineAnalyzer();
        var query = SearchQuery.Parse(text, analyzer);
        Assert.True(query.ToQuery(new Dictionary<string, float> { ["title"] = 2, ["body"] = 1 }) is not null || query.Problem is not null || query.Text.Length == 0);
        _ = new Snippets(analyzer).Snippet(text + " " + text, query);
        var slug = Slugs.Slugify(text);
        Assert.True(slug.Length == 0 || Slugs.IsValid(slug));
        Assert.NotEmpty(Slugs.ForEvent(PartialDate.Year(9999), text));
        Assert.DoesNotContain("<script", SafeMarkdown.ToHtml(text), StringComparison.OrdinalIgnoreCase);
        _ = SafeMarkdown.ToPlainText(text);
        _ = TextExcerpt.Shorten(text);
        _ = Highlighted.ToHtml(text);
        _ = ArticleCleaner.Clean(text, text);
        _ = LinkEditor.LocatePassage("Some article text.\nWith two paragraphs.", text);
        _ = PassageHighlighter.Highlight(text, [new PassageMark("passage-1", text, "/events/x", "x")]);
    }

    [Theory]
    [MemberData(nameof(Strings))]
    public void The_import_reader_reads_or_refuses_any_text(string text)
    {
        foreach (var read in new[]
                 {
                     ArticleImportReader.ReadPasted(text),
                     ArticleImportReader.ReadFile("a.html", Encoding.UTF8.GetBytes($"<html><head><title>{text}</title><meta property=\"article:published_time\" content=\"{text}\"></head><body><p>{text}</p><p>Body text.</p></body></html>")),
                     ArticleImportReader.ReadFile("a.md", Encoding.UTF8.GetBytes($"---\ntitle: {text}\ndate: {text}\n---\n# {text}\n\nBody text.")),
                     ArticleImportReader.ReadFile(text + ".txt", Encoding.UTF8.GetBytes(text + "\nBody text.")),
                 })
        {
            Assert.True(read.Form is not null || read.Error is not null);
        }
    }

    [Theory]
    [MemberData(nameof(Strings))]
    public void Forms_validate_any_text_in_any_field(string text)
    {
        var ev = new EventForm
        {
            Title = text, Slug = text, Summary = text, Topics = [text], Actors = [text], Places = [text],
            Start = new PartialDateInput { Precision = DatePrecision.Year, Year = 9999 }, HasEnd = true,
            End = new PartialDateInput { Precision = DatePrecision.Minute, Year = 9999, Month = 12, Day = 31, Time = new TimeOnly(23, 59) },
        };
        _ = ev.Validate(out _, out _);
        var article = new ArticleForm { Title = text, Outlet = text, Author = text, Url = text, Language = text, Body = text };
        _ = article.Validate(out _);
        var storyline = new StorylineForm { Title = text, Slug = text, Description = text, Colour = text };
        _ = storyline.Validate(out _, out _);
    }

    [Fact]
    public void Date_entry_takes_any_year_month_and_day()
    {
        int?[] parts = [null, int.MinValue, -1, 0, 1, 12, 13, 31, 32, int.MaxValue];
        foreach (var precision in Enum.GetValues<DatePrecision>())
        foreach (var year in HostileInput.Years)
        foreach (var month in parts)
        foreach (var day in parts)
        {
            var input = new PartialDateInput { Precision = precision, Year = year, Month = month, Day = day, Time = new TimeOnly(23, 59) };
            if (input.TryBuild(out var date, out var error))
                Assert.True(date.End > date.Value, date.ToString());
            else
                Assert.NotNull(error);
        }
    }

    [Fact]
    public void Random_strings_never_break_a_parser() =>
        Prop.ForAll(ArbMap.Default.ArbFor<string>(), text =>
        {
            text ??= "";
            _ = PartialDate.TryParse(text, false, out _, out _);
            _ = TimelineViewState.Parse(text).Problems;
            _ = TimelineViewState.Parse("?from=" + Uri.EscapeDataString(text) + "&to=" + Uri.EscapeDataString(text)).Window;
            _ = SearchQuery.Parse(text, new TimelineAnalyzer()).ToQuery(new Dictionary<string, float> { ["title"] = 1 });
            _ = Slugs.Slugify(text);
            _ = SafeMarkdown.ToHtml(text);
            _ = ArticleCleaner.Clean(text);
            return true;
        }).QuickCheckThrowOnFailure();
}
