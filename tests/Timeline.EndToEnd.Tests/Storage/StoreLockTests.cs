using Timeline.Tests.Support;

namespace Timeline.EndToEnd.Tests.Storage;

/// <summary>The store's lock file, held by one process, stops a second one (LiteDB itself would let it write).</summary>
public sealed class StoreLockTests
{
    [Fact]
    public async Task The_app_started_on_a_store_another_process_holds_stops_and_says_why()
    {
        await using var database = await TestStore.CreateSeededAsync();
        var elsewhere = Directory.CreateTempSubdirectory("timeline-locked-");
        await using var app = AppProcess.Start(AppProcess.BuildOutput, elsewhere.FullName, new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production", ["ConnectionStrings__Timeline"] = $"Filename={database.Path}",
        });
        Assert.Equal(1, await app.ExitAsync());
        Assert.Contains("is in use by another process", app.Output);
        elsewhere.Delete(recursive: true);
    }
}
