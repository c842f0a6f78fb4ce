using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Timeline.Tests.Support;

/// <summary>The real app in memory (TestServer) on its own temporary SQLite file, seeded on start like a fresh install.</summary>
public class TimelineWebFactory : WebApplicationFactory<Program>
{
    public string DatabasePath { get; } = Path.Combine(Path.GetTempPath(), $"timeline-web-{Guid.NewGuid():N}.db");

    protected virtual string Environment => "Development";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        builder.UseSetting("ConnectionStrings:Timeline", $"Data Source={DatabasePath}");
    }

    public HttpClient CreateBrowserlessClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        TestDatabase.Delete(DatabasePath);
        GC.SuppressFinalize(this);
    }
}

public sealed class ProductionTimelineWebFactory : TimelineWebFactory
{
    protected override string Environment => "Production";
}
