using Timeline.Web.Caching;
using Timeline.Web.Addresses;
using Timeline.Core.Addresses;
using System.Xml.Linq;
using Microsoft.AspNetCore.OutputCaching;
using Timeline.Core.Publishing;
using Timeline.Core.Reading;
using Timeline.Web.Hosting;

namespace Timeline.Web.Publishing;

/// <summary>
/// Feeds and files for other programs: Atom, iCalendar, TimelineJS exports, the sitemap and robots.txt. Each takes
/// the timeline's own query parameters where it follows a view, and is cached like a reader page (output cache,
/// ETag, 304), since it shows only what readers see.
/// </summary>
public static class FeedEndpoints
{
    /// <summary>How many events an export or calendar holds at most; a larger view is cut, and the answer says so.</summary>
    public const int MaxExportEvents = 5000;
    public const int FeedEntries = 50;
    private const int MaxSitemapUrls = 50_000; // the sitemap protocol's limit for one file

    public static IEndpointRouteBuilder MapFeeds(this IEndpointRouteBuilder app)
    {
        var cached = new OutputCacheAttribute { PolicyName = TimelineApp.PublicPagePolicy };
        void Feed(string pattern, Delegate handler, string rateLimit) =>
            app.MapGet(pattern, handler).WithMetadata(cached).RequireRateLimiting(rateLimit).RequireCors(PublicApi.CorsPolicy);
        Feed("/feeds/events.atom", Atom, PublicApi.RateLimitPolicy);
        Feed(ChangesFeed.Path, Changes, PublicApi.RateLimitPolicy);
        // A calendar or an export reads up to 5,000 events: a stricter limit of its own.
        Feed("/feeds/events.ics", Calendar, PublicApi.ExportRateLimitPolicy);
        Feed("/export/timelinejs.json", TimelineJsJson, PublicApi.ExportRateLimitPolicy);
        Feed("/export/timelinejs.csv", TimelineJsCsv, PublicApi.ExportRateLimitPolicy);
        app.MapGet("/sitemap.xml", Sitemap).WithMetadata(cached).RequireRateLimiting(PublicApi.RateLimitPolicy);
        app.MapGet("/robots.txt", Robots).WithMetadata(cached);
        return app;
    }

    /// <summary>The view a feed or export follows: the timeline's filters, without its paging or focus.</summary>
    private static TimelineViewState ViewOf(HttpRequest request) => TimelineViewState.Parse(request.QueryString.Value).FiltersOnly();

    private static IResult Atom(HttpRequest request, TimelineQueries queries, SiteUrls urls, ReaderContentVersion version)
    {
        var view = ViewOf(request);
        var events = queries.RecentlyChanged(view, FeedEntries);
        var title = view.HasFilters ? "Timeline: recent events in a filtered view" : "Timeline: recent events";
        var bytes = AtomFeed.Write(events, urls.Links(request), title, "/feeds/events.atom" + view.ToQueryString(), view.ToUrl(), version.Current.LastModified);
        return Results.Bytes(bytes, AtomFeed.ContentType);
    }

    private static IResult Changes(HttpRequest request, PublicChanges changes, SiteUrls urls, ReaderContentVersion version) =>
        Results.Bytes(ChangesFeed.Write(changes.Page(null).Items, urls.Links(request), version.Current.LastModified), AtomFeed.ContentType);

    private static IResult Calendar(HttpRequest request, TimelineQueries queries, SiteUrls urls)
    {
        var export = queries.Export(ViewOf(request), MaxExportEvents);
        return Results.Text(CalendarFeed.Write(export, urls.Links(request)), CalendarFeed.ContentType);
    }

    private static IResult TimelineJsJson(HttpRequest request, TimelineQueries queries, SiteUrls urls)
    {
        var export = queries.Export(ViewOf(request), MaxExportEvents);
        return Results.Text(TimelineJsExport.ToJson(export, urls.Links(request)), "application/json; charset=utf-8");
    }

    private static IResult TimelineJsCsv(HttpRequest request, TimelineQueries queries, SiteUrls urls)
    {
        var export = queries.Export(ViewOf(request), MaxExportEvents);
        request.HttpContext.Response.Headers.ContentDisposition = "attachment; filename=\"timeline.csv\"";
        return Results.Text(TimelineJsExport.ToCsv(export, urls.Links(request)), "text/csv; charset=utf-8");
    }

    private static IResult Sitemap(HttpRequest request, TimelineQueries queries, SiteUrls urls)
    {
        var links = urls.Links(request);
        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        static string Day(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        XElement Url(string path, DateTimeOffset? modified) => new(ns + "url",
            new XElement(ns + "loc", links.Absolute(path).AbsoluteUri),
            modified is { } m ? new XElement(ns + "lastmod", Day(m)) : null);

        var urlset = new XElement(ns + "urlset", Url("/", null), Url(ReaderPaths.Storylines, null), Url(ReaderPaths.Changes, null));
        foreach (var storyline in queries.GetStorylines())
            urlset.Add(Url(ReaderPaths.Storyline(storyline.Slug), null));
        var count = urlset.Elements().Count();
        foreach (var (slug, updatedAt) in queries.PublishedEventAddresses(MaxSitemapUrls - count))
            urlset.Add(Url(ReaderPaths.Event(slug), updatedAt));
        count = urlset.Elements().Count();
        foreach (var (id, importedAt) in queries.PublicArticleAddresses(MaxSitemapUrls - count))
            urlset.Add(Url(ReaderPaths.Article(id), importedAt));
        return Results.Text(new XDocument(new XDeclaration("1.0", "utf-8", null), urlset).Declaration + "\n" + urlset, "application/xml; charset=utf-8");
    }

    private static IResult Robots(HttpRequest request, SiteUrls urls) => Results.Text(
        $"""
        # Readers' pages are for everyone; the curator area and sign-in are not.
        User-agent: *
        Disallow: /curate
        Disallow: /account/
        Disallow: /setup
        Disallow: /search

        Sitemap: {urls.Links(request).Absolute("/sitemap.xml").AbsoluteUri}

        """, "text/plain; charset=utf-8");
}
