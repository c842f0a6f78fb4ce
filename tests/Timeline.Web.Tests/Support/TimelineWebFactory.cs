using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Timeline.Tests.Support;

/// <summary>The real app in memory (TestServer) on its own temporary store, seeded on start like a fresh install.</summary>
public class TimelineWebFactory : WebApplicationFactory<Program>
{
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), $"timeline-web-{Guid.NewGuid():N}");

    public string StorePath => Path.Combine(Folder, "timeline.db");

    protected virtual string Environment => "Development";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        builder.UseSetting("ConnectionStrings:Timeline", $"Filename={StorePath}");
        // Every client of the test server has one address (none): the sign-in limit per address is tested on its own.
        builder.UseSetting("Timeline:SignInAttemptsPerMinute", "100000");
    }

    public HttpClient CreateBrowserlessClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await TempFolders.DeleteAsync(Folder);
        GC.SuppressFinalize(this);
    }
}

public sealed class ProductionTimelineWebFactory : TimelineWebFactory
{
    protected override string Environment => "Production";
}
