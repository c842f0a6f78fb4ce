using Timeline.Tests.Support;
using Timeline.Web.Cli;

namespace Timeline.Web.Tests.Cli;

public sealed class GenerateCommandTests
{
    [Theory]
    [InlineData(new[] { "--events", "10" }, "--db is required")]
    [InlineData(new[] { "--events", "ten", "--db", "x.db" }, "Failed to convert 'ten'")]
    [InlineData(new[] { "--events", "-5", "--db", "x.db" }, "take whole numbers")]
    [InlineData(new[] { "events", "10" }, "Unknown command 'events'")]
    [InlineData(new[] { "--db" }, "Option 'db' is defined but no value has been provided")]
    public void Bad_arguments_are_named_with_the_usage(string[] args, string message)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        Assert.Equal(2, GenerateCommand.Run(args, output, error));
        Assert.Contains(message, error.ToString());
        Assert.Contains("--help", error.ToString());
    }

    [Fact]
    public async Task It_generates_into_a_new_file_and_refuses_to_overwrite_one()
    {
        var folder = TestStore.NewFolder();
        var (output, error) = (new StringWriter(), new StringWriter());
        Assert.Equal(0, GenerateCommand.Run(["--events", "12", "--articles", "4", "--db", TestStore.StoreFile(folder), "--seed", "2"], output, error));
        Assert.Contains("Generated 12 events, 4 articles", output.ToString());

        Assert.Equal(2, GenerateCommand.Run(["--events", "1", "--db", TestStore.StoreFile(folder)], output, error));
        Assert.Contains("exists already", error.ToString());
        await using var generated = TestStore.Open(folder);
        Assert.Equal(12, generated.Store.Events.Count());
        Assert.Equal(12 + 4, generated.Index.DocumentKeys().Count); // its search index too
    }
}
