using Timeline.Core.Dates;

namespace Timeline.Core.Domain;

/// <summary>A news article as imported: cleaned text plus the metadata a reader needs to judge it.</summary>
public class Article
{
    public int Id { get; set; }
    public required string Title { get; set; }
    public required string Outlet { get; set; }
    public string? Author { get; set; }
    public string? Url { get; set; }

    public DateTime PublishedAt { get; set; }
    public DatePrecision PublishedPrecision { get; set; }
    public bool PublishedApproximate { get; set; }

    public PartialDate Published
    {
        get => new(PublishedAt, PublishedPrecision, PublishedApproximate);
        set => (PublishedAt, PublishedPrecision, PublishedApproximate) = (value.Value, value.Precision, value.Approximate);
    }

    /// <summary>BCP 47 tag, e.g. "en".</summary>
    public string Language { get; set; } = "en";

    /// <summary>The cleaned text: paragraphs separated by single newlines, scraping debris removed.</summary>
    public required string Body { get; set; }

    /// <summary>SHA-256 of the cleaned body: the same text is never imported twice.</summary>
    public required string ContentHash { get; set; }

    /// <summary>Where the text came from, e.g. "seed:000_1d9ba4b0c40e118f.txt".</summary>
    public required string ImportOrigin { get; set; }
    public DateTimeOffset ImportedAt { get; set; }

    public List<EventArticleLink> Links { get; set; } = [];
}
