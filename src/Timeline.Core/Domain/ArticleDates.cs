using Timeline.Core.Dates;

namespace Timeline.Core.Domain;

/// <summary>
/// A date written in an article's text, resolved against its publication date. Offsets are UTF-16 positions in the
/// article's cleaned text: the mention's words, and the sentence that holds them (the passage a link would quote).
/// </summary>
public sealed class DateMention
{
    public string Text { get; set; } = "";
    public int Start { get; set; }
    public int Length { get; set; }
    public int SentenceStart { get; set; }
    public int SentenceLength { get; set; }

    /// <summary>The date the words mean, at the precision they carry: "in July" is a month, "three years ago" a year.</summary>
    public PartialDate Date { get; set; }

    /// <summary>For words that name a date without its year or week ("April 29", "on Wednesday"), the other
    /// reading: the future one when <see cref="Date"/> is the past one, and the other way round.</summary>
    public PartialDate? Alternative { get; set; }

    public int End => Start + Length;
    public int SentenceEnd => SentenceStart + SentenceLength;
}

/// <summary>What reading an article found: its date mentions in text order, at most ArticleReader.MaxMentions.</summary>
public sealed class ArticleDates
{
    /// <summary>The article's id (the document's key in the "article_dates" collection).</summary>
    public int Id { get; set; }
    public List<DateMention> Mentions { get; set; } = [];

    /// <summary>The text held more dates than are kept.</summary>
    public bool Truncated { get; set; }

    /// <summary>Relative dates ("on Wednesday", "last month") were read: only in English, the recognizer's one language.</summary>
    public bool RelativeDatesRead { get; set; }

    /// <summary>The publication date and language the dates were resolved against: a change to either reads them again.</summary>
    public PartialDate Published { get; set; }
    public string Language { get; set; } = "";
}
