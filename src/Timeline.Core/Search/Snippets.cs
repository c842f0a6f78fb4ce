using System.Text;
using Lucene.Net.Analysis.TokenAttributes;

namespace Timeline.Core.Search;

/// <summary>
/// Marks what matched in a text, with <see cref="Highlighted"/>'s markers around the original characters (so
/// "Café" and "الكِتَابُ" are marked as written for the query "cafe كتاب"), and cuts a snippet around the most
/// matches. Written here because the feed has no Lucene.Net.Highlighter; the text is analyzed with the same
/// analyzer as the index, so whatever the index matched is marked.
/// </summary>
public sealed class Snippets(TimelineAnalyzer analyzer)
{
    public const int SnippetLength = 240;
    private const int MaxAnalyzedLength = 50_000;

    private sealed record Token(int Start, int End, string Term);

    /// <summary>The whole text with every match marked.</summary>
    public string Mark(string text, SearchQuery query) => Render(text, Matches(text, query, untilAllFound: false), 0, text.Length, ellipses: false);

    /// <summary>About <see cref="SnippetLength"/> characters around the most distinct matches, marked; the start of
    /// the text when nothing matched.</summary>
    public string Snippet(string text, SearchQuery query)
    {
        var matches = Matches(text, query, untilAllFound: true);
        if (text.Length <= SnippetLength)
            return Render(text, matches, 0, text.Length, ellipses: false);
        var (from, to) = BestWindow(text, matches);
        return Render(text, matches, from, to, ellipses: true);
    }

    /// <summary>
    /// The marks in the text. With <paramref name="untilAllFound"/> (for a snippet) the text is analyzed a part at a
    /// time, and analysis stops once every word of the query is found: a common word is found in the first lines,
    /// and analyzing a long article whole costs milliseconds a hit.
    /// </summary>
    private List<(Token Token, int Piece)> Matches(string text, SearchQuery query, bool untilAllFound)
    {
        var positive = query.Pieces.Select((p, i) => (Piece: p, Index: i)).Where(p => !p.Piece.Excluded).ToList();
        var limit = Math.Min(text.Length, MaxAnalyzedLength);
        var tokens = new List<Token>();
        var from = 0;
        while (from < limit)
        {
            var to = untilAllFound ? PartEnd(text, from, limit) : limit;
            tokens.AddRange(Tokens(text, from, to));
            from = to;
            if (untilAllFound && positive.All(p => FindMatches(tokens, [p]).Count > 0))
                break;
        }
        // Overlapping marks (a word inside a phrase also asked for alone): the first, longest one wins.
        var kept = new List<(Token, int)>();
        foreach (var match in FindMatches(tokens, positive).OrderBy(m => m.Item1.Start).ThenByDescending(m => m.Item1.End))
        {
            if (kept.Count == 0 || match.Item1.Start >= kept[^1].Item1.End)
                kept.Add(match);
        }
        return kept;
    }

    private static List<(Token, int)> FindMatches(List<Token> tokens, List<(QueryPiece Piece, int Index)> pieces)
    {
        var matches = new List<(Token, int)>();
        for (var t = 0; t < tokens.Count; t++)
        {
            foreach (var (piece, index) in pieces)
            {
                var length = piece.Terms.Count;
                if (t + length > tokens.Count)
                    continue;
                var all = true;
                for (var k = 0; k < length && all; k++)
                {
                    var term = tokens[t + k].Term;
                    var wanted = piece.Terms[k];
                    all = k == length - 1 && piece.Prefix ? term.StartsWith(wanted, StringComparison.Ordinal) : term == wanted;
                }
                // A phrase is one mark, from its first word to its last.
                if (all)
                    matches.Add((new Token(tokens[t].Start, tokens[t + length - 1].End, piece.Terms[0]), index));
            }
        }
        return matches;
    }

    private const int PartLength = 800;

    /// <summary>Where the next part to analyze ends: about <see cref="PartLength"/> characters on, at a space.</summary>
    private static int PartEnd(string text, int from, int limit)
    {
        if (limit - from <= PartLength * 3 / 2)
            return limit;
        var space = text.IndexOf(' ', from + PartLength);
        return space < 0 || space >= limit ? limit : space;
    }

    private List<Token> Tokens(string text, int from, int to)
    {
        var tokens = new List<Token>();
        using var stream = analyzer.GetTokenStream("text", text.Substring(from, to - from));
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
            tokens.Add(new Token(from + offset.StartOffset, from + offset.EndOffset, term.ToString()));
        stream.End();
        return tokens;
    }

    /// <summary>The window of the snippet's length holding the most distinct query pieces, then the most matches.</summary>
    private static (int From, int To) BestWindow(string text, List<(Token Token, int Piece)> matches)
    {
        var best = (From: 0, Score: (-1, -1));
        foreach (var (token, _) in matches)
        {
            var from = Math.Max(0, token.Start - 60);
            var inside = matches.Where(m => m.Token.Start >= from && m.Token.End <= from + SnippetLength).ToList();
            var score = (inside.Select(m => m.Piece).Distinct().Count(), inside.Count);
            if (score.CompareTo(best.Score) > 0)
                best = (from, score);
        }
        var start = best.Score.Item1 < 0 ? 0 : best.From;
        // Start and end on word boundaries.
        if (start > 0)
        {
            var space = text.LastIndexOf(' ', start);
            start = space < 0 ? 0 : space + 1;
        }
        var end = Math.Min(text.Length, start + SnippetLength);
        if (end < text.Length)
        {
            var space = text.LastIndexOf(' ', end);
            if (space > start + SnippetLength / 2)
                end = space;
        }
        return (start, end);
    }

    private static string Render(string text, List<(Token Token, int Piece)> matches, int from, int to, bool ellipses)
    {
        var result = new StringBuilder();
        if (ellipses && from > 0)
            result.Append('…');
        var at = from;
        foreach (var (token, _) in matches)
        {
            if (token.Start < at || token.End > to)
                continue;
            Plain(result, text, at, token.Start).Append(Highlighted.Open);
            Plain(result, text, token.Start, token.End).Append(Highlighted.Close);
            at = token.End;
        }
        Plain(result, text, at, to);
        if (ellipses && to < text.Length)
            result.Append('…');
        return result.ToString();
    }

    /// <summary>Text between marks: the marker characters themselves (which a typed title may hold) are left out, and
    /// line breaks become spaces.</summary>
    private static StringBuilder Plain(StringBuilder result, string text, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            var c = text[i];
            if (c is not (Highlighted.Open or Highlighted.Close))
                result.Append(c == '\n' ? ' ' : c);
        }
        return result;
    }
}
