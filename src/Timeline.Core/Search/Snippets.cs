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
    public string Mark(string text, SearchQuery query) => Render(text, Matches(text, query), 0, text.Length, ellipses: false);

    /// <summary>About <see cref="SnippetLength"/> characters around the most distinct matches, marked; the start of
    /// the text when nothing matched.</summary>
    public string Snippet(string text, SearchQuery query)
    {
        var matches = Matches(text, query);
        if (text.Length <= SnippetLength)
            return Render(text, matches, 0, text.Length, ellipses: false);
        var (from, to) = BestWindow(text, matches);
        return Render(text, matches, from, to, ellipses: true);
    }

    private List<(Token Token, int Piece)> Matches(string text, SearchQuery query)
    {
        var tokens = Tokens(text.Length > MaxAnalyzedLength ? text[..MaxAnalyzedLength] : text);
        var matches = new List<(Token, int)>();
        var positive = query.Pieces.Select((p, i) => (Piece: p, Index: i)).Where(p => !p.Piece.Excluded).ToList();
        for (var t = 0; t < tokens.Count; t++)
        {
            foreach (var (piece, index) in positive)
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
                if (!all)
                    continue;
                // A phrase is one mark, from its first word to its last.
                matches.Add((new Token(tokens[t].Start, tokens[t + length - 1].End, piece.Terms[0]), index));
            }
        }
        // Overlapping marks (a word inside a phrase also asked for alone): the first, longest one wins.
        var kept = new List<(Token, int)>();
        foreach (var match in matches.OrderBy(m => m.Item1.Start).ThenByDescending(m => m.Item1.End))
        {
            if (kept.Count == 0 || match.Item1.Start >= kept[^1].Item1.End)
                kept.Add(match);
        }
        return kept;
    }

    private List<Token> Tokens(string text)
    {
        var tokens = new List<Token>();
        using var stream = analyzer.GetTokenStream("text", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
            tokens.Add(new Token(offset.StartOffset, offset.EndOffset, term.ToString()));
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
