namespace Timeline.Web.Hosting;

/// <summary>The "Timeline" configuration section.</summary>
public sealed class TimelineOptions
{
    public const string Section = "Timeline";

    /// <summary>The folder with timeline.json and the article files; by default the copy beside the app.</summary>
    public string SeedsPath { get; set; } = Path.Combine(AppContext.BaseDirectory, "seeds");

    /// <summary>The public address ("https://timeline.example.org") for canonical and share URLs; by default the request's own.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>How many requests a minute one client address may make of the public API, feeds and exports.</summary>
    public int PublicRequestsPerMinute { get; set; } = 300;

    /// <summary>Reads the dates of waiting articles in the background (after imports, upgrades, generated stores). Tests
    /// and benchmarks of other things on generated stores turn it off so that it does not share their two cores;
    /// an article a curator opens is read either way.</summary>
    public bool ReadArticleDatesInBackground { get; set; } = true;

    /// <summary>How many calendars and TimelineJS exports (each up to 5,000 events) a minute one client address may fetch.</summary>
    public int ExportRequestsPerMinute { get; set; } = 30;

    /// <summary>Saves are refused (with a message that keeps the curator's input) and the ready check fails while the
    /// store's disk has less free space than this; reader pages go on being served.</summary>
    public int MinimumFreeDiskMegabytes { get; set; } = 64;

    /// <summary>The ready check fails when changes have waited longer than this to become searchable.</summary>
    public TimeSpan SearchIndexLagLimit { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>"json" for one JSON object a line on the console (with the request id and client of every line
    /// logged for a request), for a log collector; anything else for the usual text.</summary>
    public string LogFormat { get; set; } = "simple";

    /// <summary>The s-maxage of reader pages: how long a CDN or proxy cache may serve one without asking the app
    /// (60 s when unset).</summary>
    public TimeSpan? SharedCacheMaxAge { get; set; }

    /// <summary>How many sign-in attempts a minute one client address may make (see SignInThrottle).</summary>
    public int SignInAttemptsPerMinute { get; set; } = 10;
}
