using System.Security.Cryptography;
using Timeline.Core.Domain;
using Timeline.Core.Text;

namespace Timeline.Core.Curation;

/// <summary>An image chosen in the form and not stored yet: its bytes and the type they were found to be.</summary>
/// <paramref name="FileId"/>: the id the bytes get, from their hash: the same image is stored once, and its address never changes meaning.
public sealed record PendingImage(string FileName, byte[] Bytes, string ContentType, string FileId);

public enum MediaChoice
{
    None,
    Image,
    Link,
}

/// <summary>The event form's media: none, an image (stored or newly chosen) or a link, with caption, credit and alt text.</summary>
public sealed class MediaInput
{
    public const int MaxImageBytes = 5 * 1024 * 1024;
    public const int MaxCaptionLength = 300;

    public MediaChoice Choice { get; set; }
    public string Url { get; set; } = "";
    public string Caption { get; set; } = "";
    public string Credit { get; set; } = "";
    public string AltText { get; set; } = "";

    /// <summary>The stored image this form shows, when it has one and no new one was chosen.</summary>
    public string? FileId { get; set; }
    public string? ContentType { get; set; }
    public PendingImage? Upload { get; set; }

    public static MediaInput From(EventMedia? media) => media is null ? new() : new()
    {
        Choice = media.Kind == MediaKind.Image ? MediaChoice.Image : MediaChoice.Link,
        Url = media.Url ?? "", Caption = media.Caption, Credit = media.Credit, AltText = media.AltText,
        FileId = media.FileId, ContentType = media.ContentType,
    };

    public MediaInput Clone() => (MediaInput)MemberwiseClone();

    /// <summary>Reads a chosen file: an image the site can show, judged by its bytes, not its name; else why not.</summary>
    public static (PendingImage? Image, string? Error) ReadImage(string fileName, byte[] bytes)
    {
        if (bytes.Length > MaxImageBytes)
            return (null, $"{fileName} is {bytes.Length / 1024.0 / 1024.0:0.0} MB; an image may be at most {MaxImageBytes / 1024 / 1024} MB.");
        return ImageTypes.Sniff(bytes) is { } type
            ? (new PendingImage(fileName, bytes, type.ContentType, $"img-{Convert.ToHexStringLower(SHA256.HashData(bytes))}.{type.Extension}"), null)
            : (null, $"{fileName} is not a PNG, JPEG, GIF or WebP image (judged by its content, not its name).");
    }

    /// <summary>Checks the media fields; the errors go under "media-url", "media-file", "media-alt", "media-caption", "media-credit".</summary>
    public void Validate(FieldErrors errors)
    {
        if (Choice == MediaChoice.None)
            return;
        errors.CheckText("media-caption", Caption, MaxCaptionLength);
        errors.CheckText("media-credit", Credit, Limits.NameLength);
        if (Choice == MediaChoice.Link)
        {
            var url = Url.Trim();
            if (url.Length == 0)
                errors.Set("media-url", "Give the address of the page or video to link to.");
            else if (WebAddress.Http(url) is not { } uri)
                errors.Set("media-url", "Give a full web address starting with https:// or http://.");
            else if (uri.AbsoluteUri.Length > Limits.UrlLength)
                errors.Set("media-url", $"The address is too long: at most {Limits.UrlLength} characters.");
            return;
        }
        if (Upload is null && FileId is null)
            errors.Set("media-file", "Choose an image to upload, or pick no media.");
        errors.CheckText("media-alt", AltText, MaxCaptionLength, required: "Describe the image for readers who cannot see it.");
    }

    /// <summary>The media to store (the image's file id and type from the upload, when there is one).</summary>
    public EventMedia? ToMedia() => Choice switch
    {
        MediaChoice.Image => new EventMedia
        {
            Kind = MediaKind.Image, FileId = Upload?.FileId ?? FileId, ContentType = Upload?.ContentType ?? ContentType,
            Caption = Caption.Trim(), Credit = Credit.Trim(), AltText = AltText.Trim(),
        },
        // A link that is not a web address yet (the form is still being typed) is described as typed; a save refuses it.
        MediaChoice.Link => new EventMedia { Kind = MediaKind.Link, Url = WebAddress.Http(Url.Trim())?.AbsoluteUri ?? Url, Caption = Caption.Trim(), Credit = Credit.Trim() },
        _ => null,
    };

    public string Describe() => ToMedia()?.Describe() ?? "";
}

/// <summary>The image types the site serves, recognised by their first bytes. SVG is not among them: it can carry script.</summary>
public static class ImageTypes
{
    public static (string ContentType, string Extension)? Sniff(ReadOnlySpan<byte> bytes) => bytes switch
    {
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, ..] => ("image/png", "png"),
        [0xFF, 0xD8, 0xFF, ..] => ("image/jpeg", "jpg"),
        [0x47, 0x49, 0x46, 0x38, 0x37 or 0x39, 0x61, ..] => ("image/gif", "gif"),
        [0x52, 0x49, 0x46, 0x46, _, _, _, _, 0x57, 0x45, 0x42, 0x50, ..] => ("image/webp", "webp"),
        _ => null,
    };
}
