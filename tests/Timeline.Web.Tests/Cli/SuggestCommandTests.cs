using System.Text.Json;
using Timeline.Tests.Support;
using Timeline.Web.Cli;

namespace Timeline.Web.Tests.Cli;

public sealed class SuggestCommandTests
{
    [Fact]
    public async Task The_command_prints_an_articles_dates_and_the_events_it_reports_and_stores_nothing()
    {
        await using var database = await TestStore.CreateSeededAsync();
        var links = database.Store.Links.Count();
        database.Close();
        var file = Path.Combine(Seeds.Directory, "004_253ffd92b0958686.txt");
        var (output, error) = (new StringWriter(), new StringWriter());
        Assert.Equal(0, SuggestCommand.Run([file, "--published", "2023-01-26", "--db", database.Path, "--json"], output, error));

        using var json = JsonDocument.Parse(output.ToString());
        var dates = json.RootElement.GetProperty("dates").EnumerateArray().ToList();
        var evening = dates.Single(d => d.GetProperty("text").GetString() == "Thursday evening");
        Assert.Equal("2023-01-26", evening.GetProperty("date").GetString());
        Assert.Equal("day", evening.GetProperty("precision").GetString());
        Assert.Equal(["2023-01-19"], evening.GetProperty("alternatives").EnumerateArray().Select(a => a.GetString()));
        Assert.True(evening.GetProperty("sentenceStart").GetInt32() <= evening.GetProperty("start").GetInt32());

        var top = json.RootElement.GetProperty("suggestions").EnumerateArray().Take(3).Select(s => s.GetProperty("slug").GetString()).ToList();
        Assert.Equal(
            ["2023-01-26-idf-raid-on-the-jenin-refugee-camp-kills-nine-palestinians", "2023-01-26-the-palestinian-authority-declares-security-coordination-over",
             "2023-01-26-united-states-calls-the-halt-not-the-right-decision"],
            top.Order());
        var passage = json.RootElement.GetProperty("suggestions")[0].GetProperty("passage").GetProperty("text").GetString()!;
        Assert.Contains(passage, File.ReadAllText(file)); // a sentence of the article, word for word

        database.Reopen();
        Assert.Equal(links, database.Store.Links.Count());
        Assert.Equal(0, database.Store.ArticleDates.Count()); // read for the command, not stored
    }

    [Fact]
    public void Bad_arguments_are_named_with_the_usage()
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        Assert.Equal(2, SuggestCommand.Run([], output, error));
        Assert.Contains("--help", error.ToString());
        Assert.Equal(2, SuggestCommand.Run(["/nonexistent/article.txt"], output, error));
        Assert.Contains("does not exist", error.ToString());
        var file = Path.Combine(Seeds.Directory, "004_253ffd92b0958686.txt");
        Assert.Equal(2, SuggestCommand.Run([file, "--published", "26/01/2023"], output, error));
        Assert.Contains("--published", error.ToString());
        Assert.Equal(2, SuggestCommand.Run([file, "--frobnicate"], output, error));
    }
}
