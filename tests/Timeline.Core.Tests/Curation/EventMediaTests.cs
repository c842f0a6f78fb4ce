using Timeline.Core.Curation;
using Timeline.Core.Dates;
using Timeline.Core.Domain;
using Timeline.Tests.Support;

namespace Timeline.Core.Tests.Curation;

/// <summary>An event's media through the editor, on a real store: images by their bytes, links by their address.</summary>
public sealed class EventMediaTests
{

    private static EventForm NewEvent(MediaInput media) => new()
    {
        Title = "Cairo meeting", Status = EventStatus.Published, Media = media,
        Start = new PartialDateInput { Precision = DatePrecision.Day, Year = 2024, Month = 2, Day = 3 },
    };

    [Theory]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0 }, "image/png")]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0 }, "image/jpeg")]
    [InlineData(new byte[] { 0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0 }, "image/gif")]
    [InlineData(new byte[] { 0x52, 0x49, 0x46, 0x46, 1, 2, 3, 4, 0x57, 0x45, 0x42, 0x50 }, "image/webp")]
    public void Images_are_recognised_by_their_bytes(byte[] bytes, string type) =>
        Assert.Equal(type, MediaInput.ReadImage("whatever.txt", bytes).Image?.ContentType);

    [Theory]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>")]
    [InlineData("<html><body>not an image</body></html>")]
    [InlineData("")]
    public void Anything_else_is_refused_whatever_its_name(string text)
    {
        var (image, error) = MediaInput.ReadImage("photo.png", System.Text.Encoding.UTF8.GetBytes(text));
        Assert.Null(image);
        Assert.Contains("not a PNG, JPEG, GIF or WebP image", error);
    }

    [Fact]
    public void An_image_over_the_limit_is_refused()
    {
        var big = new byte[MediaInput.MaxImageBytes + 1];
        TestImages.Png.CopyTo(big, 0);
        Assert.Contains("at most 5 MB", MediaInput.ReadImage("big.png", big).Error);
    }

    [Fact]
    public async Task An_uploaded_image_is_stored_with_the_event_once_and_recorded_in_its_history()
    {
        await using var database = TestStore.CreateEmpty();
        var (image, _) = MediaInput.ReadImage("cairo.png", TestImages.Png);
        var media = new MediaInput { Choice = MediaChoice.Image, Upload = image, AltText = "Delegates at a table", Caption = "The meeting", Credit = "Example TV" };
        var saved = Assert.IsType<Saved>(await database.Events().SaveAsync(NewEvent(media), "ada"));

        var ev = database.Store.Events.FindById(saved.Id);
        Assert.Equal(MediaKind.Image, ev.Media!.Kind);
        Assert.Equal(image!.FileId, ev.Media.FileId);
        Assert.StartsWith("img-", ev.Media.FileId);
        Assert.Equal("image/png", ev.Media.ContentType);
        using var stored = new MemoryStream();
        database.Store.Media.Download(ev.Media.FileId!, stored);
        Assert.Equal(TestImages.Png, stored.ToArray());
        Assert.Contains(image.FileId, database.Store.Revisions.FindAll().Last().Snapshot); // the history knows the image

        // The same bytes on a second event are stored once.
        var second = NewEvent(media);
        second.Title = "Another meeting";
        Assert.IsType<Saved>(await database.Events().SaveAsync(second, "ada"));
        Assert.Single(database.Store.Media.FindAll());

        // Loaded for editing, the form holds the stored image, not an upload.
        var form = (database.Events().Load(saved.Id))!;
        Assert.Equal((MediaChoice.Image, image.FileId, (PendingImage?)null), (form.Media.Choice, form.Media.FileId, form.Media.Upload));
    }

    [Fact]
    public async Task A_refused_save_stores_no_image()
    {
        await using var database = TestStore.CreateEmpty();
        var (image, _) = MediaInput.ReadImage("cairo.png", TestImages.Png);
        var form = NewEvent(new MediaInput { Choice = MediaChoice.Image, Upload = image }); // no alt text
        var invalid = Assert.IsType<Invalid>(await database.Events().SaveAsync(form, "ada"));
        Assert.Equal("Describe the image for readers who cannot see it.", invalid.Errors.For("media-alt"));
        Assert.Empty(database.Store.Media.FindAll());
        Assert.Equal(0, database.Store.Events.Count());
    }

    [Theory]
    [InlineData("", "Give the address")]
    [InlineData("javascript:alert(1)", "starting with https://")]
    [InlineData("ftp://example.org/file", "starting with https://")]
    [InlineData("not a url", "starting with https://")]
    public async Task A_link_must_be_a_web_address(string url, string message)
    {
        await using var database = TestStore.CreateEmpty();
        var form = NewEvent(new MediaInput { Choice = MediaChoice.Link, Url = url });
        var invalid = Assert.IsType<Invalid>(await database.Events().SaveAsync(form, "ada"));
        Assert.Contains(message, invalid.Errors.For("media-url"));
    }

    [Fact]
    public async Task A_link_is_stored_as_its_address_and_an_image_needs_a_file()
    {
        await using var database = TestStore.CreateEmpty();
        var saved = Assert.IsType<Saved>(await database.Events().SaveAsync(
            NewEvent(new MediaInput { Choice = MediaChoice.Link, Url = " https://video.example.org/watch?v=42 ", Caption = "The meeting" }), "ada"));
        Assert.Equal(new EventMedia { Kind = MediaKind.Link, Url = "https://video.example.org/watch?v=42", Caption = "The meeting" },
            database.Store.Events.FindById(saved.Id).Media);

        var invalid = Assert.IsType<Invalid>(await database.Events().SaveAsync(NewEvent(new MediaInput { Choice = MediaChoice.Image, AltText = "x" }), "ada"));
        Assert.Contains("Choose an image", invalid.Errors.For("media-file"));
    }
}
