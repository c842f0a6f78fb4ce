using Timeline.Web.Components.Curate.Pages;
using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Timeline.Core.Curation;
using Timeline.Core.Domain;
using Timeline.Tests.Support;
using Timeline.Web.Components.Curate;
using Timeline.Web.Components.Shared;

namespace Timeline.Web.Tests.Components;

public sealed class MediaComponentsTests : MudTestContext
{
    [Fact]
    public void An_image_is_a_figure_with_its_alt_text_and_a_link_a_card_that_loads_nothing()
    {
        var image = Render<MediaView>(p => p.Add(c => c.Media, new EventMedia
        {
            Kind = MediaKind.Image, FileId = "img-abc.png", ContentType = "image/png", AltText = "Delegates", Caption = "The meeting", Credit = "Example TV",
        }));
        Assert.Equal("/media/img-abc.png", image.Find("figure img").GetAttribute("src"));
        Assert.Equal("Delegates", image.Find("figure img").GetAttribute("alt"));
        Assert.Equal("Example TV", image.Find("figcaption .media-credit").TextContent);

        var link = Render<MediaView>(p => p.Add(c => c.Media, new EventMedia { Kind = MediaKind.Link, Url = "https://video.example.org/watch?v=42" }));
        Assert.Equal("https://video.example.org/watch?v=42", link.Find("a.media-card").GetAttribute("href"));
        Assert.Empty(link.FindAll("img, iframe, video"));

        var hostile = Render<MediaView>(p => p.Add(c => c.Media, new EventMedia { Kind = MediaKind.Link, Url = "javascript:alert(1)" }));
        Assert.Empty(hostile.FindAll("a")); // never a script link, whatever the store holds
    }

    [Fact]
    public void The_form_asks_for_what_each_choice_needs_and_reads_an_image_by_its_bytes()
    {
        var media = new MediaInput();
        var changes = 0;
        var fields = Render<MediaFields>(p => p.Add(c => c.Media, media).Add(c => c.Changed, () => changes++));
        Assert.Empty(fields.FindAll("#media-url, #media-alt"));

        fields.FindAll("input[type=radio]")[2].Click(); // "A link to a page or video"
        fields.WaitForAssertion(() => Assert.NotNull(fields.Find("#media-url")));
        Assert.Equal(MediaChoice.Link, media.Choice);

        fields.FindAll("input[type=radio]")[1].Click(); // "An image"
        fields.WaitForAssertion(() => Assert.NotNull(fields.Find("#media-alt")));
        fields.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary("<svg/>"u8.ToArray(), "photo.png", contentType: "image/png"));
        fields.WaitForAssertion(() => Assert.Contains("not a PNG, JPEG, GIF or WebP image", fields.Find("p.problem[role=alert]").TextContent));
        Assert.Null(media.Upload);

        fields.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(TestImages.Png, "pixel.png", contentType: "image/png"));
        fields.WaitForAssertion(() => Assert.StartsWith("data:image/png;base64,", fields.Find("img.media-preview").GetAttribute("src")));
        Assert.Equal("image/png", media.Upload?.ContentType);
        Assert.True(changes >= 3);
    }
}

public sealed class TimelineJsImportPageTests(TimelineWebFactory factory) : CuratorPageContext(factory, "bunit-tjs-importer"), IClassFixture<TimelineWebFactory>
{
    private static byte[] Fixture(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "timelinejs", name));

    [Fact]
    public void A_chosen_file_is_previewed_and_imported_on_the_apps_real_services()
    {
        var page = Render<TimelineJsImportPage>();
        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(Fixture("newsroom.json"), "newsroom.json", contentType: "application/json"));

        page.WaitForAssertion(() => Assert.Contains("4 events to import as drafts, 2 new storylines, 1 media link",
            System.Text.RegularExpressions.Regex.Replace(page.Find(".tjs-summary").TextContent, @"\s+", " ")));
        Assert.Equal(4, page.FindAll(".tjs-events tbody tr").Count);
        Assert.Contains(page.FindAll(".tjs-dropped li"), li => li.TextContent.Contains("Dropped from the text: scripts."));
        var store = Factory.Services.GetRequiredService<Timeline.Core.Storage.TimelineStore>();
        Assert.Null(store.Events.FindOne(e => e.Title == "Talks stall"));

        page.FindAll("button").Single(b => b.TextContent == "Import 4 events").Click();
        page.WaitForAssertion(() => Assert.Contains("Imported 4 events as drafts and 2 new storylines.", page.Find(".saved-note").TextContent));
        Assert.Equal(EventStatus.Draft, store.Events.FindOne(e => e.Title == "Talks stall").Status);
        Assert.Equal("bunit-tjs-importer", store.Events.FindOne(e => e.Title == "Talks stall").CreatedBy);
        Assert.Equal(Severity.Success, Assert.Single(Services.GetRequiredService<ISnackbar>().ShownSnackbars).Severity);
    }

    [Theory]
    [InlineData("truncated.json", "not valid JSON")]
    [InlineData("lone-surrogate-headline.json", "Event 2: \"headline\" holds a \\u escape that is not a character")]
    public void A_broken_file_names_its_problem_and_offers_no_import(string file, string problem)
    {
        var page = Render<TimelineJsImportPage>();
        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(Fixture(file), file, contentType: "application/json"));
        page.WaitForAssertion(() => Assert.Contains(problem, page.Find("[role=alert]").TextContent));
        Assert.True(page.FindAll("button").Single(b => b.TextContent.StartsWith("Import")).HasAttribute("disabled"));
    }
}
