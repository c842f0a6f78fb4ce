using Timeline.Core.Importing;
using Timeline.Web.Caching;
using Timeline.Web.Security;
using Timeline.Web.Theme;
using Timeline.Web.Background;
using Timeline.Web.Backups;
using Timeline.Web.Addresses;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Options;
using MudBlazor;
using MudBlazor.Services;
using Timeline.Core.ArticleReading;
using Timeline.Core.Curation;
using Timeline.Core.Reading;
using Timeline.Core.Search;
using Timeline.Core.Seeding;
using Timeline.Core.Storage;
using Timeline.Web.Accounts;
using Timeline.Web.Components;
using Timeline.Web.Publishing;

namespace Timeline.Web.Hosting;

/// <summary>How the app is put together: services, the request pipeline and the database on start.</summary>
public static class TimelineApp
{
    /// <summary>The reader pages (timeline, search, event, storyline, article, status pages) are cached for a minute,
    /// here and, through <see cref="ReaderCaching"/>, by browsers and a CDN. Whatever changes what they show must
    /// evict the tag <see cref="PublicPageTag"/> through IOutputCacheStore, so readers see it at once.</summary>
    public const string PublicPagePolicy = "public-page";
    public const string PublicPageTag = "public-pages";

    public static WebApplication Create(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(TimelineApp).Assembly.GetName().Name,
            ContentRootPath = AppFiles.ContentRoot(args),
        });
        AppFiles.UseWebRoot(builder);
        builder.AddTimeline().AddTimelineTelemetry();
        var app = builder.Build();
        app.UseTimeline();
        return app;
    }

    public static WebApplicationBuilder AddTimeline(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<TimelineOptions>().Bind(builder.Configuration.GetSection(TimelineOptions.Section));

        var storePath = StoreLocation.ResolvePath(builder.Configuration.GetConnectionString("Timeline"), builder.Environment.ContentRootPath);
        // One store per process, opened on first use and disposed (with a final checkpoint) when the app stops.
        services.AddSingleton(provider =>
        {
            var store = TimelineStore.Open(storePath, provider.GetRequiredService<ILoggerFactory>().CreateLogger("Timeline.Store"));
            store.FreeSpaceFloor = provider.GetRequiredService<IOptions<TimelineOptions>>().Value.MinimumFreeDiskMegabytes * 1048576L;
            return store;
        });
        services.AddSingleton(provider =>
        {
            var store = provider.GetRequiredService<TimelineStore>();
            return SearchIndex.Open(store.SearchIndexDirectory, store.StoreId, provider.GetRequiredService<ILoggerFactory>().CreateLogger("Timeline.Search"));
        });
        services.AddSingleton<SearchIndexer>();
        services.AddHostedService<SearchIndexerService>();
        services.AddHostedService<StoreCheckpointService>();
        services.AddOptions<BackupOptions>().Bind(builder.Configuration.GetSection(BackupOptions.Section));
        services.AddSingleton<BackupService>();
        services.AddHostedService(provider => provider.GetRequiredService<BackupService>());
        // The command line's way in while the app runs (users, export, import-timelinejs, backup): see ControlChannel.
        services.AddHostedService<Cli.ControlChannelService>();
        services.AddSingleton(TimeProvider.System);
        services.AddMemoryCache();
        services.AddSingleton<TimelineQueries>();
        services.AddSingleton<PublicChanges>();
        services.AddSingleton<SearchService>();
        services.AddSingleton<SeedImporter>();
        services.AddSingleton<SiteUrls>();
        services.AddScoped<NotFoundReason>();
        services.AddSingleton<ReaderContentVersion>();

        services.AddCuratorAccounts(storePath);
        services.AddSingleton<IContentChangeListener, ContentChangeListener>();
        services.AddSingleton<EventEditor>();
        services.AddSingleton<ArticleEditor>();
        services.AddSingleton<LinkEditor>();
        services.AddSingleton<StorylineEditor>();
        services.AddSingleton<CurationHistory>();
        services.AddSingleton<CurationDashboard>();
        services.AddSingleton<CuratorEventList>();
        services.AddSingleton<TimelineJsImporter>();
        services.AddSingleton<ArticleReader>();
        services.AddSingleton<PendingArticleDates>();
        services.AddSingleton<EventSuggester>();
        services.AddSingleton<ArticleInsights>();
        services.AddHostedService<ArticleReadingService>();
        // "Import from a link": public addresses only, unless the tests allow their own server (Timeline:Fetch).
        services.AddSingleton(builder.Configuration.GetSection("Timeline:Fetch").Get<ArticleFetchOptions>() ?? new ArticleFetchOptions());
        services.AddSingleton<ArticleFetcher>();

        // Reader pages are static server rendering; only the curator area runs in a circuit.
        services.AddRazorComponents().AddInteractiveServerComponents();
        // Text in any script is written as itself, not as character references (&#x627; for each Arabic letter
        // made an Arabic page six times its size); markup characters are still encoded.
        services.AddWebEncoders(options => options.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddHttpContextAccessor();
        services.AddScoped<AntiforgeryStateProvider, OnDemandAntiforgeryStateProvider>();
        PublicPageAntiforgery.Decorate(services);
        services.AddOutputCache(options => options.AddPolicy(PublicPagePolicy, policy => policy
            .Expire(TimeSpan.FromSeconds(60))
            .Tag(PublicPageTag)
            // Blazor answers its enhanced navigation with framing headers a plain page lacks; served the plain
            // page's copy, the navigation fails and falls back to a full load, again and again.
            .VaryByValue(context => new("navigation", ReaderCaching.IsEnhancedNavigation(context.Request) ? "enhanced" : "page"))));
        services.AddMudServices(options =>
        {
            options.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.BottomLeft;
            options.SnackbarConfiguration.PreventDuplicates = false;
        });
        services.AddSingleton<ThemeStylesheet>();
        services.AddTrustedProxies(builder.Configuration);
        services.AddTimelineHealthChecks();
        services.AddTimelinePublishing();
        return builder;
    }

    public static WebApplication UseTimeline(this WebApplication app)
    {
        app.UseForwardedHeaders(); // first: everything after sees the client and scheme a named proxy forwarded for
        app.UseMiddleware<ClientLogScope>();
        app.UseTimelineMetrics();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
            app.UseHsts();
        }
        app.UseMiddleware<SecurityHeaders>();
        // Blazor maps pages for GET (and POST) only, but link checkers and preview bots often ask HEAD first.
        // Routed as GET, a HEAD gets the page's status and headers; Kestrel still sends no body for it.
        app.Use((context, next) =>
        {
            if (HttpMethods.IsHead(context.Request.Method))
                context.Request.Method = HttpMethods.Get;
            return next(context);
        });
        app.UseMiddleware<StoreRecovery>(); // after the HEAD-as-GET rewrite: a HEAD is answered again too
        app.UseRouting();
        app.UseCors();
        app.UseRateLimiter();
        app.UseMiddleware<ReaderCaching>(); // before anything that may answer (sign-in redirects) or re-execute (404s)
        app.UseStatusCodePagesWithReExecute("/status/{0}", createScopeForStatusCodePages: true);
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.UseOutputCache();

        app.MapStaticAssets();
        app.MapTimelineHealthChecks();
        app.MapCuratorAccountEndpoints();
        app.MapBackupDownloads();
        ThemeStylesheet.Map(app);
        app.MapTimelinePublishing();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }

    /// <summary>
    /// Opens the store (upgrading an older file), fills it from the seeds when it is empty, and brings the search
    /// index up to date (rebuilt when missing, corrupt or outdated). False, after logging why, when it cannot.
    /// </summary>
    public static bool InitializeTimelineStore(this WebApplication app)
    {
        var services = app.Services;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Timeline.Store");
        try
        {
            services.GetRequiredService<SeedImporter>().SeedIfEmpty(services.GetRequiredService<IOptions<TimelineOptions>>().Value.SeedsPath, logger);
            services.GetRequiredService<SearchIndexer>().Start();
            return true;
        }
        catch (Exception e) when (e is SeedManifestException or StoreLockedException or StoreVersionException)
        {
            logger.LogCritical("{Message}", e.Message);
            return false;
        }
    }
}
