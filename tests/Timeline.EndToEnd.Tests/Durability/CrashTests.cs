using System.Globalization;
using Timeline.Core.Domain;
using Timeline.Core.Storage;
using Timeline.Tests.Support;
using Xunit.Abstractions;

namespace Timeline.EndToEnd.Tests.Durability;

/// <summary>
/// An acknowledged save survives kill -9. A separate process (tests/Timeline.CrashWorker: the app's own services
/// and background indexer) saves events and links as curators do and prints each acknowledgement; it is killed
/// with SIGKILL at a random moment, often inside a commit or while the search outbox is being indexed. After each
/// kill the store opens cleanly (its log checkpointed), every acknowledged save is in it, its derived data agrees
/// with its data, and the search index agrees with the store.
/// </summary>
public sealed class CrashTests(ITestOutputHelper output)
{
    private const int Kills = 10;

    [Fact]
    public async Task Every_acknowledged_save_survives_kill_9_and_the_index_agrees_with_the_store()
    {
        var folder = TestStore.NewFolder();
        Directory.CreateDirectory(folder);
        var random = new Random(20261129);
        var acknowledged = new Dictionary<int, (int Version, string Title)>();
        var acknowledgedLinks = new HashSet<int>();
        try
        {
            for (var run = 1; run <= Kills; run++)
            {
                await using (var worker = AppProcess.StartProgram(AppProcess.CrashWorker, folder, new Dictionary<string, string>(),
                                 "--db", TestStore.StoreFile(folder), "--run", run.ToString(CultureInfo.InvariantCulture)))
                {
                    await worker.WaitForLineAsync("READY", TimeSpan.FromSeconds(60));
                    await Task.Delay(random.Next(300, 2500));
                    await worker.KillAsync();
                    foreach (var line in worker.Lines.Where(l => l.StartsWith("ACK ", StringComparison.Ordinal)))
                    {
                        var parts = line.Split(' ', 5);
                        if (parts[1] == "event")
                            acknowledged[int.Parse(parts[2], CultureInfo.InvariantCulture)] = (int.Parse(parts[3], CultureInfo.InvariantCulture), parts[4]);
                        else
                            acknowledgedLinks.Add(int.Parse(parts[2], CultureInfo.InvariantCulture));
                    }
                }
                AssertSurvived(folder, acknowledged, acknowledgedLinks, run);
            }
            Assert.True(acknowledged.Count > 20, $"only {acknowledged.Count} saves were acknowledged in {Kills} runs");
            output.WriteLine($"{Kills} kills; {acknowledged.Count} events and {acknowledgedLinks.Count} links acknowledged, all found.");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void AssertSurvived(string folder, Dictionary<int, (int Version, string Title)> acknowledged, HashSet<int> links, int run)
    {
        // Opening merges whatever log the kill left into the data file (LiteDB's Checkpoint): before anything else writes,
        // the log is empty, and the transaction ids start afresh (see TimelineStore.Open).
        var log = Path.Combine(folder, "timeline-log.db");
        var leftByTheKill = File.Exists(log) ? new FileInfo(log).Length : 0;
        using (TimelineStore.Open(TestStore.StoreFile(folder)))
            Assert.True(!File.Exists(log) || new FileInfo(log).Length == 0, $"run {run}: the {leftByTheKill:N0}-byte log was not checkpointed on open");
        var database = TestStore.Open(folder);
        try
        {
            AssertSurvived(database, acknowledged, links, run);
        }
        finally
        {
            database.Close(); // the folder stays for the next run
        }
    }

    private static void AssertSurvived(TestStore database, Dictionary<int, (int Version, string Title)> acknowledged, HashSet<int> links, int run)
    {
        var store = database.Store;
        foreach (var (id, (version, title)) in acknowledged)
        {
            var ev = store.Events.FindById(id);
            Assert.True(ev is not null, $"run {run}: acknowledged event {id} is missing");
            // A later save may have been acknowledged too, or made but not acknowledged: never an older state.
            Assert.True(ev!.Version > version || (ev.Version == version && ev.Title == title), $"run {run}: event {id} is at version {ev.Version} \"{ev.Title}\", acknowledged {version} \"{title}\"");
        }
        foreach (var link in links)
            Assert.True(store.Links.FindById(link) is not null, $"run {run}: acknowledged link {link} is missing");
        Assert.Empty(StoreAudit.Check(store));

        // Opening the index drained the outbox the kill left: it holds every event and article, at its latest state.
        var keys = database.Index.DocumentKeys();
        var stored = store.Events.FindAll().Select(e => TimelineKeys.EventDocument(e.Id))
            .Concat(store.Articles.FindAll().Select(a => TimelineKeys.ArticleDocument(a.Id))).ToHashSet();
        Assert.True(stored.SetEquals(keys), $"run {run}: the index holds {keys.Count} documents, the store {stored.Count}");
        Assert.Empty(store.Outbox.FindAll());
        var latest = store.Events.FindAll().Where(e => e.Status == EventStatus.Published && e.Title.StartsWith("Crash run", StringComparison.Ordinal))
            .OrderByDescending(e => e.UpdatedAt).Take(5).ToList();
        foreach (var ev in latest)
        {
            var hits = (database.Search().Search($"\"{ev.Title.Split(' ')[^1]}\"")).Hits;
            Assert.True(hits.Any(h => h.Id == ev.Id), $"run {run}: search does not find \"{ev.Title}\" as it is now");
        }
    }
}
