using Timeline.Tests.Support;
using Timeline.Web.Cli;

namespace Timeline.Web.Tests.Cli;

public sealed class ExportCommandTests
{
    [Fact]
    public async Task The_command_writes_into_a_new_folder_only_and_names_what_it_wrote()
    {
        await using var database = await TestStore.CreateSeededAsync();
        database.Close();
        var target = Path.Combine(database.Folder, "backup");
        var (output, error) = (new StringWriter(), new StringWriter());
        Assert.Equal(0, await ExportCommand.RunAsync(["--to", target, "--db", database.Path], output, error));
        Assert.Contains("Exported 18 events, 5 articles, 27 links and 3 storylines", output.ToString());
        Assert.Equal(6, Directory.GetFiles(target).Length);

        Assert.Equal(1, await ExportCommand.RunAsync(["--to", target, "--db", database.Path], output, error));
        Assert.Contains("is not empty", error.ToString());
        Assert.Equal(2, await ExportCommand.RunAsync(["--db", database.Path], output, error));
        Assert.Contains("--help", error.ToString());
        database.Reopen();

        // While the app holds the store, the export says so instead of reading it from a second engine.
        Assert.Equal(1, await ExportCommand.RunAsync(["--to", Path.Combine(database.Folder, "other"), "--db", database.Path], output, error));
        Assert.Contains("is in use by another process", error.ToString());
    }
}
