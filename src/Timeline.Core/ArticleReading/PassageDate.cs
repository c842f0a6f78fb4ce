using Timeline.Core.Curation;
using Timeline.Core.Domain;
using Timeline.Core.Storage;

namespace Timeline.Core.ArticleReading;

/// <summary>The date a link's passage gives: what prefills "the date this source gives" when a curator links an article.</summary>
public static class PassageDate
{
    /// <summary>The first date read inside the passage, as the article's reading resolved it; null when it holds none
    /// (or the article has not been read yet).</summary>
    public static DateMention? Find(TimelineStore store, int articleId, string passage)
    {
        if (store.ArticleDates.FindById(articleId) is not { Mentions.Count: > 0 } dates)
            return null;
        var text = store.ArticleText(articleId);
        if (LinkEditor.LocatePassage(text, passage.Trim()) is not { } exact)
            return null;
        var start = text.IndexOf(exact, StringComparison.Ordinal);
        return dates.Mentions.FirstOrDefault(m => m.Start >= start && m.End <= start + exact.Length);
    }
}
