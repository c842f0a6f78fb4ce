using Lucene.Net.Index;
using Lucene.Net.Store;
using Microsoft.Extensions.Logging;
using Timeline.Core.Search;
using Timeline.Core.Storage;
using Timeline.Tests.Support;
using Directory = System.IO.Directory;

namespace Timeline.Core.Tests.Search;

/// <summary>
/// The search index is derived data: missing, unreadable, corrupt after an unclean stop, built by another analyzer
/// or for another store, it is rebuilt from the store when the app opens it, and the log says why.
/// </summary>
public sealed class SearchIndexRecoveryTests
{
    private sealed class ListLogger : ILogger
    {
        public List<string> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Add(formatter(state, exception));
    }

    private static Task<(string? Reason, List<string> Log)> ReopenAsync(TestStore database, bool cleanStop, Action<string> damage)
    {
        var logger = new ListLogger();
        var reason = database.ReopenIndex(cleanStop, damage, logger);
        return Task.FromResult((reason, logger.Lines));
    }

    private static void AssertSearchIsRight(TestStore database)
    {
        Assert.Equal(database.Store.Events.Count() + database.Store.Articles.Count(), database.Index.DocumentKeys().Count);
        var results = database.Search().Search("\"give full rein\"");
        Assert.Equal(3, results.Hits.Count);
    }

    [Fact]
    public async Task A_deleted_index_is_rebuilt()
    {
        await using var database = await TestStore.CreateSeededAsync();
        var (reason, log) = await ReopenAsync(database, cleanStop: true, folder => Directory.Delete(folder, recursive: true));
        Assert.Equal("there is no index yet", reason);
        Assert.Contains(log, l => l.Contains("will be rebuilt from the store: there is no index yet"));
        Assert.Contains(log, l => l.StartsWith("Rebuilt the search index"));
        AssertSearchIsRight(database);
    }

    [Fact]
    public async Task An_index_left_as_it_was_after_a_clean_stop_is_used_as_it_is()
    {
        await using var database = await TestStore.CreateSeededAsync();
        var (reason, log) = await ReopenAsync(database, cleanStop: true, _ => { });
        Assert.Null(reason);
        Assert.DoesNotContain(log, l => l.Contains("rebuilt", StringComparison.OrdinalIgnoreCase));
        AssertSearchIsRight(database);
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("flipped")]
    [InlineData("segments gone")]
    public async Task A_damaged_index_after_an_unclean_stop_is_rebuilt(string how)
    {
        await using var database = await TestStore.CreateSeededAsync();
        var (reason, _) = await ReopenAsync(database, cleanStop: false, folder =>
        {
            var files = Directory.GetFiles(folder);
            switch (how)
            {
                case "truncated":
                    var compound = files.Where(f => f.EndsWith(".cfs") || f.EndsWith(".fdt")).OrderByDescending(f => new FileInfo(f).Length).First();
                    using (var stream = File.Open(compound, FileMode.Open))
                        stream.SetLength(stream.Length / 2);
                    break;
                case "flipped":
                    // Bytes inside a file change where nothing reads them at open: only the checksums show it.
                    var biggest = files.OrderByDescending(f => new FileInfo(f).Length).First();
                    var bytes = File.ReadAllBytes(biggest);
                    for (var i = bytes.Length / 3; i < bytes.Length / 3 + 64; i++)
                        bytes[i] ^= 0xFF;
                    File.WriteAllBytes(biggest, bytes);
                    break;
                default:
                    foreach (var segments in files.Where(f => Path.GetFileName(f).StartsWith("segments")))
                        File.Delete(segments);
                    break;
            }
        });
        Assert.NotNull(reason);
        AssertSearchIsRight(database);
    }

    [Fact]
    public async Task An_index_built_by_another_analyzer_or_for_another_store_is_rebuilt()
    {
        await using var database = await TestStore.CreateSeededAsync();
        var (reason, _) = await ReopenAsync(database, cleanStop: true, folder => StampCommit(folder, analyzer: "0", store: database.Store.StoreId));
        Assert.Contains("built by analyzer version 0", reason);
        AssertSearchIsRight(database);

        (reason, _) = await ReopenAsync(database, cleanStop: true, folder => StampCommit(folder, analyzer: TimelineAnalyzer.Version, store: "another"));
        Assert.Contains("built for another store file", reason);
        AssertSearchIsRight(database);
    }

    /// <summary>Commits the index again with other commit data, as an older build of the app or another store's index would have.</summary>
    private static void StampCommit(string folder, string analyzer, string store)
    {
        using var directory = new NIOFSDirectory(folder);
        using var writer = new IndexWriter(directory, new IndexWriterConfig(TimelineAnalyzer.Lucene, new TimelineAnalyzer()) { OpenMode = OpenMode.APPEND });
        writer.SetCommitData(new Dictionary<string, string> { ["analyzer"] = analyzer, ["store"] = store });
        writer.Commit();
    }
}
