using Timeline.Core.Text;

namespace Timeline.Core.Tests.Text;

public sealed class SafeMarkdownTests
{
    [Fact]
    public void Renders_ordinary_markdown()
    {
        var html = SafeMarkdown.ToHtml("**The sources differ:** see [the report](https://example.org/a) and [the storyline](/eras/x).");
        Assert.Contains("<strong>The sources differ:</strong>", html);
        Assert.Contains("<a href=\"https://example.org/a\">the report</a>", html);
        Assert.Contains("<a href=\"/eras/x\">the storyline</a>", html);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("Hello <b onclick=\"alert(1)\">there</b>")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>")]
    public void Raw_html_is_escaped_not_passed_through(string markdown)
    {
        var html = SafeMarkdown.ToHtml(markdown);
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("<img", html);
        Assert.DoesNotContain("<b ", html);
        Assert.DoesNotContain("<iframe", html);
        Assert.Contains("&lt;", html);
    }

    [Theory]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("[click](JaVaScRiPt:alert(1))")]
    [InlineData("[click](java&#x09;script:alert(1))")]
    [InlineData("[click](&#106;avascript:alert(1))")]
    [InlineData("[click](data:text/html;base64,PHNjcmlwdD4=)")]
    [InlineData("[click](vbscript:msgbox)")]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("![pic](javascript:alert(1))")]
    [InlineData("[click][r]\n\n[r]: javascript:alert(1)")]
    public void Dangerous_links_lose_their_url(string markdown)
    {
        var html = SafeMarkdown.ToHtml(markdown);
        Assert.DoesNotContain("href=\"javascript", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"data", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"vbscript", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=\"javascript", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<a ", html);
        Assert.DoesNotContain("<img", html);
    }

    [Fact]
    public void The_text_of_a_defanged_link_stays()
    {
        Assert.Equal("<p>click <em>here</em></p>", SafeMarkdown.ToHtml("[click *here*](javascript:alert(1))").Trim());
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("/events/a", true)]
    [InlineData("events/a?x=1:2", true)]
    [InlineData("#passage-1", true)]
    [InlineData("https://example.org", true)]
    [InlineData("mailto:desk@example.org", true)]
    [InlineData(" javascript:alert(1)", false)]
    [InlineData("java\nscript:alert(1)", false)]
    [InlineData("file:///etc/passwd", false)]
    public void IsSafeUrl(string? url, bool safe) => Assert.Equal(safe, SafeMarkdown.IsSafeUrl(url));

    [Fact]
    public void Plain_text_drops_markup()
    {
        Assert.Equal("The sources differ: see the report.", SafeMarkdown.ToPlainText("**The sources differ:** see [the report](https://example.org)."));
        Assert.Equal("<b>bold</b>", SafeMarkdown.ToPlainText("<b>bold</b>"));
    }
}
