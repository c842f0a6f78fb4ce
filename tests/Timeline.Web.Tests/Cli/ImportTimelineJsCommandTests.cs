using Timeline.Core.Domain;
using Timeline.Tests.Support;
using Timeline.Web.Cli;

namespace Timeline.Web.Tests.Cli;

public sealed class ImportTimelineJsCommandTests
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "timelinejs", name);

    [Theory]
    [InlineData(new string[0], "missing required argument 'FILE'")]
    [InlineData(new[] { "a.json", "--era" }, "Option 'era' is defined but no value has been provided")]
    [InlineData(new[] { "a.json", "--force" }, "Unknown option 'force'")]
    public async Task Bad_arguments_are_named_with_the_usage(string[] args, string message)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        Assert.Equal(2, await ImportTimelineJsCommand.RunAsync(args, output, error));
        Assert.Contains(message, error.ToString());
        Assert.Contains("--help", error.ToString());
    }

    [Fact]
    public async Task It_imports_into_a_store_says_what_it_did_and_refuses_a_broken_file()
    {
        var folder = TestStore.NewFolder();
        var db = TestStore.StoreFile(folder);
        var (output, error) = (new StringWriter(), new StringWriter());
        Assert.Equal(0, await ImportTimelineJsCommand.RunAsync([Fixture("newsroom.json"), "--publish", "--db", db], output, error));
        Assert.Contains("Imported 4 event(s) as published and 2 new storyline(s)", output.ToString());
        Assert.Contains("Dropped from the text: scripts.", output.ToString());

        (output, error) = (new StringWriter(), new StringWriter());
        Assert.Equal(0, await ImportTimelineJsCommand.RunAsync([Fixture("newsroom.csv"), "--db", db], output, error));
        Assert.Contains("every event in the file is already on the timeline", output.ToString());

        (output, error) = (new StringWriter(), new StringWriter());
        Assert.Equal(1, await ImportTimelineJsCommand.RunAsync([Fixture("bad-entries.json"), "--db", db], output, error));
        Assert.Contains("Event 2: The start year -500 is outside 1–9999", error.ToString());
        Assert.Contains("Nothing was imported", error.ToString());

        // Valid JSON whose string holds half a surrogate pair: named, no stack trace, nothing stored.
        (output, error) = (new StringWriter(), new StringWriter());
        Assert.Equal(1, await ImportTimelineJsCommand.RunAsync([Fixture("lone-surrogate-year.json"), "--db", db], output, error));
        Assert.Contains("Event 1: \"year\" holds a \\u escape that is not a character", error.ToString());
        Assert.DoesNotContain("   at ", error.ToString());

        await using var store = TestStore.Open(folder);
        Assert.Equal(EventStatus.Published, store.Store.Events.FindOne(e => e.Title == "Talks stall").Status);
        Assert.Equal(4, store.Store.Events.Count(e => e.CreatedBy == ImportTimelineJsCommand.User));
    }
}
