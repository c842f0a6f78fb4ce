using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Timeline.Core.ArticleReading;
using Timeline.Core.Storage;
using Timeline.Tests.Support;

namespace Timeline.Web.Tests.Reading;

/// <summary>The app started on a store written before articles' dates were read (version 4, made by that version's own
/// commands): it upgrades the store, then reads every article's dates in the background, saying so in its log.</summary>
public sealed class UpgradedStoreReadingTests
{
    private sealed class UpgradedStoreFactory : TimelineWebFactory
    {
        public ConcurrentQueue<string> Log { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            Directory.CreateDirectory(Folder);
            File.Copy(Path.Combine(AppContext.BaseDirectory, "Fixtures", "stores", "version-4.db"), StorePath);
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(logging => logging.AddProvider(new QueueLoggerProvider(Log)));
        }
    }

    private sealed class QueueLoggerProvider(ConcurrentQueue<string> log) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new QueueLogger(log);

        public void Dispose()
        {
        }
    }

    private sealed class QueueLogger(ConcurrentQueue<string> log) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            log.Enqueue(formatter(state, exception));
    }

    [Fact]
    public async Task Every_article_of_an_upgraded_store_gets_its_dates_in_the_background()
    {
        await using var factory = new UpgradedStoreFactory();
        using var client = factory.CreateClient();
        Assert.True((await client.GetAsync("/")).IsSuccessStatusCode);
        var store = factory.Services.GetRequiredService<TimelineStore>();
        var pending = factory.Services.GetRequiredService<PendingArticleDates>();
        var articles = store.Articles.Count();
        // The last log line comes after the last article is stored: wait for both, at most a minute.
        for (var waited = 0; (pending.Count() > 0 || !factory.Log.Any(l => l.StartsWith("Read the dates", StringComparison.Ordinal))) && waited < 600; waited++)
            await Task.Delay(100);

        Assert.Equal(0, pending.Count());
        Assert.Equal(articles, store.ArticleDates.Count());
        Assert.Equal(TimelineStore.CurrentVersion, store.Version);
        Assert.True(factory.Log.Any(line => line.Contains("to version 6")), string.Join("\n", factory.Log));
        Assert.Contains(factory.Log, line => line == $"Reading the dates in {articles} articles.");
        Assert.Contains(factory.Log, line => line == $"Read the dates in {articles} articles.");
    }
}
