using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Timeline.Tests.Support;

namespace Timeline.EndToEnd.Tests.Deploy;

/// <summary>
/// The app started as a service manager or a container starts it: a separate process, in Production, from a
/// working directory that is not its own folder. Its pages keep their styles and scripts, its data lands where
/// the configuration says, and a web root it cannot read stops it at start with a reason.
/// </summary>
public sealed partial class DeployTests : IAsyncLifetime
{
    private readonly string scratch = Path.Combine(Path.GetTempPath(), $"timeline-deploy-{Guid.NewGuid():N}");

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(Path.Combine(scratch, "elsewhere"));
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        Directory.Delete(scratch, recursive: true);
        return Task.CompletedTask;
    }

    private Dictionary<string, string> Production() => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["ConnectionStrings__Timeline"] = $"Data Source={Path.Combine(scratch, "data", "timeline.db")}",
    };

    [GeneratedRegex(@"(?:href|src)=""(/?[^""]+\.(?:css|js))""")]
    private static partial Regex Assets();

    private static async Task AssertServesItsFilesAsync(AppProcess app)
    {
        using var client = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        foreach (var page in new[] { "/", "/account/login" })
        {
            var html = await client.GetStringAsync(page);
            var assets = Assets().Matches(html).Select(m => m.Groups[1].Value).Distinct().ToList();
            Assert.Contains(assets, a => a.Contains("app.") && a.EndsWith(".css"));
            Assert.Contains(assets, a => a.Contains("blazor.web"));
            foreach (var asset in assets)
            {
                var response = await client.GetAsync("/" + asset.TrimStart('/'));
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 100, $"{asset} came back empty");
                Assert.NotNull(response.Content.Headers.ContentType);
            }
        }
    }

    [Fact]
    public async Task The_build_output_started_in_production_from_another_folder_serves_its_files()
    {
        await using var app = await AppProcess.Start(AppProcess.BuildOutput, Path.Combine(scratch, "elsewhere"), Production()).ListeningAsync();
        await AssertServesItsFilesAsync(app);
        Assert.True(File.Exists(Path.Combine(scratch, "data", "timeline.db")));
        Assert.Empty(Directory.GetFileSystemEntries(Path.Combine(scratch, "elsewhere"))); // nothing written into the working directory
    }

    [Fact]
    public async Task The_published_app_started_from_another_folder_serves_its_files_and_refuses_to_start_without_them()
    {
        var published = Path.Combine(scratch, "published");
        var publish = Process.Start(new ProcessStartInfo("dotnet",
            ["publish", Path.Combine(Seeds.RepositoryRoot, "src", "Timeline.Web"), "--no-build", "-c", new DirectoryInfo(AppProcess.BuildOutput).Parent!.Name, "-o", published])
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
        })!;
        var log = await publish.StandardOutput.ReadToEndAsync() + await publish.StandardError.ReadToEndAsync();
        await publish.WaitForExitAsync();
        Assert.True(publish.ExitCode == 0, log);

        await using (var app = await AppProcess.Start(published, Path.Combine(scratch, "elsewhere"), Production()).ListeningAsync())
            await AssertServesItsFilesAsync(app);

        // A stylesheet gone from the web root: the app says so and stops, rather than serve it empty.
        File.Delete(Path.Combine(published, "wwwroot", "app.css"));
        await using var broken = AppProcess.Start(published, Path.Combine(scratch, "elsewhere"), Production());
        Assert.Equal(1, await broken.ExitAsync());
        Assert.Contains("static files are missing from the web root", broken.Output);
        Assert.Contains("app.css", broken.Output);
    }
}
