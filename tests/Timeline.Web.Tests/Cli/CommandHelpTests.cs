using Timeline.Web.Cli;

namespace Timeline.Web.Tests.Cli;

/// <summary>--help for the command line and for each command, from Spectre.Console.Cli: what it does, its arguments and options.</summary>
public sealed class CommandHelpTests
{
    [Theory]
    [InlineData(new[] { "--help" }, new[] { "generate", "users", "import-timelinejs", "suggest", "export", "backup", "restore" })]
    [InlineData(new[] { "generate", "--help" }, new[] { "--events <N>", "--articles <N>", "--seed <N>", "--db <PATH>" })]
    [InlineData(new[] { "users", "--help" }, new[] { "list", "add <NAME>", "reset-password <NAME>", "disable <NAME>", "enable <NAME>", "role <NAME> <ROLE>" })]
    [InlineData(new[] { "users", "add", "--help" }, new[] { "<NAME>", "--role <ROLE>", "Editor (the default) or Admin", "--db <PATH>" })]
    [InlineData(new[] { "import-timelinejs", "--help" }, new[] { "<FILE>", "--era <SLUG>", "--publish", "--db <PATH>" })]
    [InlineData(new[] { "suggest", "--help" }, new[] { "<FILE>", "--published <DATE>", "--json", "--db <PATH>" })]
    [InlineData(new[] { "export", "--help" }, new[] { "--to <FOLDER>", "--db <PATH>" })]
    [InlineData(new[] { "backup", "--help" }, new[] { "--to <FOLDER>", "--db <PATH>" })]
    [InlineData(new[] { "restore", "--help" }, new[] { "--from <FILE>", "--db <PATH>" })]
    public async Task Each_command_explains_itself(string[] args, string[] expected)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        Assert.Equal(0, await CommandLine.RunAsync(args, TextReader.Null, output, error));
        Assert.Contains("USAGE:", output.ToString());
        foreach (var text in expected)
            Assert.Contains(text, output.ToString());
        Assert.Equal("", error.ToString());
    }

    [Fact]
    public async Task Anything_but_a_command_starts_the_app_and_a_wrong_one_points_to_the_help()
    {
        Assert.False(CommandLine.Handles(["--urls", "http://127.0.0.1:5180"]));
        Assert.False(CommandLine.Handles([]));
        var (output, error) = (new StringWriter(), new StringWriter());
        Assert.Equal(2, await CommandLine.RunAsync(["users", "promote", "ada"], TextReader.Null, output, error));
        Assert.Contains("Unknown command 'promote'", error.ToString());
        Assert.Contains("See: dotnet run --project src/Timeline.Web -- users --help", error.ToString());
    }
}
