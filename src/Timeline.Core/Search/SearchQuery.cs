using System.Text;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Spans;

namespace Timeline.Core.Search;

/// <summary>One thing the reader asked for: a word, a "phrase" or a prefix*, required or -excluded; its terms analyzed.</summary>
public sealed record QueryPiece(IReadOnlyList<string> Terms, bool Prefix, bool Excluded);

/// <summary>
/// What a reader typed, read as words (all required), "quoted phrases", prefix* and -exclusion; everything else
/// is plain text. The query is built by hand, term by term, rather than by Lucene's QueryParser, which throws on
/// ordinary text ("AND", "a AND", "[a TO z]", an unmatched quote): nothing typed can be a syntax error here.
/// </summary>
public sealed class SearchQuery
{
    public const int MaxLength = 500;
    public const int MaxPieces = 24;
    public const int MaxPhraseTerms = 16;

    private SearchQuery(string text, IReadOnlyList<QueryPiece> pieces, string? problem)
    {
        Text = text;
        Pieces = pieces;
        Problem = problem;
    }

    /// <summary>The text as typed (trimmed).</summary>
    public string Text { get; }
    public IReadOnlyList<QueryPiece> Pieces { get; }

    /// <summary>Why there is nothing to search for (no word at all, or only exclusions); null when there is a query.</summary>
    public string? Problem { get; }

    public bool IsEmpty => Pieces.All(p => p.Excluded);

    public static SearchQuery Parse(string? input, TimelineAnalyzer analyzer)
    {
        var text = Clean(input);
        var pieces = new List<QueryPiece>();
        foreach (var raw in Split(text))
        {
            if (pieces.Count == MaxPieces)
                break;
            var excluded = raw.StartsWith('-');
            var body = excluded ? raw[1..] : raw;
            var prefix = body.EndsWith('*');
            body = body.TrimEnd('*');
            var terms = analyzer.Terms(body);
            if (terms.Count == 0)
                continue;
            // A quoted phrase, or an unquoted word that analyzes to several terms ("e-mail"), is a phrase of them.
            pieces.Add(new QueryPiece([.. terms.Take(MaxPhraseTerms)], prefix, excluded));
        }
        string? problem = null;
        if (pieces.Count == 0 && text.Length > 0)
            problem = "Type a word to search for: letters or digits, not only punctuation.";
        else if (pieces.Count > 0 && pieces.All(p => p.Excluded))
            problem = "Say what to look for, not only what to leave out (-word).";
        return new SearchQuery(text, pieces, problem);
    }

    /// <summary>Cut to <see cref="MaxLength"/>, control characters and lone surrogates turned into spaces.</summary>
    private static string Clean(string? input)
    {
        var text = (input ?? "").Trim();
        if (text.Length > MaxLength)
            text = text[..MaxLength];
        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                clean.Append(c).Append(text[++i]);
                continue;
            }
            clean.Append(char.IsControl(c) || char.IsSurrogate(c) ? ' ' : c);
        }
        return clean.ToString().Trim();
    }

    /// <summary>Pieces split on spaces and on balanced double quotes; an unmatched quote is ignored, and a quote
    /// between two letters (צה"ל) is part of the word.</summary>
    private static IEnumerable<string> Split(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }
            var excluded = text[i] == '-' && i + 1 < text.Length && text[i + 1] == '"';
            var start = excluded ? i + 1 : i;
            if (text[start] == '"' && text.IndexOf('"', start + 1) is var close and > 0)
            {
                var prefix = close + 1 < text.Length && text[close + 1] == '*';
                yield return (excluded ? "-" : "") + text[(start + 1)..close] + (prefix ? "*" : "");
                i = close + (prefix ? 2 : 1);
                continue;
            }
            var end = i;
            while (end < text.Length && !char.IsWhiteSpace(text[end]))
                end++;
            var word = text[i..end];
            // Quotes at the edges of a word are stray (an unmatched one); inside a word they belong to it.
            yield return word.Trim('"').Replace("\"*", "*");
            i = end;
        }
    }

    /// <summary>
    /// The Lucene query over <paramref name="fields"/> (field → boost): each piece must (or, excluded, must not)
    /// match in one of them. Null when there is nothing positive to look for (Lucene cannot run a pure exclusion).
    /// </summary>
    public Query? ToQuery(IReadOnlyDictionary<string, float> fields)
    {
        if (IsEmpty)
            return null;
        var query = new BooleanQuery();
        foreach (var piece in Pieces)
        {
            var anyField = new BooleanQuery();
            foreach (var (field, boost) in fields)
            {
                var part = PieceQuery(field, piece);
                part.Boost = boost;
                anyField.Add(part, Occur.SHOULD);
            }
            query.Add(anyField, piece.Excluded ? Occur.MUST_NOT : Occur.MUST);
        }
        return query;
    }

    private static Query PieceQuery(string field, QueryPiece piece)
    {
        if (piece.Terms.Count == 1)
            return piece.Prefix ? new PrefixQuery(new Term(field, piece.Terms[0])) : new TermQuery(new Term(field, piece.Terms[0]));
        if (!piece.Prefix)
        {
            var phrase = new PhraseQuery();
            foreach (var term in piece.Terms)
                phrase.Add(new Term(field, term));
            return phrase;
        }
        // "full re"*: the words in order, the last one as a prefix.
        var spans = piece.Terms.Take(piece.Terms.Count - 1).Select(t => (SpanQuery)new SpanTermQuery(new Term(field, t)))
            .Append(new SpanMultiTermQueryWrapper<PrefixQuery>(new PrefixQuery(new Term(field, piece.Terms[^1]))));
        return new SpanNearQuery([.. spans], slop: 0, inOrder: true);
    }
}
