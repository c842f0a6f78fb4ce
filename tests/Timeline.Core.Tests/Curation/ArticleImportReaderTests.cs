using Timeline.Core.Importing;
using System.Text;
using Timeline.Core.Curation;
using Timeline.Core.Dates;
using Timeline.Tests.Support;

namespace Timeline.Core.Tests.Curation;

public sealed class ArticleImportReaderTests
{
    [Fact]
    public void Html_gives_its_metadata_and_readable_text_without_page_furniture()
    {
        const string html = """
            <html lang="he"><head><title>Site | Headline</title>
            <meta property="og:title" content="The headline">
            <meta property="og:site_name" content="Gazette">
            <meta name="author" content="A. Writer">
            <meta property="article:published_time" content="2022-09-28T10:00:00+03:00">
            <link rel="canonical" href="https://gazette.example/a">
            <style>p { color: red }</style><script>alert('x')</script></head>
            <body><header>Menu</header><nav>Home · World</nav>
            <main><article><h1>The headline</h1><p>First <b>bold</b> paragraph.</p><div>Second<br>line</div>
            <figure><img src="x.jpg"><figcaption>A caption</figcaption></figure><form><input></form></article></main>
            <aside>Most read</aside><footer>Copyright</footer></body></html>
            """;
        var read = ArticleImportReader.ReadFile("story.html", Encoding.UTF8.GetBytes(html));
        var form = Assert.IsType<ArticleForm>(read.Form);
        Assert.Equal(("The headline", "Gazette", "A. Writer", "https://gazette.example/a", "he"), (form.Title, form.Outlet, form.Author, form.Url, form.Language));
        Assert.True(form.Published.TryBuild(out var date, out _));
        Assert.Equal(PartialDate.Day(2022, 9, 28), date);
        Assert.Equal("First bold paragraph.\nSecond\nline", form.Body);
        Assert.Equal("upload:story.html", form.Origin);
    }

    [Fact]
    public void Markdown_front_matter_and_heading_fill_the_form()
    {
        const string markdown = "---\ntitle: \"Front title\"\noutlet: Wire\ndate: 2014-04-09\nurl: https://wire.example/x\n---\n# Ignored heading\n\nA paragraph with **bold** and [a link](javascript:alert(1)).\n\nAnother paragraph.\n";
        var form = ArticleImportReader.ReadFile("a.md", Encoding.UTF8.GetBytes(markdown)).Form!;
        Assert.Equal(("Front title", "Wire", "https://wire.example/x"), (form.Title, form.Outlet, form.Url));
        Assert.True(form.Published.TryBuild(out var date, out _));
        Assert.Equal(PartialDate.Day(2014, 4, 9), date);
        Assert.Contains("A paragraph with bold and a link.", form.Body);
        Assert.DoesNotContain("javascript", form.Body);
        Assert.DoesNotContain("**", form.Body);
    }

    [Fact]
    public void The_seed_articles_read_as_plain_text_match_what_the_seeding_stored()
    {
        var text = File.ReadAllText(Path.Combine(Seeds.Directory, "004_253ffd92b0958686.txt"));
        var form = ArticleImportReader.ReadPasted(text).Form!;
        Assert.Equal("Palestinians sever security ties after IDF raid in Jenin kills 8 terrorists", form.Title);
        Assert.Equal("World Israel News Staff", form.Author);
        Assert.DoesNotContain("By World Israel News Staff", form.Body);
        Assert.Equal("paste", form.Origin);

        var dated = ArticleImportReader.ReadPasted(File.ReadAllText(Path.Combine(Seeds.Directory, "000_1d9ba4b0c40e118f.txt"))).Form!;
        Assert.True(dated.Published.TryBuild(out var date, out _));
        Assert.Equal(PartialDate.Day(2014, 4, 9), date); // "[Wednesday, April 9, 2014]" in the first line
    }

    [Fact]
    public void Pasted_html_is_read_as_html()
    {
        var form = ArticleImportReader.ReadPasted("<p>One <script>evil()</script>paragraph.</p><p>Two.</p>").Form!;
        Assert.Equal("One paragraph.\nTwo.", form.Body);
    }

    [Theory]
    [InlineData("report.pdf", "only .txt, .md and .html")]
    [InlineData("image.png", "only .txt, .md and .html")]
    public void Other_kinds_of_file_are_refused(string name, string message) =>
        Assert.Contains(message, ArticleImportReader.ReadFile(name, "text"u8.ToArray()).Error);

    [Fact]
    public void Binary_and_oversized_files_are_refused_with_a_reason()
    {
        Assert.Contains("not UTF-8 text", ArticleImportReader.ReadFile("a.txt", [0xFF, 0xFE, 0x00, 0xC3]).Error);
        Assert.Contains("NUL bytes", ArticleImportReader.ReadFile("a.txt", [0x41, 0x00, 0x42]).Error);
        Assert.Contains("at most 2 MB", ArticleImportReader.ReadFile("a.txt", new byte[ArticleImportReader.MaxFileBytes + 1]).Error);
        Assert.Contains("Paste the article's text first", ArticleImportReader.ReadPasted("  ").Error);
    }

    [Theory]
    [InlineData("שלום עולם וכל יושביו", "he")]
    [InlineData("مرحبا بالعالم كله", "ar")]
    [InlineData("Hello world", "en")]
    public void The_language_is_guessed_from_the_script(string text, string language) =>
        Assert.Equal(language, ArticleImportReader.GuessLanguage(text));
}
