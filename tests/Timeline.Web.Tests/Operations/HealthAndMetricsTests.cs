using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Timeline.Core.Curation;
using Timeline.Core.Dates;
using Timeline.Core.Storage;
using Timeline.Tests.Support;

namespace Timeline.Web.Tests.Operations;

/// <summary>The app with its metrics port set to the test server's (whose connections have no port: 0).</summary>
public sealed class MetricsFactory : TimelineWebFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Timeline:Metrics:Port", "0");
    }
}

public sealed class HealthAndMetricsTests(MetricsFactory factory) : IClassFixture<MetricsFactory>
{
    [Fact]
    public async Task Live_ready_and_the_whole_check_answer_healthy_as_plain_text_never_cached()
    {
        var client = factory.CreateBrowserlessClient();
        foreach (var path in new[] { "/healthz", "/healthz/live", "/healthz/ready" })
        {
            using var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
            Assert.True(response.Headers.CacheControl!.NoStore);
        }
    }

    [Fact]
    public async Task A_disk_below_the_floor_makes_ready_say_why_refuses_saves_keeps_serving_readers_and_saves_work_once_space_is_back()
    {
        var store = factory.Services.GetRequiredService<TimelineStore>();
        var editor = factory.Services.GetRequiredService<EventEditor>();
        var client = factory.CreateBrowserlessClient();
        var events = store.Events.Count();
        var floor = store.FreeSpaceFloor;
        store.FreeSpaceFloor = long.MaxValue; // as if the disk had filled up
        try
        {
            using var ready = await client.GetAsync("/healthz/ready");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            var text = await ready.Content.ReadAsStringAsync();
            Assert.StartsWith("Unhealthy\nfree-disk: The store's disk has ", text);
            Assert.Contains("saves are refused until space is freed", text);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz/live")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/?q=readers-still-served")).StatusCode);

            var refused = await Assert.ThrowsAsync<StoreFullException>(() => editor.SaveAsync(new EventForm
            {
                Title = "Saved on a full disk", Start = new PartialDateInput { Precision = DatePrecision.Year, Year = 2024 },
            }, "ada"));
            Assert.Contains("Nothing was written. Free some space on it, then save again.", refused.Message);
            Assert.Equal(events, store.Events.Count());
        }
        finally
        {
            store.FreeSpaceFloor = floor;
        }
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz/ready")).StatusCode);
        Assert.IsType<Saved>(await editor.SaveAsync(new EventForm
        {
            Title = "Saved once space was freed", Start = new PartialDateInput { Precision = DatePrecision.Year, Year = 2024 },
        }, "ada"));
        Assert.Equal(events + 1, store.Events.Count());
    }

    [Fact]
    public async Task Metrics_in_prometheus_format_count_saves_searches_cache_hits_and_the_index_lag()
    {
        var client = factory.CreateBrowserlessClient();
        await client.GetAsync("/");
        await client.GetAsync("/"); // the second from the output cache
        await client.GetAsync("/search?q=jenin");
        Assert.IsType<Saved>(await factory.Services.GetRequiredService<EventEditor>().SaveAsync(new EventForm
        {
            Title = "Counted by the metrics", Start = new PartialDateInput { Precision = DatePrecision.Year, Year = 2024 },
        }, "ada"));

        using var response = await client.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType!.MediaType);
        var metrics = await response.Content.ReadAsStringAsync();
        foreach (var name in new[]
                 {
                     "timeline_store_saves_total{otel_scope_name=\"Timeline\",outcome=\"committed\"}",
                     "timeline_store_save_duration_seconds_bucket", "timeline_search_duration_seconds_count",
                     "timeline_output_cache_requests_total{otel_scope_name=\"Timeline\",result=\"hit\"}",
                     "timeline_output_cache_requests_total{otel_scope_name=\"Timeline\",result=\"miss\"}",
                     "timeline_search_index_lag_seconds", "timeline_search_index_waiting",
                     "http_server_request_duration_seconds_bucket", "dotnet_gc_collections_total",
                 })
            Assert.True(metrics.Contains(name), name + "\n" + string.Join("\n", metrics.Split("\n").Where(l => l.StartsWith("timeline"))));
    }
}

/// <summary>On its default port (which the test server's connections are not on), nobody reaches the metrics.</summary>
public sealed class MetricsOutOfReachTests(TimelineWebFactory factory) : IClassFixture<TimelineWebFactory>
{
    [Fact]
    public async Task On_the_readers_port_metrics_is_not_found() =>
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateBrowserlessClient().GetAsync("/metrics")).StatusCode);
}
