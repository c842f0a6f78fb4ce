using System.Text.RegularExpressions;

namespace Timeline.Core.ArticleReading;

/// <summary>
/// A new event's title drafted from the sentence it was started from: the date words and the attribution
/// ("…, officials said") taken out, the first clause kept, at most <see cref="MaxLength"/> characters, cut at a
/// word. A draft for the curator to edit, not a headline.
/// </summary>
public static partial class DraftTitle
{
    public const int MaxLength = 100;

    public static string From(string sentence, int dateStart, int dateLength)
    {
        var text = sentence.Remove(dateStart, dateLength);
        text = LeadingDateWords().Replace(text, "");
        text = DanglingPreposition().Replace(text, " ");
        text = Attribution().Replace(text, "");
        text = SpaceBeforePunctuation().Replace(Spaces().Replace(text, " "), "$1").Trim().TrimEnd('.', ',', ';', ':').Trim('"', '“', '”', ' ');
        if (text.Length > MaxLength)
        {
            var cut = text.LastIndexOf(' ', MaxLength);
            text = text[..(cut > MaxLength / 2 ? cut : MaxLength)].TrimEnd(',', ';', ':', ' ');
        }
        return text.Length > 0 ? char.ToUpperInvariant(text[0]) + text[1..] : sentence.Trim();
    }

    [GeneratedRegex(@"^\s*(?:(on|in|last|this|since|by|from|until)\b)?\s*,?\s*", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingDateWords();

    [GeneratedRegex(@"\s+(on|in|last|this|since|by)\s+(?=[,.;]|$)", RegexOptions.IgnoreCase)]
    private static partial Regex DanglingPreposition();

    /// <summary>", the union leader told reporters." at the end: the attribution, never the quote before it.</summary>
    [GeneratedRegex(@"[,""”’']*\s+(?:the\s+|an?\s+)?(?:[\p{L}’'-]+\s+){0,3}?(?:said|says|added|told(?:\s+\p{L}+)?|reported)\s*\.?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Attribution();

    [GeneratedRegex(@"\s+([,.;:!?])")]
    private static partial Regex SpaceBeforePunctuation();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
