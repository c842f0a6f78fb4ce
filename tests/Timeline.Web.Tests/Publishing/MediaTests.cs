using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Timeline.Core.Curation;
using Timeline.Core.Dates;
using Timeline.Core.Domain;
using Timeline.Tests.Support;

namespace Timeline.Web.Tests.Publishing;

/// <summary>Events' media as readers get it, through the real host: images served by the site, links as cards.</summary>
public sealed class MediaTests(TimelineWebFactory factory) : IClassFixture<TimelineWebFactory>
{
    private async Task<(Saved Saved, string FileId)> SaveWithImageAsync(string title, EventStatus status)
    {
        var (image, _) = MediaInput.ReadImage("photo.png", TestImages.Png.Concat(System.Text.Encoding.UTF8.GetBytes(title)).ToArray());
        var form = new EventForm
        {
            Title = title, Status = status,
            Start = new PartialDateInput { Precision = DatePrecision.Day, Year = 2024, Month = 2, Day = 3 },
            Media = new MediaInput { Choice = MediaChoice.Image, Upload = image, AltText = "Delegates at a table", Caption = "The meeting", Credit = "Example TV" },
        };
        var saved = Assert.IsType<Saved>(await factory.Services.GetRequiredService<EventEditor>().SaveAsync(form, "ada"));
        return (saved, image!.FileId);
    }

    [Fact]
    public async Task A_published_events_image_is_served_for_good_and_shown_on_its_page_and_in_previews()
    {
        var (saved, fileId) = await SaveWithImageAsync("Published with an image", EventStatus.Published);
        var client = factory.CreateBrowserlessClient();

        var image = await client.GetAsync($"/media/{fileId}");
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/png", image.Content.Headers.ContentType?.MediaType);
        Assert.Equal("public, max-age=31536000, immutable", image.Headers.CacheControl?.ToString());
        Assert.Equal("nosniff", image.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.StartsWith(Convert.ToBase64String(TestImages.Png)[..8], Convert.ToBase64String(await image.Content.ReadAsByteArrayAsync()));

        var (_, page) = await Html.GetAsync(client, $"/events/{saved.Slug}");
        var img = page.QuerySelector("figure.event-media img")!;
        Assert.Equal($"/media/{fileId}", img.GetAttribute("src"));
        Assert.Equal("Delegates at a table", img.GetAttribute("alt"));
        Assert.Contains("Example TV", page.QuerySelector("figure.event-media figcaption")!.TextContent);
        Assert.Equal($"http://localhost/media/{fileId}", page.QuerySelector("meta[property='og:image']")!.GetAttribute("content"));
        Assert.Equal("summary_large_image", page.QuerySelector("meta[name='twitter:card']")!.GetAttribute("content"));
    }

    [Fact]
    public async Task A_drafts_image_reaches_curators_only()
    {
        var (_, fileId) = await SaveWithImageAsync("Draft with an image", EventStatus.Draft);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateBrowserlessClient().GetAsync($"/media/{fileId}")).StatusCode);

        var curator = await CuratorHttp.SignedInClientAsync(factory, "media-editor");
        var image = await curator.GetAsync($"/media/{fileId}");
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.True(image.Headers.CacheControl is { Private: true, NoStore: true });
        Assert.Equal(HttpStatusCode.NotFound, (await curator.GetAsync("/media/img-0000.png")).StatusCode);
    }

    [Fact]
    public async Task A_link_is_a_card_that_opens_it_and_nothing_is_embedded()
    {
        var form = new EventForm
        {
            Title = "Published with a link", Status = EventStatus.Published,
            Start = new PartialDateInput { Precision = DatePrecision.Month, Year = 2024, Month = 2 },
            Media = new MediaInput { Choice = MediaChoice.Link, Url = "https://video.example.org/watch?v=42", Caption = "The meeting" },
        };
        var saved = Assert.IsType<Saved>(await factory.Services.GetRequiredService<EventEditor>().SaveAsync(form, "ada"));
        var (_, page) = await Html.GetAsync(factory.CreateBrowserlessClient(), $"/events/{saved.Slug}");
        var card = page.QuerySelector("a.media-card")!;
        Assert.Equal("https://video.example.org/watch?v=42", card.GetAttribute("href"));
        Assert.Contains("noopener", card.GetAttribute("rel"));
        Assert.Contains("video.example.org", card.TextContent);
        Assert.Empty(page.QuerySelectorAll("iframe, video, embed, object"));
        Assert.Empty(page.QuerySelectorAll("img[src*='video.example.org']"));

        var api = System.Text.Json.JsonDocument.Parse(await factory.CreateBrowserlessClient().GetStringAsync($"/api/v1/events/{saved.Slug}")).RootElement;
        Assert.Equal("link", api.GetProperty("media").GetProperty("kind").GetString());
    }
}
