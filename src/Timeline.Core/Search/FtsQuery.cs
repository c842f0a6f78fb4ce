using System.Text;

namespace Timeline.Core.Search;

/// <summary>
/// Turns what a reader typed into an FTS5 query that cannot be a syntax error: every word becomes a
/// quoted string, so operators (AND, OR, NOT, NEAR), column filters ("title:") and stray punctuation
/// are just words. A balanced "…" stays a phrase; a trailing * makes a word a prefix.
/// </summary>
public static class FtsQuery
{
    public const int MaxTerms = 12;
    public const int MaxLength = 300;

    public static FtsQueryResult Build(string? input)
    {
        var text = (input ?? "").Trim();
        if (text.Length > MaxLength)
            text = text[..MaxLength];
        var terms = new List<string>();
        var i = 0;
        while (i < text.Length && terms.Count < MaxTerms)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }
            if (text[i] == '"' && text.IndexOf('"', i + 1) is var close and > 0)
            {
                AddTerm(terms, text[(i + 1)..close], prefix: close + 1 < text.Length && text[close + 1] == '*');
                i = close + 1;
                continue;
            }
            var end = i;
            while (end < text.Length && !char.IsWhiteSpace(text[end]))
                end++;
            var word = text[i..end];
            AddTerm(terms, word.Trim('"'), prefix: word.TrimEnd('"').EndsWith('*'));
            i = end;
        }
        return terms.Count == 0
            ? new FtsQueryResult(null, "Type a word to search for: letters or digits, not only punctuation.")
            : new FtsQueryResult(string.Join(' ', terms), null);
    }

    private static void AddTerm(List<string> terms, string raw, bool prefix)
    {
        var words = raw.TrimEnd('*');
        if (!words.Any(char.IsLetterOrDigit))
            return;
        var quoted = new StringBuilder("\"").Append(words.Replace("\"", "\"\"")).Append('"');
        if (prefix)
            quoted.Append('*');
        terms.Add(quoted.ToString());
    }
}

/// <summary>Either an FTS5 MATCH expression or the reason there is none.</summary>
public sealed record FtsQueryResult(string? Match, string? Problem);
