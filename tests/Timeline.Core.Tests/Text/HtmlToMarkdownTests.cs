using Timeline.Core.Text;

namespace Timeline.Core.Tests.Text;

public sealed class HtmlToMarkdownTests
{
    [Theory]
    [InlineData("<p>Plain <b>bold</b> and <i>italic</i>.</p>", "Plain **bold** and *italic*.")]
    [InlineData("<p>One</p><p>Two</p>", "One\n\nTwo")]
    [InlineData("<p>Line<br>break</p>", "Line\\\nbreak")]
    [InlineData("<p>Ends with a break<br></p>", "Ends with a break")]
    [InlineData("<ul><li>a<ul><li>b</li></ul></li><li>c</li></ul>", "- a\n\n  - b\n- c")]
    [InlineData("<ol><li>first</li><li>second</li></ol>", "1. first\n2. second")]
    [InlineData("<blockquote><p>Quoted</p></blockquote>", "> Quoted")]
    [InlineData("<p><em>See <a href=\"https://example.org/a b\">this</a></em></p>", "*See [this](<https://example.org/a%20b>)*")]
    [InlineData("<p>1914. The war began.</p>", "1914\\. The war began.")]
    [InlineData("<p>\n  1. not a list</p>", "1\\. not a list")]
    [InlineData("<p>- not a list either</p>", "\\- not a list either")]
    [InlineData("<p>*stars* _under_ [brackets] &amp;copy; <code>&lt;b&gt;</code></p>", "\\*stars\\* \\_under\\_ \\[brackets\\] \\&copy; \\<b\\>")]
    [InlineData("<h2>Heading</h2><p>text</p>", "**Heading**\n\ntext")]
    public void Html_becomes_the_Markdown_that_shows_the_same(string html, string markdown) =>
        Assert.Equal(markdown, HtmlToMarkdown.Convert(html).Markdown);

    [Theory]
    [InlineData("<p>a</p><script>alert(1)</script>", "scripts")]
    [InlineData("<img src=x onerror=alert(1)>", "event handler attributes (onclick, onerror…)")]
    [InlineData("<p><a href=\"javascript:alert(1)\">click</a></p>", "links that are not http, https or mailto (their text is kept)")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>", "embedded content (frames, video, objects)")]
    public void What_cannot_be_kept_is_dropped_and_named(string html, string dropped)
    {
        var converted = HtmlToMarkdown.Convert(html);
        Assert.Contains(dropped, converted.Dropped);
        var rendered = SafeMarkdown.ToHtml(converted.Markdown);
        Assert.DoesNotContain("<script", rendered);
        Assert.DoesNotContain("javascript:", rendered);
        Assert.DoesNotContain("onerror", rendered);
        Assert.DoesNotContain("<iframe", rendered);
    }

    [Fact]
    public void A_headline_is_its_text_without_script() =>
        Assert.Equal("Talks resume", HtmlToMarkdown.ToPlainText("<b>Talks</b> <script>alert('x')</script>resume"));
}
