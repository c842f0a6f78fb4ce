using Timeline.Core.Addresses;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Timeline.Core.Curation;
using Timeline.Core.Dates;
using Timeline.Core.Domain;
using Timeline.Core.Generation;
using Timeline.Core.Reading;
using Timeline.Core.Search;
using Timeline.Core.Storage;
using Timeline.Web.Hosting;

// Measures the timeline at several sizes on loopback and prints a Markdown table per size.
//   dotnet run -c Release --project tests/Timeline.Benchmarks -- [--sizes 1000,10000,100000] [--data DIR]
//   [--curation-only | --publishing-only | --reading-only | --timeline-only | --operations-only | --metrics-only | --timelinejs DIST]
// --timelinejs DIST compares the app with TimelineJS 3 on the same events: DIST is a local copy of TimelineJS's dist
// folder (js/timeline.js, css/timeline.css), kept outside the repository.
// Databases are generated once per size (seed 1) into DIR (default: the temp folder) and reused.
var sizes = Option("--sizes", "1000,10000,100000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
var dataDirectory = Option("--data", Path.GetTempPath());
Console.WriteLine($"Timeline benchmark, {DateTime.UtcNow:yyyy-MM-dd}, {Environment.ProcessorCount} cores, .NET {Environment.Version}, wrk: {(File.Exists("/usr/bin/wrk") ? "yes" : "no")}");

foreach (var size in sizes)
{
    var database = Path.Combine(dataDirectory, $"timeline-bench-{size}", "timeline.db");
    var rows = new List<(string What, string Figure)>();
    if (!File.Exists(database))
    {
        var report = SyntheticTimeline.Generate(database, new GenerateOptions(size, size, Seed: 1));
        // The generator built the store in memory: give that memory back, so the app's figure below is the app's own.
        System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect();
        rows.Add(("`generate` (store + search index)", $"{report.Elapsed.TotalSeconds:N1} s ({report.Stored.TotalSeconds:N1} s + {report.Indexed.TotalSeconds:N1} s), {report.Links:N0} links"));
    }
    var storeBytes = new FileInfo(database).Length;
    var indexBytes = Directory.GetFiles(TimelineStore.SiblingPath(database, "-search")).Sum(f => new FileInfo(f).Length);
    rows.Add(("on disk: store + search index", $"{storeBytes / 1e6:N0} MB + {indexBytes / 1e6:N0} MB = {(storeBytes + indexBytes) / 1e6:N0} MB"));
    // Start-up after a clean stop: open the store and the index, drain the outbox, start listening.
    var startups = new List<double>();
    for (var i = 0; i < 3; i++)
    {
        var clock = Stopwatch.StartNew();
        var started = await StartAppAsync(database);
        startups.Add(clock.Elapsed.TotalMilliseconds);
        await started.StopAsync();
        await started.DisposeAsync();
    }
    rows.Add(("start-up after a clean stop (open store and index, listen), median of 3", $"{Percentile(startups, 50):N0} ms"));
    Print($"Store at {size:N0} events, {size:N0} articles", rows);
    if (args.Contains("--operations-only") || args.Contains("--metrics-only"))
    {
        // A copy of the store: the benchmark's saves must not grow the generated one that other runs reuse.
        var copy = Path.Combine(Path.GetTempPath(), $"timeline-bench-ops-{size}", "timeline.db");
        Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
        File.Copy(database, copy, overwrite: true);
        var index = TimelineStore.SiblingPath(database, "-search");
        Directory.CreateDirectory(TimelineStore.SiblingPath(copy, "-search"));
        foreach (var file in Directory.GetFiles(index))
            File.Copy(file, Path.Combine(TimelineStore.SiblingPath(copy, "-search"), Path.GetFileName(file)), overwrite: true);
        Print($"Operations at {size:N0} events", await OperationsBenchmark.MeasureAsync(copy, StartAppAsync, TimeRequestsAsync, metricsOnly: args.Contains("--metrics-only")));
        Directory.Delete(Path.GetDirectoryName(copy)!, recursive: true);
        continue;
    }
    if (args.Contains("--timeline-only"))
    {
        await MeasureTimelinePageAsync(size, database);
        continue;
    }
    if (Option("--timelinejs", "") is { Length: > 0 } timelineJs)
    {
        var app = await StartAppAsync(database);
        var comparison = await TimelineJsComparison.MeasureAsync(app.Urls.First(), timelineJs);
        await FinishAsync(app, $"TimelineJS 3 and this app at {size:N0} events", comparison);
        continue;
    }
    if (args.Contains("--reading-only"))
    {
        await MeasureReadingAsync(size, database);
        continue;
    }
    if (args.Contains("--publishing-only"))
    {
        await MeasurePublishingAsync(size, database);
        continue;
    }
    if (!args.Contains("--curation-only"))
        await MeasureAsync(size, database);
    await MeasureCurationAsync(size, database);
    await MeasurePublishingAsync(size, database);
    await MeasureReadingAsync(size, database);
}
return 0;

// `/` alone, as the output cache serves it and rendered afresh (an unknown parameter makes each address new): what
// the time axis adds to the timeline's page. Run before and after a change on the same machine to compare.
async Task MeasureTimelinePageAsync(int size, string database)
{
    var app = await StartAppAsync(database);
    using var http = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };
    var rows = new List<(string What, string Figure)>();
    var cached = await TimeRequestsAsync(http, _ => "/", 200);
    rows.Add(("`/` (output-cached), p50 / p95", $"{cached.P50:N2} ms / {cached.P95:N2} ms"));
    var next = 0;
    var fresh = await TimeRequestsAsync(http, _ => $"/?n={next++}", 200);
    rows.Add(("`/` rendered afresh (`/?n=i`), p50 / p95", $"{fresh.P50:N2} ms / {fresh.P95:N2} ms"));
    var html = await http.GetByteArrayAsync("/");
    rows.Add(("`/` HTML size (gzip); opens a circuit?",
        $"{html.Length:N0} bytes ({GzipLength(html):N0}); {(Encoding.UTF8.GetString(html).Contains("\"type\":\"server\"") ? "YES" : "no")}"));
    await FinishAsync(app, $"The timeline's page at {size:N0} events", rows);
}

// What the app reads in articles: one 13,000-character article (the seed articles joined), the suggestions for
// generated articles on the store, the pass that reads the dates of every article after an upgrade (timed for a
// minute and extrapolated: a whole 100,000-article pass takes hours at half a core), and the memory the recognizer takes.
async Task MeasureReadingAsync(int size, string database)
{
    var rows = new List<(string What, string Figure)>();
    var memoryBefore = (Managed: GC.GetTotalMemory(forceFullCollection: true), WorkingSet: Environment.WorkingSet);
    var reader = new Timeline.Core.ArticleReading.ArticleReader();
    var clock = Stopwatch.StartNew();
    reader.WarmUp();
    rows.Add(("the date recognizer built and warmed (once per process, in the background)", $"{clock.Elapsed.TotalMilliseconds:N0} ms"));
    var seeds = Path.Combine(AppContext.BaseDirectory, "seeds");
    var joined = string.Join("\n", Directory.GetFiles(seeds, "*.txt").Order().Select(File.ReadAllText));
    var article = joined[..joined.LastIndexOf('.', 13_000)];
    var published = PartialDate.Day(2023, 2, 4);
    var read = Time(_ => reader.Read(article, published, "en"), 20);
    var mentions = reader.Read(article, published, "en").Mentions.Count;
    rows.Add(($"reading a {article.Length:N0}-character article ({mentions} dates), p50 / p95", $"{read.P50:N0} ms / {read.P95:N0} ms"));
    // The worst cases a curator can import: never read on a page's thread (ArticleInsights.ReadSoon, the background service).
    var words = "the council met again in the town hall and the mayor spoke about the budget for the new school ";
    foreach (var length in new[] { Limits.ArticleBodyLength, 2_000_000 })
    {
        var unpunctuated = string.Concat(Enumerable.Repeat(words, length / words.Length));
        clock.Restart();
        var longRead = reader.Read(unpunctuated, published, "en");
        rows.Add(($"reading {unpunctuated.Length:N0} characters with no punctuation ({longRead.Mentions.Count} dates; an article holds at most {Limits.ArticleBodyLength:N0})", $"{clock.Elapsed.TotalSeconds:N1} s"));
    }
    var manyDates = string.Concat(Enumerable.Range(0, 10_000).Select(i => $"{1 + i % 28} March {1990 + i % 30}.\n"));
    clock.Restart();
    var manyRead = reader.Read(manyDates, published, "en");
    rows.Add(($"reading an article of 10,000 dates (kept: the first {manyRead.Mentions.Count:N0})", $"{clock.Elapsed.TotalSeconds:N1} s"));
    GC.Collect();
    rows.Add(("memory with the recognizer loaded and used (managed heap; working set), before → after",
        $"{memoryBefore.Managed / 1e6:N0} → {GC.GetTotalMemory(forceFullCollection: true) / 1e6:N0} MB; {memoryBefore.WorkingSet / 1e6:N0} → {Environment.WorkingSet / 1e6:N0} MB"));

    var copyFolder = Path.Combine(Path.GetTempPath(), $"timeline-bench-reading-{size}");
    if (Directory.Exists(copyFolder))
        Directory.Delete(copyFolder, recursive: true);
    CopyFolder(Path.GetDirectoryName(database)!, copyFolder);
    var copy = Path.Combine(copyFolder, "timeline.db");
    var app = await StartAppAsync(copy);
    var store = app.Services.GetRequiredService<TimelineStore>();
    var suggester = app.Services.GetRequiredService<Timeline.Core.ArticleReading.EventSuggester>();
    var samples = store.Articles.Find(LiteDB.Query.All(), limit: 60).ToList();
    var texts = samples.Select(a => (Article: a, Text: store.ArticleText(a.Id))).ToList();
    var dates = texts.Select(t => reader.Read(t.Text, t.Article.Published, "en").Mentions).ToList();
    var suggest = Time(i => suggester.Suggest(texts[i % texts.Count].Text, texts[i % texts.Count].Article.Published, "en", dates[i % texts.Count], new HashSet<int>()), 100);
    rows.Add(("suggested events for a generated article (MoreLikeThis, dates, passages), p50 / p95", $"{suggest.P50:N1} ms / {suggest.P95:N1} ms"));
    var theSeedArticle = Time(_ => suggester.Suggest(article, published, "en", [], new HashSet<int>()), 20);
    rows.Add(($"suggested events for the {article.Length:N0}-character article, p50 / p95", $"{theSeedArticle.P50:N1} ms / {theSeedArticle.P95:N1} ms"));
    await app.StopAsync();
    await app.DisposeAsync();

    // Version 7 stores the events resting on one outlet again through the write path (facets, counts, search documents).
    using (var old = new LiteDB.LiteDatabase($"Filename={copy}"))
        old.GetCollection("meta").Update(new LiteDB.BsonDocument { ["_id"] = "version", ["N"] = 6L });
    clock.Restart();
    using (var upgraded = TimelineStore.Open(copy))
        rows.Add(($"upgrade to version 7: the events resting on one outlet stored again ({upgraded.OutboxInOrder().Count():N0} of them)", $"{clock.Elapsed.TotalSeconds:N1} s"));

    // The upgrade pass: the store set back to version 5 and opened, which marks every article (and stores every event
    // again, version 7); then reading for a minute.
    using (var old = new LiteDB.LiteDatabase($"Filename={copy}"))
        old.GetCollection("meta").Update(new LiteDB.BsonDocument { ["_id"] = "version", ["N"] = 5L }); // N is an Int64 in the store
    clock.Restart();
    using (var upgraded = TimelineStore.Open(copy))
    {
        rows.Add(("upgrade from version 5: every article marked for reading (and version 7)", $"{clock.Elapsed.TotalSeconds:N1} s"));
        var pending = new Timeline.Core.ArticleReading.PendingArticleDates(upgraded, reader);
        var waiting = pending.Count();
        clock.Restart();
        var done = 0;
        while (clock.Elapsed < TimeSpan.FromSeconds(60) && pending.ReadNext(20) is > 0 and var n)
            done += n;
        var perSecond = done / clock.Elapsed.TotalSeconds;
        rows.Add(($"reading the dates of the {waiting:N0} articles (one core, no rest; the app takes half a core)",
            $"{done:N0} in {clock.Elapsed.TotalSeconds:N0} s: {perSecond:N0} articles/s, all in ≈ {waiting / perSecond / 60:N0} min (≈ {2 * waiting / perSecond / 60:N0} min in the app)"));
    }
    Directory.Delete(copyFolder, recursive: true);
    Print($"Reading articles at {size:N0} events, {size:N0} articles", rows);
}

// The curator's side: finding articles to link, the dashboard, saving an edit (with its revision, the search and
// density triggers and the cache eviction), importing, and the first reader request after an edit. On a copy of
// the database, so that the reader figures above stay reproducible.
async Task MeasureCurationAsync(int size, string database)
{
    var copyFolder = Path.Combine(Path.GetTempPath(), $"timeline-bench-curation-{size}");
    if (Directory.Exists(copyFolder))
        Directory.Delete(copyFolder, recursive: true);
    CopyFolder(Path.GetDirectoryName(database)!, copyFolder);
    var copy = Path.Combine(copyFolder, "timeline.db");
    var app = await StartAppAsync(copy);
    using var http = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };
    var rows = new List<(string What, string Figure)>();
    var services = app.Services;
    var articles = services.GetRequiredService<ArticleEditor>();
    var editor = services.GetRequiredService<EventEditor>();
    var queries = services.GetRequiredService<TimelineQueries>();
    var (rare, common) = Terms(services.GetRequiredService<SearchIndex>());

    var find = Time(_ => articles.List(rare), 30);
    rows.Add(($"find articles to link, rare word “{rare}”, p50 / p95", $"{find.P50:N1} ms / {find.P95:N1} ms"));
    var findCommon = Time(_ => articles.List(common), 10);
    rows.Add(($"find articles to link, most common word “{common}”, p50 / p95", $"{findCommon.P50:N1} ms / {findCommon.P95:N1} ms"));
    var dashboard = Time(_ => services.GetRequiredService<CurationDashboard>().Load(), 10);
    rows.Add(("curator dashboard (counts of unlinked articles, unsourced events, drafts), p50 / p95", $"{dashboard.P50:N1} ms / {dashboard.P95:N1} ms"));

    var items = queries.GetWindow(new TimelineViewState { From = "2000" }).Items;
    var eventId = items[0].Id;
    var save = await TimeAsync(async i =>
    {
        var form = editor.Load(eventId)!;
        form.Title = $"Edited for the benchmark {i}";
        return await editor.SaveAsync(form, "bench");
    }, 40);
    rows.Add(("load and save an event edit (revision, triggers, cache eviction), p50 / p95", $"{save.P50:N1} ms / {save.P95:N1} ms"));

    var import = await TimeAsync(i => articles.ImportAsync(new ArticleForm
    {
        Title = $"Benchmark article {i}", Outlet = "Bench", Published = new PartialDateInput { Precision = DatePrecision.Day, Year = 2020, Month = 1, Day = 1 },
        Body = $"A new article, number {i} of this run ({Guid.NewGuid()}), with a paragraph.\nAnd a second paragraph.",
    }, "bench"), 40);
    rows.Add(("import an article (duplicate check, revision, search index), p50 / p95", $"{import.P50:N1} ms / {import.P95:N1} ms"));

    // The first reader request after an edit renders the event page anew (the edit evicted the cached copy).
    var slug = queries.FindEvent(items[1].Slug).Page!.Slug;
    var firstAfterEdit = new List<double>();
    for (var i = 0; i < 60; i++)
    {
        var form = editor.Load(items[1].Id)!;
        form.Summary = $"Summary edit {i}";
        await editor.SaveAsync(form, "bench");
        var clock = Stopwatch.StartNew();
        await http.GetStringAsync("/events/" + slug);
        if (i >= 10) // the first few warm the page's code up
            firstAfterEdit.Add(clock.Elapsed.TotalMilliseconds);
    }
    rows.Add(("event page, first request after an edit (uncached), p50 / p95", $"{Percentile(firstAfterEdit, 50):N1} ms / {Percentile(firstAfterEdit, 95):N1} ms"));

    // The same page with the most differences an event may hold, two sources quoted in each (their link passages).
    var two = services.GetRequiredService<LinkEditor>().ForEvent(items[1].Id).DistinctBy(l => l.ArticleId).Take(2).ToList();
    if (two.Count == 2)
    {
        var withDifferences = editor.Load(items[1].Id)!;
        withDifferences.Differences = [.. Enumerable.Range(0, DifferenceRules.MaxDifferences).Select(i => new DifferenceForm
        {
            Aspect = $"Aspect {i}", Claims = [.. two.Select(l => new ClaimForm { ArticleId = l.ArticleId, Quote = l.Passage, Value = $"{i}" })],
        })];
        var saved = await editor.SaveAsync(withDifferences, "bench");
        var timings = new List<double>();
        var bytes = 0;
        for (var i = 0; i < 50; i++)
        {
            var form = editor.Load(items[1].Id)!;
            form.Summary = $"Summary edit with differences {i}";
            await editor.SaveAsync(form, "bench");
            var clock = Stopwatch.StartNew();
            bytes = (await http.GetByteArrayAsync("/events/" + slug)).Length;
            if (i >= 10)
                timings.Add(clock.Elapsed.TotalMilliseconds);
        }
        rows.Add(($"event page with {DifferenceRules.MaxDifferences} differences ({(saved is Saved ? "saved" : "REFUSED")}), first request after an edit, p50 / p95; size",
            $"{Percentile(timings, 50):N1} ms / {Percentile(timings, 95):N1} ms; {bytes:N0} bytes"));
    }

    await FinishAsync(app, $"Curation at {size:N0} events, {size:N0} articles", rows);
    Directory.Delete(copyFolder, recursive: true);
}

async Task MeasureAsync(int size, string database)
{
    var app = await StartAppAsync(database);
    var baseUrl = app.Urls.Single();
    using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
    var rows = new List<(string What, string Figure)>();

    // 1. The first timeline response: the whole server-rendered (prerendered) page.
    var home = await TimeRequestsAsync(http, _ => "/", 200);
    rows.Add(("`/` first timeline response, p50 / p95", $"{home.P50:N1} ms / {home.P95:N1} ms"));
    var homeHtml = await http.GetByteArrayAsync("/");
    rows.Add(("`/` HTML size (gzip, as a compressing proxy sends it); opens a circuit?",
        $"{homeHtml.Length:N0} bytes ({GzipLength(homeHtml):N0}); {(Encoding.UTF8.GetString(homeHtml).Contains("\"type\":\"server\"") ? "YES" : "no")}"));

    // 2. Another window: zoom into a year (server-rendered), and the next page after a cursor in the middle ("show later").
    var years = Enumerable.Range(1975, 50).ToArray();
    var zoom = await TimeRequestsAsync(http, i => $"/?from={years[i % years.Length]}&to={years[i % years.Length]}&zoom=months", 100);
    rows.Add(("zoom into a year (`/?from=Y&to=Y&zoom=months`), p50 / p95", $"{zoom.P50:N1} ms / {zoom.P95:N1} ms"));
    var queries = app.Services.GetRequiredService<TimelineQueries>();
    var middle = queries.GetWindow(new TimelineViewState { From = "2000" }).Items[0];
    var scroll = Time(_ => queries.GetWindow(new TimelineViewState { After = middle.SortKey }), 200);
    rows.Add(("next page of 50 from the middle (keyset), p50 / p95", $"{scroll.P50:N2} ms / {scroll.P95:N2} ms"));

    // 3. Search: a rare word, the most common word, prefixes, a phrase.
    var (rare, common) = Terms(app.Services.GetRequiredService<SearchIndex>());
    var search = app.Services.GetRequiredService<SearchService>();
    foreach (var (label, query) in new[]
             {
                 ($"rare word “{rare}”", rare), ($"most common word “{common}”", common), ("one-letter prefix “s*”", "s*"),
                 ("two-letter prefix “ka*”", "ka*"), ("phrase “security coordination”", "\"security coordination\""),
                 ($"phrase “{common} {rare}”", $"\"{common} {rare}\""),
             })
    {
        var timing = Time(_ => search.Search(query), 60);
        rows.Add(($"search, {label}, p50 / p95", $"{timing.P50:N2} ms / {timing.P95:N2} ms"));
    }
    var newest = Time(_ => search.Search(common, SearchOrder.Newest), 30);
    rows.Add(($"search, most common word, newest first, p50 / p95", $"{newest.P50:N2} ms / {newest.P95:N2} ms"));

    // 4. An event page against the same bytes as a static file, under wrk.
    var slug = queries.GetWindow(new TimelineViewState { From = "2000" }).Items[0].Slug;
    var eventPath = "/events/" + slug;
    var html = await http.GetStringAsync(eventPath);
    rows.Add(("event page size; opens a circuit?", $"{html.Length:N0} bytes; {(html.Contains("\"type\":\"server\"") ? "YES" : "no")}"));
    if (File.Exists("/usr/bin/wrk"))
    {
        var staticRoot = Directory.CreateTempSubdirectory("timeline-static-");
        await File.WriteAllTextAsync(Path.Combine(staticRoot.FullName, "event.html"), html);
        var staticApp = WebApplication.CreateBuilder(["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning"]).Build();
        staticApp.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(staticRoot.FullName) });
        await staticApp.StartAsync();
        var eventRps = Wrk(baseUrl.TrimEnd('/') + eventPath);
        var staticRps = Wrk(staticApp.Urls.Single().TrimEnd('/') + "/event.html");
        rows.Add(("event page, requests/s (wrk -t2 -c16 -d8s)", $"{eventRps:N0}"));
        rows.Add(("same bytes as a static file, requests/s", $"{staticRps:N0}"));
        rows.Add(("event page ÷ static file", $"{eventRps / staticRps:N2}"));
        await staticApp.StopAsync();
        staticRoot.Delete(recursive: true);
    }

    GC.Collect();
    rows.Add(("the app's memory after the benchmark (managed heap; working set)", $"{GC.GetTotalMemory(forceFullCollection: true) / 1e6:N0} MB; {Environment.WorkingSet / 1e6:N0} MB"));
    await FinishAsync(app, $"{size:N0} events, {size:N0} articles", rows);
}

// The app on Kestrel at a free loopback port, with Production settings, on the given database.
// What the timeline gives out, computed (not served from the output cache, which holds a view for a minute): a page
// of the public API, the Atom feed, a calendar and a TimelineJS export of up to 5,000 events, the sitemap; and the
// API's answer through HTTP, where the output cache serves repeats.
async Task MeasurePublishingAsync(int size, string database)
{
    var app = await StartAppAsync(database);
    using var http = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };
    var queries = app.Services.GetRequiredService<TimelineQueries>();
    var links = new Timeline.Core.Addresses.SiteLinks(new Uri("https://timeline.example.org/"));
    var rows = new List<(string What, string Figure)>();
    var years = Enumerable.Range(1975, 50).Select(y => y.ToString(CultureInfo.InvariantCulture)).ToArray();

    var list = Time(i => queries.List(new TimelineViewState { From = years[i % years.Length] }, 100), 100);
    rows.Add(("API page of 100 events from a year (`ListAsync`), p50 / p95", $"{list.P50:N2} ms / {list.P95:N2} ms"));
    var api = await TimeRequestsAsync(http, i => $"/api/v1/events?limit=100&from={years[i % years.Length]}", 100);
    rows.Add(("`/api/v1/events?limit=100&from=Y` over HTTP (50 views, repeats cached), p50 / p95", $"{api.P50:N1} ms / {api.P95:N1} ms, {api.Bytes:N0} bytes"));

    var storyline = queries.GetStorylines().FirstOrDefault()?.Slug;
    var atom = Time(_ => queries.RecentlyChanged(new TimelineViewState(), 50), 20);
    rows.Add(("Atom feed's 50 latest changes, whole timeline, p50 / p95", $"{atom.P50:N1} ms / {atom.P95:N1} ms"));
    var atomStoryline = Time(_ => queries.RecentlyChanged(new TimelineViewState { Storyline = storyline }, 50), 20);
    rows.Add(("Atom feed's 50 latest changes of one storyline (scans at most 2,000), p50 / p95", $"{atomStoryline.P50:N1} ms / {atomStoryline.P95:N1} ms"));

    var clock = Stopwatch.StartNew();
    var export = queries.Export(new TimelineViewState(), 5000);
    var read = clock.Elapsed.TotalMilliseconds;
    clock.Restart();
    var ics = Timeline.Core.Publishing.CalendarFeed.Write(export, links);
    var icsMs = clock.Elapsed.TotalMilliseconds;
    clock.Restart();
    var json = Timeline.Core.Publishing.TimelineJsExport.ToJson(export, links);
    var jsonMs = clock.Elapsed.TotalMilliseconds;
    rows.Add(($"export of the first {export.Events.Count:N0} events: read / iCalendar / TimelineJS JSON",
        $"{read:N0} ms / {icsMs:N0} ms ({ics.Length / 1e6:N1} MB) / {jsonMs:N0} ms ({json.Length / 1e6:N1} MB)"));

    clock.Restart();
    var sitemap = await http.GetByteArrayAsync("/sitemap.xml");
    rows.Add(("`/sitemap.xml` (at most 50,000 addresses), first request", $"{clock.Elapsed.TotalMilliseconds:N0} ms, {sitemap.Length / 1e6:N1} MB"));
    await FinishAsync(app, $"Publishing at {size:N0} events", rows);
}

static async Task<WebApplication> StartAppAsync(string database, params string[] settings)
{
    var app = TimelineApp.Create([
        .. settings,
        "--urls", "http://127.0.0.1:0", "--environment", "Production",
        $"--ConnectionStrings:Timeline=Filename={database}", "--Logging:LogLevel:Default=Warning",
        // A generated store's articles wait for their dates; reading them would share the two cores with what is
        // measured. The reading is measured on its own (MeasureReadingAsync).
        "--Timeline:ReadArticleDatesInBackground=false",
    ]);
    app.InitializeTimelineStore();
    await app.StartAsync();
    return app;
}

// Prints the figures as a Markdown table under a heading, then stops the app and lets go of the store.
static async Task FinishAsync(WebApplication app, string heading, List<(string What, string Figure)> rows)
{
    Print(heading, rows);
    await app.StopAsync();
    await app.DisposeAsync();
}

static void Print(string heading, List<(string What, string Figure)> rows)
{
    Console.WriteLine();
    Console.WriteLine($"### {heading}");
    Console.WriteLine();
    Console.WriteLine("| measure | figure |");
    Console.WriteLine("|---|---|");
    foreach (var (what, figure) in rows)
        Console.WriteLine($"| {what} | {figure} |");
}

static long GzipLength(byte[] body)
{
    using var compressed = new MemoryStream();
    using (var gzip = new System.IO.Compression.GZipStream(compressed, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true))
        gzip.Write(body);
    return compressed.Length;
}

static async Task<(double P50, double P95, long Bytes)> TimeRequestsAsync(HttpClient http, Func<int, string> url, int count)
{
    long bytes = 0;
    for (var i = 0; i < 20; i++)
        await http.GetByteArrayAsync(url(i)); // warm-up: JIT, connection pool, the store's page cache
    var timings = new List<double>();
    for (var i = 0; i < count; i++)
    {
        var clock = Stopwatch.StartNew();
        var body = await http.GetByteArrayAsync(url(i));
        timings.Add(clock.Elapsed.TotalMilliseconds);
        bytes = body.Length;
    }
    return (Percentile(timings, 50), Percentile(timings, 95), bytes);
}

static (double P50, double P95) Time<T>(Func<int, T> action, int count)
{
    for (var i = 0; i < 5; i++)
        action(i);
    var timings = new List<double>();
    for (var i = 0; i < count; i++)
    {
        var clock = Stopwatch.StartNew();
        action(i);
        timings.Add(clock.Elapsed.TotalMilliseconds);
    }
    return (Percentile(timings, 50), Percentile(timings, 95));
}

static async Task<(double P50, double P95)> TimeAsync<T>(Func<int, Task<T>> action, int count)
{
    for (var i = 0; i < 5; i++)
        await action(i);
    var timings = new List<double>();
    for (var i = 0; i < count; i++)
    {
        var clock = Stopwatch.StartNew();
        await action(i);
        timings.Add(clock.Elapsed.TotalMilliseconds);
    }
    return (Percentile(timings, 50), Percentile(timings, 95));
}

static double Percentile(List<double> values, int percentile)
{
    var sorted = values.Order().ToList();
    return sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
}

// The rarest word that still occurs in at least three documents, and the most common word, from the search index's terms.
static (string Rare, string Common) Terms(SearchIndex index) => index.Search(searcher =>
{
    var terms = Lucene.Net.Index.MultiFields.GetTerms(searcher.IndexReader, SearchIndex.BodyField);
    var iterator = terms.GetEnumerator();
    (string Term, int Docs) rare = ("", int.MaxValue), common = ("", 0);
    while (iterator.MoveNext())
    {
        var term = iterator.Term.Utf8ToString();
        var docs = iterator.DocFreq;
        if (docs >= 3 && term.Length > 4 && docs < rare.Docs)
            rare = (term, docs);
        if (docs > common.Docs)
            common = (term, docs);
    }
    return (rare.Term, common.Term);
});

static void CopyFolder(string from, string to)
{
    Directory.CreateDirectory(to);
    foreach (var file in Directory.GetFiles(from))
        File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
    foreach (var folder in Directory.GetDirectories(from))
        CopyFolder(folder, Path.Combine(to, Path.GetFileName(folder)));
}

static double Wrk(string url)
{
    var wrk = Process.Start(new ProcessStartInfo("/usr/bin/wrk", ["-t2", "-c16", "-d8s", url]) { RedirectStandardOutput = true })!;
    var output = wrk.StandardOutput.ReadToEnd();
    wrk.WaitForExit();
    var match = Regex.Match(output, @"Requests/sec:\s+([\d.]+)");
    return match.Success ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : double.NaN;
}

string Option(string name, string fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
}
