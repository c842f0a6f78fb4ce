using Timeline.Core.Dates;
using Timeline.Core.Text;
using Timeline.Tests.Support;

namespace Timeline.Core.Tests.Text;

public sealed class ArticleCleanerTests
{
    private static string[] Paragraphs(CleanedArticle article) => article.Body.Split('\n');

    [Theory]
    [MemberData(nameof(SeedFiles))]
    public void Cleaning_a_seed_drops_only_what_it_reports_as_removed(string file)
    {
        var raw = Seeds.Read(file);
        var cleaned = ArticleCleaner.Clean(raw);
        var kept = Paragraphs(cleaned).ToHashSet();
        foreach (var line in ArticleCleaner.Normalize(raw).Split('\n').Select(Fold).Where(l => l.Length > 0))
        {
            var whereItWent = kept.Contains(line) || cleaned.Removed.Any(r => line.Contains(r));
            Assert.True(whereItWent, $"{file}: the line \"{line}\" was neither kept nor reported as removed.");
        }
        Assert.All(Paragraphs(cleaned), p => Assert.Equal(p.Trim(), p));
        Assert.DoesNotContain("\n\n", cleaned.Body);
    }

    public static TheoryData<string> SeedFiles() => new(Seeds.ArticleFiles);

    [Fact]
    public void A_clean_article_loses_nothing()
    {
        var raw = Seeds.Read("000_1d9ba4b0c40e118f.txt");
        var cleaned = ArticleCleaner.Clean(raw, "Hamas calls for an end to security cooperation with Israel");
        Assert.Empty(cleaned.Removed);
        Assert.Equal(raw.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Length, Paragraphs(cleaned).Length);
        Assert.StartsWith("Hamas said today [Wednesday, April 9, 2014]", cleaned.Body);
        Assert.Contains("(Ma’an/AFP) The move comes just hours after", cleaned.Body);
    }

    [Fact]
    public void A_repeated_photo_caption_with_its_credit_is_removed()
    {
        var cleaned = ArticleCleaner.Clean(Seeds.Read("001_17b7cd9cfa2d65ad.txt"));
        Assert.Equal(["Hamas terrorists", "Hamas terroristsFlash 90"], cleaned.Removed);
        Assert.StartsWith("Hamas responded on Wednesday to Israel’s sanctions", cleaned.Body);
        Assert.EndsWith("\"natural difficulties of discussing such a complex and difficult issue.\"", cleaned.Body);
        // Non-breaking spaces in the scrape become plain single spaces.
        Assert.Contains("Last Thursday, Israel informed the PA of a series", cleaned.Body);
    }

    [Fact]
    public void The_trailing_script_block_and_the_store_promo_before_it_are_removed()
    {
        var cleaned = ArticleCleaner.Clean(Seeds.Read("002_95383a19cb279dd7.txt"),
            "Palestinian leadership ‘rebuffs' pressure to resume security coordination");
        Assert.DoesNotContain("document.getElementById", cleaned.Body);
        Assert.DoesNotContain("Jerusalem Post Store", cleaned.Body);
        Assert.Contains("Jerusalem Post Store", cleaned.Removed);
        Assert.EndsWith("The Palestinian leadership will pursue its moves in the international arena to request protection for the Palestinians, he stressed.", cleaned.Body);
        // The headline repeats the title, so it goes; the standfirst under it is text and stays.
        Assert.StartsWith("Palestinian governing bodies have decided to halt security coordination with Israel.", cleaned.Body);
    }

    [Fact]
    public void A_date_stamp_is_read_and_a_credited_caption_removed_while_a_subheading_stays()
    {
        var cleaned = ArticleCleaner.Clean(Seeds.Read("003_f6519f8894187896.txt"));
        Assert.Equal(PartialDate.Day(2022, 9, 28), cleaned.DetectedDate);
        Assert.StartsWith("The Palestinian Authority is facing growing pressure", cleaned.Body);
        Assert.DoesNotContain("NASSER ISHTAYEH/FLASH90", cleaned.Body);
        Assert.Contains("Palestinian Authority accuses Israel of \"massacres\" against Palestinians", Paragraphs(cleaned));
    }

    [Fact]
    public void Related_story_lines_and_the_byline_are_removed_and_the_author_detected()
    {
        var cleaned = ArticleCleaner.Clean(Seeds.Read("004_253ffd92b0958686.txt"),
            "Palestinians sever security ties after IDF raid in Jenin kills 8 terrorists");
        Assert.Equal("World Israel News Staff", cleaned.DetectedAuthor);
        Assert.DoesNotContain("IDF eliminates 2 wanted terrorists", cleaned.Body);
        Assert.DoesNotContain("By World Israel News Staff", cleaned.Body);
        Assert.DoesNotContain("kills 8 terrorists", cleaned.Body);
        Assert.StartsWith("“The security coordination with the Israeli occupation government is no longer existent as of now.”", cleaned.Body);
        Assert.EndsWith("building an armed infrastructure in Judea and Samaria.", cleaned.Body);
    }

    [Theory]
    [InlineData("Read the full statement on the ministry's site.")]
    [InlineData("Related talks continued on Monday.")]
    [InlineData("By the end of the week, talks had resumed.")]
    public void Sentences_that_merely_start_like_debris_are_kept(string sentence)
    {
        var cleaned = ArticleCleaner.Clean($"First paragraph.\n{sentence}\nLast paragraph.");
        Assert.Equal(["First paragraph.", sentence, "Last paragraph."], Paragraphs(cleaned));
        Assert.Empty(cleaned.Removed);
    }

    [Fact]
    public void Script_in_the_middle_of_the_text_is_not_cut_away_with_the_rest()
    {
        var cleaned = ArticleCleaner.Clean("Intro.\nvar x = document.title;\nThe story goes on.");
        Assert.Contains("The story goes on.", cleaned.Body);
    }

    [Fact]
    public void Whitespace_and_control_characters_are_normalised()
    {
        var cleaned = ArticleCleaner.Clean("\uFEFFOne\u00A0 two\tthree\u0007.\r\n\r\n  Four  five.  \r\n");
        Assert.Equal("One two three.\nFour five.", cleaned.Body);
    }

    private static string Fold(string line) => string.Join(' ', line.Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
