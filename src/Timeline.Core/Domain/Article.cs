using Timeline.Core.Dates;

namespace Timeline.Core.Domain;

/// <summary>
/// A news article as imported: the metadata a reader needs to judge it. Its cleaned text is stored compressed in
/// a collection of its own ("article_texts"), so that lists of articles read small documents.
/// </summary>
public class Article
{
    public int Id { get; set; }
    public required string Title { get; set; }
    public required string Outlet { get; set; }
    public string? Author { get; set; }
    public string? Url { get; set; }
    public PartialDate Published { get; set; }

    /// <summary>BCP 47 tag, e.g. "en".</summary>
    public string Language { get; set; } = "en";

    /// <summary>SHA-256 of the cleaned body: the same text is never imported twice.</summary>
    public required string ContentHash { get; set; }

    /// <summary>Where the text came from, e.g. "seed:000_1d9ba4b0c40e118f.txt".</summary>
    public required string ImportOrigin { get; set; }
    public DateTimeOffset ImportedAt { get; set; }

    // Derived ---------------------------------------------------------------------------------------------------

    /// <summary>The outlet's id in the "outlets" collection (the timeline's outlet filter keys on it).</summary>
    public int OutletId { get; set; }

    /// <summary>Links to events of any status, and to published events: readers see an article once the latter is not 0.</summary>
    public int LinkCount { get; set; }
    public int PublicLinkCount { get; set; }

    /// <summary>Publication date (yyyyMMddHHmm), precision, id: the curator's article list, newest first.</summary>
    public string PublishedKey { get; set; } = "";

    /// <summary>True until the dates in the text have been read for the current publication date and language
    /// (the "article_dates" collection holds them): the background reader looks for these.</summary>
    public bool DatesPending { get; set; }

    /// <summary>The published key of an article no event links to: the dashboard's "unlinked" list.</summary>
    public string? UnlinkedKey { get; set; }
}

/// <summary>An article's cleaned text, Brotli-compressed UTF-8 (articles are read whole, and a 600-word text
/// takes a third of the room compressed).</summary>
public class ArticleText
{
    public int Id { get; set; }
    public required byte[] Compressed { get; set; }
}

/// <summary>An outlet, for the timeline's outlet filter and its keys.</summary>
public class Outlet
{
    public int Id { get; set; }
    public required string Name { get; set; }
}
