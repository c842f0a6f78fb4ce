using Timeline.Core.Importing;
using Timeline.Core.Addresses;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.Caching.Memory;
using Timeline.Core.Curation;
using Timeline.Core.Dates;
using Timeline.Core.Domain;
using Timeline.Core.Publishing;
using Timeline.Core.Reading;
using Timeline.Tests.Support;

namespace Timeline.Core.Tests.Publishing;

/// <summary>
/// Hostile text in every field a curator writes, exported: each field that its format treats as HTML (TimelineJS's
/// headline, text, media caption and credit, group and display date; the Atom summary) is parsed as HTML, as a
/// consumer of the file may, and must hold no element or attribute that runs anything.
/// </summary>
public sealed class HostileExportTests
{
    private const string Payload = "<img src=x onerror=alert(1)><script>alert(2)</script><a href=\"javascript:alert(3)\">x</a>";

    private static readonly HtmlParser Parser = new();

    /// <summary>The field parsed as HTML has no image, script, frame or SVG, no on… attribute and no javascript: link.</summary>
    private static void AssertInert(string? html, string field)
    {
        if (html is null)
            return;
        var document = Parser.ParseDocument("<body>" + html);
        foreach (var element in document.Body!.QuerySelectorAll("*"))
        {
            Assert.False(element.LocalName is "img" or "script" or "iframe" or "svg" or "object" or "embed", $"{field}: <{element.LocalName}> in {html}");
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"{field}: {attribute.Name} in {html}");
                Assert.DoesNotContain("javascript:", attribute.Value, StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    private static async Task<(ViewExport Export, SiteLinks Links)> HostileTimelineAsync(TestStore database)
    {
        var storyline = Assert.IsType<Saved>(await database.Storylines().SaveAsync(new StorylineForm
        {
            Title = "Storyline " + Payload, Description = Payload,
            Start = new PartialDateInput { Precision = DatePrecision.Year, Year = 2014 }, End = new PartialDateInput { Precision = DatePrecision.Year, Year = 2015 },
        }, "ada"));
        var article = Assert.IsType<Saved>(await database.Articles().ImportAsync(new ArticleForm
        {
            Title = "Headline " + Payload, Outlet = "Outlet " + Payload, Author = Payload,
            Published = new PartialDateInput { Precision = DatePrecision.Day, Year = 2014, Month = 4, Day = 9 }, Body = "The passage " + Payload + " ends here.",
        }, "ada"));
        foreach (var (title, media) in new[]
        {
            ("Event " + Payload, new MediaInput { Choice = MediaChoice.Link, Url = "https://example.org/a", Caption = "Caption " + Payload, Credit = "Credit " + Payload, AltText = Payload }),
            ("Sourced " + Payload, new MediaInput()),
        })
        {
            var saved = Assert.IsType<Saved>(await database.Events().SaveAsync(new EventForm
            {
                Title = title, Summary = "Summary " + Payload, StorylineId = storyline.Id, Status = EventStatus.Published, Media = media,
                Start = new PartialDateInput { Precision = DatePrecision.Month, Year = 2014, Month = 4, Approximate = true },
                Topics = ["Topic " + Payload],
            }, "ada"));
            Assert.IsType<Saved>(await database.Links().SaveAsync(new LinkForm
            {
                EventId = saved.Id, ArticleId = article.Id, Passage = "The passage " + Payload + " ends here.", Note = Payload,
            }, "ada"));
        }
        var queries = new TimelineQueries(database.Store, database.Index, new MemoryCache(new MemoryCacheOptions()));
        return (queries.Export(new TimelineViewState(), 100), new SiteLinks(new Uri("https://timeline.example.org/")));
    }

    [Fact]
    public async Task Every_HTML_field_of_the_TimelineJS_JSON_is_inert()
    {
        await using var database = TestStore.CreateEmpty();
        var (export, links) = await HostileTimelineAsync(database);
        var json = JsonNode.Parse(TimelineJsExport.ToJson(export, links))!;

        var slides = json["events"]!.AsArray().Concat(json["eras"]!.AsArray()).Append(json["title"]).ToList();
        Assert.Equal(2, json["events"]!.AsArray().Count);
        foreach (var slide in slides)
        {
            AssertInert((string?)slide!["text"]?["headline"], "headline");
            AssertInert((string?)slide["text"]?["text"], "text");
            AssertInert((string?)slide["media"]?["caption"], "media caption");
            AssertInert((string?)slide["media"]?["credit"], "media credit");
            AssertInert((string?)slide["group"], "group");
            AssertInert((string?)slide["display_date"], "display_date");
            AssertInert((string?)slide["start_date"]?["display_date"], "start display_date");
        }
        // The finding: the storyline's name went into "group" as it was.
        Assert.All(json["events"]!.AsArray(), e => Assert.StartsWith("Storyline &lt;img", (string)e!["group"]!));
        // The quoted first source is TimelineJS's blockquote media: HTML too.
        Assert.Contains(json["events"]!.AsArray(), e => ((string?)e!["media"]?["url"])?.StartsWith("<blockquote>") == true);
        Assert.All(json["events"]!.AsArray().Select(e => (string?)e!["media"]?["url"]).Where(u => u?.StartsWith('<') == true), u => AssertInert(u, "media url"));
    }

    [Fact]
    public async Task Every_HTML_column_of_the_TimelineJS_sheet_is_inert()
    {
        await using var database = TestStore.CreateEmpty();
        var (export, links) = await HostileTimelineAsync(database);
        var file = TimelineJsReader.Read(TimelineJsExport.ToCsv(export, links), "export.csv");
        Assert.Null(file.Problem);
        Assert.Equal(2, file.Events.Count);
        foreach (var slide in file.Events.Concat(file.Storylines).Append(file.Title!))
        {
            AssertInert(slide.Headline, "Headline");
            AssertInert(slide.Text, "Text");
            AssertInert(slide.Media?.Caption, "Media Caption");
            AssertInert(slide.Media?.Credit, "Media Credit");
            AssertInert(slide.Group, "Group");
            AssertInert(slide.DisplayDate, "Display Date");
            if (slide.Media is { Url: { } url } && url.StartsWith('<'))
                AssertInert(url, "Media");
        }
        Assert.All(file.Events, e => Assert.StartsWith("Storyline &lt;img", e.Group));
    }

    [Fact]
    public async Task The_Atom_summary_is_inert_and_its_text_fields_are_text()
    {
        await using var database = TestStore.CreateEmpty();
        var (export, links) = await HostileTimelineAsync(database);
        var atom = XDocument.Parse(System.Text.Encoding.UTF8.GetString(AtomFeed.Write(export.Events, links, "Timeline " + Payload, "/feed.atom", "/", DateTimeOffset.UnixEpoch)));
        XNamespace ns = "http://www.w3.org/2005/Atom";
        var entries = atom.Root!.Elements(ns + "entry").ToList();
        Assert.Equal(2, entries.Count);
        foreach (var entry in entries)
        {
            var summary = entry.Element(ns + "summary")!;
            Assert.Equal("html", (string?)summary.Attribute("type"));
            AssertInert(summary.Value, "summary");
            Assert.Equal("text", (string?)entry.Element(ns + "title")!.Attribute("type") ?? "text");
        }
    }
}
