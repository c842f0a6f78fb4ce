using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Timeline.Core.Curation;
using Timeline.Core.Dates;
using Timeline.Core.Storage;
using Timeline.Tests.Support;
using Timeline.Web.Hosting;
using Xunit.Abstractions;

namespace Timeline.EndToEnd.Tests.Durability;

/// <summary>
/// The store on a 40 MB tmpfs (mounted by the test: CI runs as root), filled by another writer while curators' saves
/// run and readers read. Saves are refused with the disk's message, nothing acknowledged is lost and nothing is
/// half-written, readers are served throughout, the ready check says why, and saves work again once space is freed.
/// </summary>
public sealed class FullDiskTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly string folder = TestStore.NewFolder();
    private string Disk => Path.Combine(folder, "disk");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Disk);
        var (code, error) = await RunAsync("mount", "-t", "tmpfs", "-o", "size=40m", "tmpfs", Disk);
        if (code != 0)
            throw new InvalidOperationException($"Mounting a 40 MB tmpfs failed ({error.Trim()}): this test needs root, as CI has.");
    }

    public async Task DisposeAsync()
    {
        await RunAsync("umount", "-l", Disk);
        await TempFolders.DeleteAsync(folder);
    }

    private static async Task<(int Code, string Error)> RunAsync(string program, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(program, args) { RedirectStandardError = true, UseShellExecute = false })!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, error);
    }

    private static EventForm NewEvent(string title) => new()
    {
        Title = title, Start = new PartialDateInput { Precision = DatePrecision.Year, Year = 2024 }, Status = Timeline.Core.Domain.EventStatus.Published,
    };

    [Fact]
    public async Task A_disk_filled_while_saves_run_refuses_them_loses_nothing_keeps_readers_served_and_saves_work_once_space_is_freed()
    {
        var store = Path.Combine(Disk, "timeline.db");
        await using var app = TimelineApp.Create([
            "--urls", "http://127.0.0.1:0", "--environment", "Production",
            "--contentRoot", Path.Combine(Seeds.RepositoryRoot, "src", "Timeline.Web"),
            $"--ConnectionStrings:Timeline=Filename={store}", "--Logging:LogLevel:Default=Critical",
            "--Timeline:MinimumFreeDiskMegabytes=8", "--Timeline:Backups:Interval=00:00:00", "--Timeline:ReadArticleDatesInBackground=false",
        ]);
        Assert.True(app.InitializeTimelineStore());
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };
        var editor = app.Services.GetRequiredService<EventEditor>();
        var slugs = app.Services.GetRequiredService<TimelineStore>().Events.FindAll().Select(e => e.Slug).Take(6).ToList();

        var acknowledged = new ConcurrentBag<string>();
        var refusals = new ConcurrentBag<string>();
        var otherFailures = new ConcurrentBag<string>();
        var readerFailures = new ConcurrentBag<string>();
        var readerAnswers = 0;
        using var stop = new CancellationTokenSource();
        var saves = Task.Run(async () =>
        {
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                var title = $"Saved on a filling disk {n}";
                try
                {
                    if (await editor.SaveAsync(NewEvent(title), "full-disk") is Saved)
                        acknowledged.Add(title);
                }
                catch (StoreFullException e)
                {
                    refusals.Add(e.Message);
                    await Task.Delay(20);
                }
                catch (Exception e)
                {
                    otherFailures.Add($"{e.GetType().Name}: {e.Message}");
                }
            }
        });
        var readers = Task.Run(async () =>
        {
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                var path = n % 3 == 0 ? "/" : $"/events/{slugs[n % slugs.Count]}";
                var response = await client.GetAsync(path);
                if (response.StatusCode != HttpStatusCode.OK)
                    readerFailures.Add($"{path}: {(int)response.StatusCode}");
                Interlocked.Increment(ref readerAnswers);
            }
        });

        await Task.Delay(500); // saves under way
        var filled = 0L;
        await using (var filler = new FileStream(Path.Combine(Disk, "filler"), FileMode.Create))
        {
            var chunk = new byte[256 * 1024];
            try
            {
                while (true)
                {
                    filler.Write(chunk);
                    filled += chunk.Length;
                }
            }
            catch (IOException)
            {
                // the disk is full
            }
        }
        var fullAt = refusals.Count;
        await Task.Delay(1500); // saves keep being tried against the full disk, readers keep reading
        Assert.True(refusals.Count > fullAt, "no save was refused while the disk was full");
        Assert.Contains("Not saved: the disk that holds the store has", refusals.First());
        using (var ready = await client.GetAsync("/healthz/ready"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            Assert.Contains("free-disk: The store's disk has", await ready.Content.ReadAsStringAsync());
        }
        Assert.Equal("Healthy", await client.GetStringAsync("/healthz/live"));

        File.Delete(Path.Combine(Disk, "filler"));
        var freedAt = acknowledged.Count;
        var until = DateTime.UtcNow.AddSeconds(20);
        while (acknowledged.Count < freedAt + 5 && DateTime.UtcNow < until)
            await Task.Delay(100);
        await stop.CancelAsync();
        await Task.WhenAll(saves, readers);
        Assert.True(acknowledged.Count >= freedAt + 5, "saves did not work again once space was freed");
        Assert.Equal("Healthy", await client.GetStringAsync("/healthz/ready"));
        // Searchable again too: the index takes saves once the disk has room.
        Assert.IsType<Saved>(await editor.SaveAsync(NewEvent("Searchable once the disk had room again: quetzalcoatlus"), "full-disk"));
        Assert.Contains(app.Services.GetRequiredService<Timeline.Core.Search.SearchService>().Search("quetzalcoatlus").Hits,
            hit => hit.Href.EndsWith("-searchable-once-the-disk-had-room-again-quetzalcoatlus", StringComparison.Ordinal));
        output.WriteLine($"filled {filled / 1048576.0:N1} MB; {acknowledged.Count} saves acknowledged, {refusals.Count} refused, " +
                         $"{otherFailures.Count} failed otherwise; {readerAnswers} reader answers, {readerFailures.Count} not 200");
        Assert.Empty(readerFailures);
        // A save the disk filled up under (another writer took the space between its check and its commit) fails whole,
        // with the disk's message or LiteDB's I/O error; it is never acknowledged.
        foreach (var failure in otherFailures)
            output.WriteLine(failure);
        Assert.All(otherFailures, failure => Assert.Matches("^(IOException|ObjectDisposedException|LiteException)", failure));

        await app.StopAsync();
        await app.DisposeAsync();
        using var reopened = TimelineStore.Open(store);
        var titles = reopened.Events.FindAll().Select(e => e.Title).ToHashSet();
        Assert.All(acknowledged, title => Assert.Contains(title, titles));
        Assert.Empty(StoreAudit.Check(reopened));
    }
}
