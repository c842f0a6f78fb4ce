using Timeline.Core.Search;

namespace Timeline.Tests.Core.Search;

public sealed class FtsQueryTests
{
    [Theory]
    [InlineData("security coordination", "\"security\" \"coordination\"")]
    [InlineData("\"give full rein\"", "\"give full rein\"")]
    [InlineData("\"give full rein\" Hamas", "\"give full rein\" \"Hamas\"")]
    [InlineData("Rudain*", "\"Rudain\"*")]
    [InlineData("\"full re\"*", "\"full re\"*")]
    [InlineData("\"unbalanced quote", "\"unbalanced\" \"quote\"")]
    [InlineData("NEAR(a b)", "\"NEAR(a\" \"b)\"")]
    [InlineData("title:Kerry", "\"title:Kerry\"")]
    [InlineData("a AND b OR NOT c", "\"a\" \"AND\" \"b\" \"OR\" \"NOT\" \"c\"")]
    [InlineData("say \"\"hi\"\"", "\"say\" \"hi\"")]
    [InlineData("الضفة الغربية", "\"الضفة\" \"الغربية\"")]
    [InlineData("it's", "\"it's\"")]
    public void Typed_text_becomes_quoted_terms(string input, string expected)
    {
        var result = FtsQuery.Build(input);
        Assert.Null(result.Problem);
        Assert.Equal(expected, result.Match);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("*")]
    [InlineData("\"\"")]
    [InlineData("((( ))) - ; *")]
    public void Text_without_a_word_gets_a_message(string input)
    {
        var result = FtsQuery.Build(input);
        Assert.Null(result.Match);
        Assert.Contains("Type a word", result.Problem);
    }

    [Fact]
    public void Long_input_is_bounded()
    {
        var result = FtsQuery.Build(string.Join(' ', Enumerable.Repeat("word", 500)));
        Assert.Equal(FtsQuery.MaxTerms, result.Match!.Split(' ').Length);
    }

    [Fact]
    public void Highlighted_text_is_encoded_before_marks_are_added()
    {
        var text = $"<b>x</b> {Highlighted.Open}match & <script>{Highlighted.Close} tail{Highlighted.Close}";
        Assert.Equal("&lt;b&gt;x&lt;/b&gt; <mark>match &amp; &lt;script&gt;</mark> tail", Highlighted.ToHtml(text));
        Assert.Equal("<mark>open</mark>", Highlighted.ToHtml($"{Highlighted.Open}open"));
    }
}
