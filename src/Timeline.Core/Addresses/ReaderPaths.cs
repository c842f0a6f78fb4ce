using System.Globalization;

namespace Timeline.Core.Addresses;

/// <summary>
/// The reader pages' addresses, relative to the site ("/events/…"): every page, component, feed, export, the API and
/// JSON-LD build them here, so that a slug is escaped by construction and an address changes in one line. Storylines
/// keep the "/eras/" addresses they were published with.
/// </summary>
public static class ReaderPaths
{
    public const string Timeline = "/";
    public const string Storylines = "/eras";
    public const string Search = "/search";

    /// <summary>The latest public corrections and updates.</summary>
    public const string Changes = "/changes";

    public static string Event(string slug) => "/events/" + Uri.EscapeDataString(slug);

    public static string Storyline(string slug) => Storylines + "/" + Uri.EscapeDataString(slug);

    public static string Article(int id) => "/articles/" + id.ToString(CultureInfo.InvariantCulture);

    public static string Passage(int articleId, int linkId) => $"{Article(articleId)}#{PassageAnchor(linkId)}";

    public static string PassageAnchor(int linkId) => "passage-" + linkId.ToString(CultureInfo.InvariantCulture);

    /// <summary>The words an article is quoted with in one of an event's differences (the <paramref name="index"/>th), marked in the article.</summary>
    public static string Quote(int articleId, int eventId, int index) => $"{Article(articleId)}#{QuoteAnchor(eventId, index)}";

    public static string QuoteAnchor(int eventId, int index) => string.Create(CultureInfo.InvariantCulture, $"quote-{eventId}-{index}");

    /// <summary>The timeline scrolled to the event, which it highlights.</summary>
    public static string InTimeline(string slug) => $"/?focus={Uri.EscapeDataString(slug)}#{Uri.EscapeDataString(slug)}";

    /// <summary>Where the site serves an event's uploaded image.</summary>
    public static string Media(string fileId) => "/media/" + Uri.EscapeDataString(fileId);
}
