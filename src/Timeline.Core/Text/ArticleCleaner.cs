using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Timeline.Core.Dates;

namespace Timeline.Core.Text;

/// <summary>The text of an article once scraping debris is gone, and what the debris told us.</summary>
public sealed record CleanedArticle(string Body, PartialDate? DetectedDate, string? DetectedAuthor, IReadOnlyList<string> Removed);

/// <summary>
/// Turns scraped article text into clean paragraphs. It removes only what is recognisably not the
/// article: a trailing block of page script (and the shop/promo lines just before it), photo captions
/// with their credits, "Read …" related-story lines, lines of bare punctuation, a leading
/// "date YYYY-MM-DD" stamp, a byline, and a first line that repeats the headline. Everything else is kept word for word.
/// </summary>
public static partial class ArticleCleaner
{
    public static CleanedArticle Clean(string raw, string? title = null)
    {
        var removed = new List<string>();
        var lines = Normalize(raw).Split('\n').Select(CollapseSpaces).ToList();

        PartialDate? detectedDate = null;
        var first = lines.FindIndex(l => l.Length > 0);
        if (first >= 0 && DateStamp().Match(lines[first]) is { Success: true } stamp)
        {
            detectedDate = PartialDate.Parse(stamp.Groups["date"].Value);
            removed.Add(stamp.Value.Trim());
            lines[first] = lines[first][stamp.Length..].Trim();
        }

        RemoveTrailingScript(lines, removed);

        string? author = null;
        var kept = new List<string>();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.Length == 0)
                continue;
            var next = lines.Skip(i + 1).FirstOrDefault(l => l.Length > 0);
            if (next is not null && IsCaptionRepeatedWithCredit(line, next))
            {
                removed.Add(line);
                removed.Add(next);
                i = lines.IndexOf(next, i + 1);
                continue;
            }
            if (CaptionCredit().IsMatch(line) || IsRelatedStoryLine(line) || !line.Any(char.IsLetterOrDigit))
            {
                removed.Add(line);
                continue;
            }
            if (author is null && Byline().Match(line) is { Success: true } byline)
            {
                author = byline.Groups["name"].Value.Trim();
                removed.Add(line);
                continue;
            }
            if (kept.Count == 0 && title is not null && SameWords(line, title))
            {
                removed.Add(line);
                continue;
            }
            kept.Add(line);
        }
        return new CleanedArticle(string.Join('\n', kept), detectedDate, author, removed);
    }

    /// <summary>Unix newlines, NFC, no control characters but newlines, tabs and odd spaces as plain spaces.</summary>
    public static string Normalize(string raw)
    {
        var text = UnicodeText.Normalize(raw.Replace("\r\n", "\n").Replace('\r', '\n'), NormalizationForm.FormC);
        var result = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c == '\n')
                result.Append(c);
            else if (c == '\t' || c == '\u00A0' || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.SpaceSeparator)
                result.Append(' ');
            else if (!char.IsControl(c) && c != '\uFEFF')
                result.Append(c);
        }
        return result.ToString();
    }

    private static string CollapseSpaces(string line) => Spaces().Replace(line, " ").Trim();

    private static void RemoveTrailingScript(List<string> lines, List<string> removed)
    {
        var firstScript = lines.FindIndex(IsScript);
        if (firstScript < 0 || lines.Skip(firstScript).Any(l => l.Length > 0 && !IsScript(l)))
            return; // script in the middle of the text is not debris we understand: leave it
        removed.AddRange(lines.Skip(firstScript).Where(l => l.Length > 0));
        lines.RemoveRange(firstScript, lines.Count - firstScript);
        // A short line with no sentence end right before the script is the page's promo ("… Store").
        while (lines.Count > 0 && (lines[^1].Length == 0 || IsShortLabel(lines[^1])))
        {
            if (lines[^1].Length > 0)
                removed.Add(lines[^1]);
            lines.RemoveAt(lines.Count - 1);
        }
    }

    private static bool IsScript(string line) => ScriptCode().IsMatch(line);

    private static bool IsShortLabel(string line) =>
        line.Split(' ').Length <= 6 && !SentenceEnd().IsMatch(line);

    /// <summary>"Hamas terrorists" followed by "Hamas terroristsFlash 90": a caption, then the caption with its credit glued on.</summary>
    private static bool IsCaptionRepeatedWithCredit(string line, string next) =>
        IsShortLabel(line) && next.Length > line.Length && next.StartsWith(line, StringComparison.Ordinal)
        && !SentenceEnd().IsMatch(next);

    private static bool IsRelatedStoryLine(string line) =>
        RelatedStory().IsMatch(line) && !SentenceEnd().IsMatch(line) && line.Split(' ').Length <= 30;

    private static bool SameWords(string a, string b) => Slugs.Slugify(a, int.MaxValue) == Slugs.Slugify(b, int.MaxValue);

    [GeneratedRegex(@"^\s*date\s+(?<date>\d{4}-\d{2}-\d{2})\s+", RegexOptions.IgnoreCase)]
    private static partial Regex DateStamp();

    [GeneratedRegex(@"\bdocument\.\w+|\binnerHTML\b|\bfunction\s*\(|\bvar\s+\w+\s*=|\.style\.\w+\s*=|^\s*[`}\]]\s*\)?\s*;")]
    private static partial Regex ScriptCode();

    [GeneratedRegex(@"\((photo\s+)?credits?\s*:[^)]*\)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex CaptionCredit();

    [GeneratedRegex(@"^(read(\s+more|\s+also)?|related|see\s+also)\b\s*:?\s+\S", RegexOptions.IgnoreCase)]
    private static partial Regex RelatedStory();

    [GeneratedRegex(@"^By\s+(?<name>[\p{Lu}][\p{L}.'’\- ]{1,80})$")]
    private static partial Regex Byline();

    [GeneratedRegex(@"[.!?…:][""”’')\]]*$")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@" {2,}")]
    private static partial Regex Spaces();
}
