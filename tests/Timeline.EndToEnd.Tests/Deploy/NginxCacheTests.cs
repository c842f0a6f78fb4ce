using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Timeline.Core.Curation;
using Timeline.Core.Domain;
using Timeline.Core.Storage;
using Timeline.Tests.Support;
using Timeline.Web.Hosting;

namespace Timeline.EndToEnd.Tests.Deploy;

/// <summary>
/// Debian's nginx, started by the test with the repository's own configuration (src/Timeline.Web/Deploy/
/// nginx-timeline.conf, only its addresses and cache folder changed), in front of the app on loopback. What reached
/// the app is read from nginx's access log ($upstream_addr is "-" for what nginx answered itself).
/// </summary>
public sealed partial class NginxCacheTests : IAsyncLifetime
{
    private const string Nginx = "/usr/sbin/nginx";
    private static readonly TimeSpan SharedMaxAge = TimeSpan.FromSeconds(5);
    private readonly string folder = TestStore.NewFolder();
    private WebApplication app = null!;
    private Process nginx = null!;
    private HttpClient client = null!;

    private string AccessLog => Path.Combine(folder, "nginx", "access.log");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Path.Combine(folder, "nginx"));
        app = TimelineApp.Create([
            "--urls", "http://127.0.0.1:0", "--environment", "Production",
            "--contentRoot", Path.Combine(Seeds.RepositoryRoot, "src", "Timeline.Web"),
            $"--ConnectionStrings:Timeline=Filename={TestStore.StoreFile(folder)}",
            "--Logging:LogLevel:Default=Warning",
            "--Timeline:Proxies:KnownProxies=127.0.0.1",
            $"--Timeline:SharedCacheMaxAge={SharedMaxAge}",
            "--Timeline:Backups:Interval=00:00:00",
        ]);
        Assert.True(app.InitializeTimelineStore());
        await app.StartAsync();
        var appPort = new Uri(app.Urls.Single()).Port;
        var port = OperationsTests.FreePort();

        if (!File.Exists(Nginx))
            throw new InvalidOperationException($"{Nginx} is missing: install Debian's nginx (tests/run.sh does).");
        var site = await File.ReadAllTextAsync(Path.Combine(Seeds.RepositoryRoot, "src", "Timeline.Web", "Deploy", "nginx-timeline.conf"));
        site = Replace(site, "server 127.0.0.1:5180;", $"server 127.0.0.1:{appPort};");
        site = Replace(site, "listen 80;", $"listen 127.0.0.1:{port};");
        site = Replace(site, "listen [::]:80;", "");
        site = Replace(site, "/var/cache/nginx/timeline", Path.Combine(folder, "nginx", "cache"));
        var nginxFolder = Path.Combine(folder, "nginx");
        await File.WriteAllTextAsync(Path.Combine(nginxFolder, "timeline.conf"), site);
        await File.WriteAllTextAsync(Path.Combine(nginxFolder, "nginx.conf"), $$"""
            user root;
            worker_processes 1;
            daemon off;
            pid {{nginxFolder}}/nginx.pid;
            error_log {{nginxFolder}}/error.log;
            events { worker_connections 128; }
            http {
                log_format reached '$request_method $request_uri $status $upstream_cache_status "$upstream_addr"';
                access_log {{AccessLog}} reached;
                client_body_temp_path {{nginxFolder}}/body;
                proxy_temp_path {{nginxFolder}}/proxy;
                fastcgi_temp_path {{nginxFolder}}/fastcgi;
                uwsgi_temp_path {{nginxFolder}}/uwsgi;
                scgi_temp_path {{nginxFolder}}/scgi;
                include {{nginxFolder}}/timeline.conf;
            }
            """);
        nginx = Process.Start(new ProcessStartInfo(Nginx, ["-c", Path.Combine(nginxFolder, "nginx.conf"), "-p", nginxFolder])
        {
            RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false,
        })!;
        client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        for (var i = 0; ; i++)
        {
            try
            {
                await client.GetAsync("/healthz/live");
                break;
            }
            catch (HttpRequestException) when (i < 100 && !nginx.HasExited)
            {
                await Task.Delay(100);
            }
        }
    }

    private static string Replace(string text, string from, string to)
    {
        Assert.Contains(from, text); // the shipped file still says what the README documents
        return text.Replace(from, to);
    }

    public async Task DisposeAsync()
    {
        if (nginx is { HasExited: false })
        {
            nginx.Kill(entireProcessTree: true);
            await nginx.WaitForExitAsync();
        }
        client?.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
        await TempFolders.DeleteAsync(folder);
    }

    [GeneratedRegex(@"^(\S+) (\S+) (\d+) (\S+) ""([^""]*)""$")]
    private static partial Regex LogLine();

    /// <summary>How many requests for <paramref name="path"/> nginx passed on to the app.</summary>
    private int Reached(string path) => File.ReadAllLines(AccessLog)
        .Select(line => LogLine().Match(line))
        .Count(m => m.Success && m.Groups[2].Value == path && m.Groups[5].Value is { Length: > 0 } upstream && upstream != "-");

    private async Task<HttpResponseMessage> GetAsync(string path, Action<HttpRequestMessage>? prepare = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        prepare?.Invoke(request);
        return await client.SendAsync(request);
    }

    private static string? CacheStatus(HttpResponseMessage response) =>
        response.Headers.TryGetValues("X-Cache-Status", out var values) ? values.Single() : null;

    [Fact]
    public async Task Reader_pages_reach_the_app_at_most_twice_a_minute_and_answer_304_through_the_cache()
    {
        HttpResponseMessage last = null!;
        for (var i = 0; i < 40; i++)
        {
            last = await GetAsync("/");
            Assert.Equal(HttpStatusCode.OK, last.StatusCode);
        }
        await Task.Delay(200); // nginx writes its log line after answering
        Assert.InRange(Reached("/"), 1, 2);
        Assert.Equal("HIT", CacheStatus(last));
        Assert.False(last.Headers.Contains("Set-Cookie"));
        Assert.Equal(SharedMaxAge, last.Headers.CacheControl!.SharedMaxAge);
        Assert.Contains("<h1", await last.Content.ReadAsStringAsync());

        var etag = last.Headers.ETag!;
        var notModified = await GetAsync("/", r => r.Headers.IfNoneMatch.Add(etag));
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
        await Task.Delay(200);
        Assert.InRange(Reached("/"), 1, 2);
    }

    [Fact]
    public async Task Curator_pages_sign_in_and_cookies_never_enter_the_cache()
    {
        var cookies = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var login = await GetAsync("/account/login");
            Assert.Equal(HttpStatusCode.OK, login.StatusCode);
            cookies.Add(Assert.Single(login.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Antiforgery")));
            var curate = await GetAsync("/curate/events");
            Assert.Equal(HttpStatusCode.Found, curate.StatusCode);
            Assert.StartsWith($"{client.BaseAddress}account/login", curate.Headers.Location!.ToString()); // the proxy's port kept
            Assert.Contains("no-store", curate.Headers.CacheControl!.ToString());
        }
        Assert.Equal(3, cookies.Distinct().Count()); // each visitor its own token: none served from a cache
        for (var i = 0; i < 3; i++)
        {
            var signedIn = await GetAsync("/eras", r => r.Headers.Add("Cookie", "timeline-curator=a-curators-session"));
            Assert.NotEqual("HIT", CacheStatus(signedIn));
        }
        await Task.Delay(200);
        Assert.Equal(3, Reached("/account/login"));
        Assert.Equal(3, Reached("/curate/events"));
        Assert.Equal(3, Reached("/eras"));
        // A reader after the curator still gets the page from the app once, then from the cache: the curator's
        // requests stored nothing.
        Assert.NotEqual("HIT", CacheStatus(await GetAsync("/eras")));
        Assert.Equal("HIT", CacheStatus(await GetAsync("/eras")));
    }

    [Fact]
    public async Task A_curators_save_reaches_readers_through_the_cache_within_the_pages_s_maxage()
    {
        var store = app.Services.GetRequiredService<TimelineStore>();
        var published = store.Events.FindOne(e => e.Status == EventStatus.Published);
        var page = await (await GetAsync("/")).Content.ReadAsStringAsync();
        Assert.Contains(WebUtility.HtmlEncode(published.Title), page);
        Assert.Equal("HIT", CacheStatus(await GetAsync("/")));

        var editor = app.Services.GetRequiredService<EventEditor>();
        var form = editor.Load(published.Id)!;
        form.Title = "Seen through nginx within the page's s-maxage";
        Assert.IsType<Saved>(await editor.SaveAsync(form, "nginx-test"));
        var saved = Stopwatch.StartNew();

        while (!(await (await GetAsync("/")).Content.ReadAsStringAsync()).Contains("Seen through nginx within the page"))
        {
            Assert.True(saved.Elapsed < SharedMaxAge + TimeSpan.FromSeconds(3), $"not visible after {saved.Elapsed}");
            await Task.Delay(250);
        }
    }
}
