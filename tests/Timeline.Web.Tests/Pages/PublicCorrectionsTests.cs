using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Timeline.Core.Curation;
using Timeline.Core.Domain;
using Timeline.Core.Storage;
using Timeline.Tests.Support;

namespace Timeline.Web.Tests.Pages;

/// <summary>Public corrections and updates through the real host: the event page, /changes and its feed, JSON-LD;
/// nothing of a draft; hostile text in the new fields shown as text. Its own app and database, since these tests save events.</summary>
public sealed class PublicCorrectionsTests(TimelineWebFactory factory) : IClassFixture<TimelineWebFactory>
{
    private const string KerrySlug = "2014-04-08-kerry-tells-the-senate-poof-that-was-sort-of-the-moment";

    private async Task<int> NoteAsync(string slug, PublicNoteKind kind, string text, Action<EventForm>? change = null)
    {
        var store = factory.Services.GetRequiredService<TimelineStore>();
        var editor = factory.Services.GetRequiredService<EventEditor>();
        var id = store.Slugs.FindById(slug).EventId;
        var form = editor.Load(id)!;
        (form.NoteKind, form.NoteText) = (kind, text);
        change?.Invoke(form);
        Assert.IsType<Saved>(await editor.SaveAsync(form, "ada"));
        return id;
    }

    [Fact]
    public async Task A_correction_shows_under_the_sources_on_changes_in_its_feed_and_in_json_ld()
    {
        const string text = "An earlier version said Kerry spoke to the House. <script>alert(1)</script>";
        await NoteAsync(KerrySlug, PublicNoteKind.Correction, text);
        var client = factory.CreateBrowserlessClient();

        var (_, page) = await Html.GetAsync(client, "/events/" + KerrySlug);
        // Other tests of this class add updates: the correction is the one with its text.
        var note = page.QuerySelectorAll(".public-notes li").Single(li => li.QuerySelector("p")!.TextContent == text);
        Assert.Equal("Correction", note.QuerySelector(".badge")!.TextContent);
        Assert.Equal(text, note.QuerySelector("p")!.TextContent); // as text: the script is words on the page
        Assert.Null(page.QuerySelector(".public-notes script"));
        Assert.True(page.QuerySelector(".sources")!.CompareDocumentPosition(page.QuerySelector(".public-notes")!).HasFlag(AngleSharp.Dom.DocumentPositions.Following));
        var jsonLd = JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent).RootElement;
        var correction = jsonLd.GetProperty("subjectOf")[0].GetProperty("correction").EnumerateArray().Single(c => c.GetProperty("text").GetString() == text);
        Assert.Equal(("CorrectionComment", text), (correction.GetProperty("@type").GetString(), correction.GetProperty("text").GetString()));

        var (response, changes) = await Html.GetAsync(client, "/changes");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("public", response.Headers.CacheControl!.ToString());
        var first = changes.QuerySelectorAll(".changes li").First(li => li.QuerySelector(".change-text")!.TextContent == text);
        Assert.Equal("/events/" + KerrySlug, first.QuerySelector("h2 a")!.GetAttribute("href"));
        Assert.Equal(text, first.QuerySelector(".change-text")!.TextContent);
        Assert.NotNull(changes.QuerySelector("link[rel=alternate][href='/feeds/changes.atom']"));

        var atom = await client.GetStringAsync("/feeds/changes.atom");
        Assert.Contains("<title type=\"text\">Correction: Kerry tells the Senate", atom);
        Assert.Contains("An earlier version said Kerry spoke to the House. &lt;script&gt;", atom);

        var api = JsonDocument.Parse(await client.GetStringAsync("/api/v1/events/" + KerrySlug)).RootElement;
        Assert.Contains(api.GetProperty("notes").EnumerateArray(), n => n.GetProperty("kind").GetString() == "correction" && n.GetProperty("text").GetString() == text);
    }

    [Fact]
    public async Task A_note_saved_with_a_draft_reaches_no_reader_and_changes_pages_by_key()
    {
        const string slug = "2014-04-09-kerry-tells-liberman-he-did-not-blame-israel";
        await NoteAsync(slug, PublicNoteKind.Update, "zqx draft note", f => f.Status = EventStatus.Draft);
        var client = factory.CreateBrowserlessClient();
        Assert.DoesNotContain("zqx", await client.GetStringAsync("/changes"));
        Assert.DoesNotContain("zqx", await client.GetStringAsync("/feeds/changes.atom"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/events/" + slug)).StatusCode);

        // Many notes: fifty to a page, the next page older, by a key; a key it did not write starts from the newest.
        for (var i = 0; i < 55; i++)
            await NoteAsync(KerrySlug, PublicNoteKind.Update, $"Update number {i}");
        var (_, first) = await Html.GetAsync(client, "/changes");
        Assert.Equal(50, first.QuerySelectorAll(".changes li").Length);
        Assert.Equal("Update number 54", first.QuerySelector(".change-text")!.TextContent);
        var next = first.QuerySelector("a[rel=next]")!.GetAttribute("href")!;
        Assert.Matches(@"^/changes\?before=\d{12}$", next);
        var (_, second) = await Html.GetAsync(client, next);
        Assert.Equal("Update number 4", second.QuerySelector(".change-text")!.TextContent);
        Assert.DoesNotContain("zqx", second.Body!.TextContent);
        var (response, odd) = await Html.GetAsync(client, "/changes?before=%3Cscript%3E");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Update number 54", odd.QuerySelector(".change-text")!.TextContent);
    }

    [Fact]
    public async Task Hostile_text_in_a_difference_is_shown_as_text_on_every_reader_surface()
    {
        const string slug = "2023-01-26-idf-raid-on-the-jenin-refugee-camp-kills-nine-palestinians";
        const string hostile = "</script><script>alert(1)</script><img src=x onerror=alert(2)> javascript:alert(3)";
        await NoteAsync(slug, PublicNoteKind.Update, hostile, form =>
        {
            form.Differences[0].Aspect = hostile[..80];
            form.Differences[0].Claims[0].Value = hostile[..80];
        });
        var client = factory.CreateBrowserlessClient();
        var (response, page) = await Html.GetAsync(client, "/events/" + slug);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(hostile[..80], page.QuerySelector(".differences tbody th")!.TextContent);
        Assert.Equal(hostile[..80], page.QuerySelector(".differences .claim-value")!.TextContent);
        Assert.Empty(page.QuerySelectorAll("main script, main img"));
        var jsonLd = JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent).RootElement;
        Assert.Contains(jsonLd.GetProperty("subjectOf").EnumerateArray(), s => s.TryGetProperty("name", out var name) && name.GetString() == hostile[..80]);
        var export = await client.GetStringAsync("/export/timelinejs.json?differ=1");
        Assert.DoesNotContain("<script>", export);
        Assert.Contains("&lt;script&gt;", export);
        Assert.DoesNotContain("<script>alert", await client.GetStringAsync("/feeds/changes.atom"));
    }
}
