using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;
using Timeline.Web.Hosting;

namespace Timeline.Tests.Support;

/// <summary>
/// The app on real Kestrel at a free loopback port, on a fresh seeded store, plus Debian's Chromium
/// driven by Playwright. WebApplicationFactory's TestServer has no socket a browser could reach, hence
/// this second way of hosting the same app (TimelineApp.Create is what Program.cs calls).
/// </summary>
public class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly string folder = Path.Combine(Path.GetTempPath(), $"timeline-e2e-{Guid.NewGuid():N}");

    private string StorePath => Path.Combine(folder, "timeline.db");
    private WebApplication? app;
    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";

    /// <summary>The app, for tests that read its data.</summary>
    public IServiceProvider Services => app!.Services;

    /// <summary>More settings for the app, as command-line arguments.</summary>
    protected virtual string[] Settings => [];

    /// <summary>Fills the database before the app starts; by default nothing, and the app seeds it as on a fresh install.</summary>
    protected virtual void PrepareDatabase(string path) { }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(folder);
        PrepareDatabase(StorePath);
        app = TimelineApp.Create([
            "--urls", "http://127.0.0.1:0",
            "--environment", "Development",
            "--contentRoot", WebProjectDirectory(),
            $"--ConnectionStrings:Timeline=Filename={StorePath}",
            "--Logging:LogLevel:Default=Warning",
            // "Import from a link" fetches pages the tests serve on 127.0.0.1; off in the app by default.
            "--Timeline:Fetch:AllowPrivateAddresses=true",
            // Every curator of every journey signs in from 127.0.0.1: far more than a person's attempts a minute.
            "--Timeline:SignInAttemptsPerMinute=100000",
            .. Settings,
        ]);
        if (!app.InitializeTimelineStore())
            throw new InvalidOperationException("The seeds could not be imported; see the log.");
        await app.StartAsync();
        BaseUrl = app.Urls.Single();

        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"{ChromiumPath} is missing: install Debian's chromium (tests/run.sh does).");
        // Enhanced navigations and circuit renders can take longer than the default 5 s on a busy 2-core CI machine.
        Assertions.SetDefaultExpectTimeout(10_000);
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // The closed network here refuses Chromium's background connections; these flags stop it trying.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    /// <summary>A fresh, isolated browser context (no shared cookies or history), as a new reader would have.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        return await context.NewPageAsync();
    }

    /// <summary>A phone's page: touch events, so that swipes and pinches can be sent through the DevTools protocol.</summary>
    public async Task<IPage> NewTouchPageAsync(int width, int height)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            HasTouch = true,
            IsMobile = true,
        });
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
            await Browser.CloseAsync();
        playwright?.Dispose();
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
        await TempFolders.DeleteAsync(folder);
    }

    private static string WebProjectDirectory() => Path.Combine(Seeds.RepositoryRoot, "src", "Timeline.Web");
}

/// <summary>The reader journeys and page checks share one app and one Chromium. Browser collections run one at a
/// time: on two cores, running them side by side was slower (9 min 15 s against 7 min 29 s), and journeys time keys.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}

/// <summary>The same, on a generated timeline of 130 events: more than one page of the timeline.</summary>
public sealed class LargeTimelineBrowserFixture : BrowserFixture
{
    // Readers' pages only: the generated articles' dates need not be read (it would share the two cores).
    protected override string[] Settings => ["--Timeline:ReadArticleDatesInBackground=false"];

    protected override void PrepareDatabase(string path) =>
        Timeline.Core.Generation.SyntheticTimeline.Generate(path, new(Events: 130, Articles: 40, Seed: 7));
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LargeTimelineBrowserCollection : ICollectionFixture<LargeTimelineBrowserFixture>
{
    public const string Name = "Browser, large timeline";
}

/// <summary>The curator journeys change the timeline (new storylines, renamed and re-filed events), so they get
/// an app and database of their own, and the reader tests keep seeing the seeded timeline.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CurationBrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser, curation";
}

/// <summary>A generated timeline of 2,000 events, as a newsroom's grows: the accessibility checks run on it too, since
/// some problems (a time axis of many narrow periods) only show on a large timeline.</summary>
public sealed class GeneratedTimelineBrowserFixture : BrowserFixture
{
    // Readers' pages only: reading 300 generated articles' dates would share the two cores with the checks.
    protected override string[] Settings => ["--Timeline:ReadArticleDatesInBackground=false"];

    protected override void PrepareDatabase(string path) =>
        Timeline.Core.Generation.SyntheticTimeline.Generate(path, new(Events: 2_000, Articles: 300, Seed: 11));
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class GeneratedTimelineBrowserCollection : ICollectionFixture<GeneratedTimelineBrowserFixture>
{
    public const string Name = "Browser, generated timeline";
}
