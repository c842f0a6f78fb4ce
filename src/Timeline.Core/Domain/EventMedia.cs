namespace Timeline.Core.Domain;

public enum MediaKind
{
    /// <summary>An image uploaded by a curator, kept in the store's file storage and served by the site.</summary>
    Image,

    /// <summary>A link to a page or video elsewhere: shown as a card, never embedded or hotlinked.</summary>
    Link,
}

/// <summary>An event's one media item, as TimelineJS slides have one.</summary>
public sealed record EventMedia
{
    public MediaKind Kind { get; init; }

    /// <summary>The external address of a link (http or https).</summary>
    public string? Url { get; init; }

    /// <summary>An image's id in the store's file storage: "img-{sha256}.{ext}", so the same bytes are stored once and
    /// the address never changes what it serves (readers may cache it for good).</summary>
    public string? FileId { get; init; }

    public string? ContentType { get; init; }
    public string Caption { get; init; } = "";
    public string Credit { get; init; } = "";

    /// <summary>What the image shows, for readers who cannot see it (required for images).</summary>
    public string AltText { get; init; } = "";

    public string Describe() => Kind switch
    {
        MediaKind.Image => $"Image {FileId} ({AltText})" + Extra(),
        _ => $"Link {Url}" + Extra(),
    };

    private string Extra() => (Caption.Length > 0 ? $", caption “{Caption}”" : "") + (Credit.Length > 0 ? $", credit {Credit}" : "");
}
