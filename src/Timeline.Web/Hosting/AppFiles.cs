using System.Text.Json;

namespace Timeline.Web.Hosting;

/// <summary>
/// Finds the app's own files (settings, web root, seeds) wherever the process is started from: a service manager
/// or a container rarely starts it in its own folder, and the default content root is the working directory.
/// </summary>
public static class AppFiles
{
    private const string ProjectFile = "Timeline.Web.csproj";

    /// <summary>
    /// The content root: as configured (--contentRoot, ASPNETCORE_CONTENTROOT), else the working directory when
    /// that is the project folder (dotnet run), else the folder the app was built or published into.
    /// </summary>
    public static string? ContentRoot(string[] args)
    {
        var configured = new ConfigurationBuilder()
            .AddEnvironmentVariables("DOTNET_").AddEnvironmentVariables("ASPNETCORE_").AddCommandLine(args).Build()["contentRoot"];
        if (!string.IsNullOrEmpty(configured) || File.Exists(Path.Combine(Directory.GetCurrentDirectory(), ProjectFile)))
            return null; // the host's own choice
        return AppContext.BaseDirectory;
    }

    /// <summary>
    /// A published app has its web root in wwwroot/ beside it. A build output (bin/…) has none: it lists where each
    /// file lies in the static web assets manifest, which the host reads on its own only in Development.
    /// </summary>
    public static void UseWebRoot(WebApplicationBuilder builder)
    {
        var environment = builder.Environment;
        if (environment.IsDevelopment() || Directory.Exists(Path.Combine(environment.ContentRootPath, "wwwroot")))
            return;
        if (File.Exists(Path.Combine(AppContext.BaseDirectory, environment.ApplicationName + ".staticwebassets.runtime.json")))
            builder.WebHost.UseStaticWebAssets();
    }

    /// <summary>
    /// True when every file the static-asset endpoints serve can be read; otherwise logs which are missing and
    /// where they were looked for. The endpoints would answer a missing file with an empty 200, which leaves the
    /// pages without styles and the curator area without its scripts.
    /// </summary>
    public static bool CheckStaticAssets(WebApplication app)
    {
        var environment = app.Environment;
        var manifest = Path.Combine(AppContext.BaseDirectory, environment.ApplicationName + ".staticwebassets.endpoints.json");
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Timeline.Startup");
        if (!File.Exists(manifest))
        {
            logger.LogCritical("Cannot start: {Manifest} is missing. Run the app from its build or publish output (dotnet run, or dotnet publish).", manifest);
            return false;
        }
        using var document = JsonDocument.Parse(File.ReadAllBytes(manifest));
        var missing = document.RootElement.GetProperty("Endpoints").EnumerateArray()
            .Select(e => e.GetProperty("AssetFile").GetString()!)
            .Distinct()
            .Where(file => !environment.WebRootFileProvider.GetFileInfo(file).Exists)
            .ToList();
        if (missing.Count == 0)
            return true;
        logger.LogCritical(
            "Cannot start: {Count} static files are missing from the web root {WebRoot} (content root {ContentRoot}), e.g. {Examples}. "
            + "Publish the app with dotnet publish and start it from the publish folder's files, or set --contentRoot to that folder.",
            missing.Count, environment.WebRootPath ?? "(none)", environment.ContentRootPath, string.Join(", ", missing.Take(3)));
        return false;
    }
}
