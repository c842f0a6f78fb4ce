using System.Globalization;
using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Ar;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;
using Timeline.Core.Text;

namespace Timeline.Core.Search;

/// <summary>
/// How text becomes search terms, the same for indexing, queries and highlighting: Unicode words (Latin, Arabic,
/// Hebrew alike), lower case, diacritics and marks folded (café = CAFÉ, كِتَاب = كتاب, יְרוּשָׁלַיִם = ירושלים),
/// in-word quotes dropped (צה"ל = צה״ל = צהל), Arabic letter forms normalised and light-stemmed. No stop words,
/// so "the" and phrases such as "of the" are found. Any change here needs a rebuilt index: bump <see cref="Version"/>.
/// </summary>
public sealed class TimelineAnalyzer : Analyzer
{
    public const string Version = "1";
    public static readonly LuceneVersion Lucene = LuceneVersion.LUCENE_48;

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(Lucene, reader);
        TokenStream stream = new LowerCaseFilter(Lucene, source);
        stream = new FoldMarksFilter(stream);
        stream = new ASCIIFoldingFilter(stream);
        stream = new ArabicNormalizationFilter(stream);
        stream = new ArabicStemFilter(stream);
        return new TokenStreamComponents(source, stream);
    }

    /// <summary>The terms of <paramref name="text"/>, in order, as the index holds them.</summary>
    public IReadOnlyList<string> Terms(string text)
    {
        var terms = new List<string>();
        using var stream = GetTokenStream("text", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
            terms.Add(term.ToString());
        stream.End();
        return terms;
    }
}

/// <summary>
/// Drops combining marks (after canonical decomposition) and the quotes that sit inside Hebrew and English words,
/// and lower-cases again: LowerCaseFilter leaves "İ" alone, which decomposes to "I" + a dot. No ICU package is
/// in the feed, hence this filter of our own.
/// </summary>
public sealed class FoldMarksFilter(TokenStream input) : TokenFilter(input)
{
    private readonly ICharTermAttribute term = input.AddAttribute<ICharTermAttribute>();

    public override bool IncrementToken()
    {
        while (m_input.IncrementToken())
        {
            if (IsPlain(term.Buffer, term.Length))
                return true; // plain ASCII letters and digits, already lower case: nothing to fold (most tokens)
            var folded = Fold(term.ToString());
            if (folded.Length == 0)
                continue; // a token of marks or quotes only
            term.SetEmpty().Append(folded);
            return true;
        }
        return false;
    }

    private static bool IsPlain(char[] buffer, int length)
    {
        for (var i = 0; i < length; i++)
        {
            var c = buffer[i];
            if (c >= 0x80 || c is '\'' or '"' || c is >= 'A' and <= 'Z')
                return false;
        }
        return true;
    }

    public static string Fold(string token)
    {
        var decomposed = UnicodeText.Normalize(token, NormalizationForm.FormD);
        var kept = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark)
                continue;
            if (c is '\'' or '"' or '’' or '‘' or '׳' or '״')
                continue;
            kept.Append(c);
        }
        return UnicodeText.Normalize(kept.ToString(), NormalizationForm.FormC).ToLowerInvariant();
    }
}
