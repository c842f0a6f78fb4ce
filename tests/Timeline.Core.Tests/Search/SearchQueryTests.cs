using Timeline.Core.Search;

namespace Timeline.Core.Tests.Search;

public sealed class SearchQueryTests
{
    private static readonly TimelineAnalyzer Analyzer = new();

    private static string Describe(SearchQuery query) => string.Join(" ", query.Pieces.Select(p =>
        (p.Excluded ? "-" : "") + (p.Terms.Count > 1 ? $"\"{string.Join(' ', p.Terms)}\"" : p.Terms[0]) + (p.Prefix ? "*" : "")));

    [Theory]
    [InlineData("security coordination", "security coordination")]
    [InlineData("\"give full rein\"", "\"give full rein\"")]
    [InlineData("\"give full rein\" Hamas", "\"give full rein\" hamas")]
    [InlineData("Rudain*", "rudain*")]
    [InlineData("\"full re\"*", "\"full re\"*")]
    [InlineData("\"unbalanced quote", "unbalanced quote")]
    [InlineData("NEAR(a b)", "\"near a\" b")]
    [InlineData("title:Kerry", "title:kerry")]
    [InlineData("a AND b OR NOT c", "a and b or not c")]
    [InlineData("Kerry -Liberman", "kerry -liberman")]
    [InlineData("Kerry -\"prisoner release\"", "kerry -\"prisoner release\"")]
    [InlineData("it's", "its")]
    [InlineData("e-mail", "\"e mail\"")]
    [InlineData("CAFÉ Zürich", "cafe zurich")]
    public void Typed_text_becomes_words_phrases_prefixes_and_exclusions(string input, string expected)
    {
        var query = SearchQuery.Parse(input, Analyzer);
        Assert.Null(query.Problem);
        Assert.Equal(expected, Describe(query));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("*")]
    [InlineData("\"\"")]
    [InlineData("((( ))) - ; *")]
    public void Text_without_a_word_gets_a_message(string input)
    {
        var query = SearchQuery.Parse(input, Analyzer);
        Assert.Null(query.ToQuery(new Dictionary<string, float> { ["title"] = 1 }));
        Assert.Equal(input.Trim().Length == 0 ? null : "Type a word to search for: letters or digits, not only punctuation.", query.Problem);
    }

    [Fact]
    public void Only_exclusions_say_what_is_missing()
    {
        var query = SearchQuery.Parse("-Kerry", Analyzer);
        Assert.Null(query.ToQuery(new Dictionary<string, float> { ["title"] = 1 }));
        Assert.Contains("not only what to leave out", query.Problem);
    }

    [Fact]
    public void Long_input_is_bounded()
    {
        var query = SearchQuery.Parse(string.Join(' ', Enumerable.Repeat("word", 500)), Analyzer);
        Assert.Equal(SearchQuery.MaxPieces, query.Pieces.Count);
        Assert.Equal(SearchQuery.MaxPhraseTerms, SearchQuery.Parse("\"" + string.Join(' ', Enumerable.Repeat("w", 100)) + "\"", Analyzer).Pieces[0].Terms.Count);
    }

    [Theory]
    [InlineData("كتاب", "كِتَاب")]
    [InlineData("كتاب", "الكتاب")]
    [InlineData("كتاب", "الكِتَابُ")]
    [InlineData("سلام", "سـلام")]
    [InlineData("اخبار", "أخبار")]
    [InlineData("ירושלים", "יְרוּשָׁלַיִם")]
    [InlineData("צה\"ל", "צה״ל")]
    [InlineData("צה\"ל", "צהל")]
    [InlineData("cafe", "CAFÉ")]
    [InlineData("istanbul", "İstanbul")]
    [InlineData("strasse", "Straße")]
    [InlineData("lodz", "Łódź")]
    [InlineData("dont", "don’t")]
    public void Spellings_a_reader_would_call_the_same_are_one_term(string typed, string written) =>
        Assert.Equal(Analyzer.Terms(written), Analyzer.Terms(typed));

    [Fact]
    public void Highlighted_text_is_encoded_before_marks_are_added()
    {
        var text = $"<b>x</b> {Highlighted.Open}match & <script>{Highlighted.Close} tail{Highlighted.Close}";
        Assert.Equal("&lt;b&gt;x&lt;/b&gt; <mark>match &amp; &lt;script&gt;</mark> tail", Highlighted.ToHtml(text));
        Assert.Equal("<mark>open</mark>", Highlighted.ToHtml($"{Highlighted.Open}open"));
    }

    [Fact]
    public void Snippets_mark_what_matched_as_it_is_written()
    {
        var snippets = new Snippets(Analyzer);
        var marked = snippets.Mark("Le Café du Commerce, الكِتَابُ", SearchQuery.Parse("cafe كتاب", Analyzer));
        Assert.Equal($"Le {Highlighted.Open}Café{Highlighted.Close} du Commerce, {Highlighted.Open}الكِتَابُ{Highlighted.Close}", marked);
        var text = string.Join(' ', Enumerable.Repeat("filler words here.", 60)) + " The needle is here. " + string.Join(' ', Enumerable.Repeat("more filler.", 60));
        var snippet = snippets.Snippet(text, SearchQuery.Parse("needle", Analyzer));
        Assert.Contains($"{Highlighted.Open}needle{Highlighted.Close}", snippet);
        Assert.True(snippet.Length < Snippets.SnippetLength + 10);
        Assert.StartsWith("…", snippet);
    }
}
