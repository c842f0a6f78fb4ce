using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Timeline.Tests.Support;

namespace Timeline.EndToEnd.Tests.Deploy;

/// <summary>
/// The app as an operator runs it: a separate process listening on the readers' port and on a metrics port, logging
/// JSON. Metrics answer on the metrics port only; health answers live and ready; every log line is one JSON object,
/// and each line logged for a request carries its request id and client.
/// </summary>
public sealed class OperationsTests : IAsyncLifetime
{
    private readonly string folder = TestStore.NewFolder();

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(folder);
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => TempFolders.DeleteAsync(folder);

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [Fact]
    public async Task Metrics_answer_on_their_own_port_only_health_says_live_and_ready_and_logs_are_json_with_the_request_id()
    {
        int readers = FreePort(), metricsPort = FreePort();
        await using var app = AppProcess.Start(AppProcess.BuildOutput, folder, new Dictionary<string, string>
        {
            ["ConnectionStrings__Timeline"] = $"Filename={TestStore.StoreFile(folder)}",
            ["Timeline__Metrics__Port"] = metricsPort.ToString(),
            ["Timeline__LogFormat"] = "json",
            ["Logging__LogLevel__Microsoft.AspNetCore.Hosting.Diagnostics"] = "Information",
            ["Logging__LogLevel__Microsoft.AspNetCore.Routing.EndpointMiddleware"] = "Information",
        }, "--urls", $"http://127.0.0.1:{readers};http://127.0.0.1:{metricsPort}");
        await app.ListeningAsync();
        using var client = new HttpClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"http://127.0.0.1:{readers}/")).StatusCode);
        Assert.Equal("Healthy", await client.GetStringAsync($"http://127.0.0.1:{readers}/healthz/live"));
        Assert.Equal("Healthy", await client.GetStringAsync($"http://127.0.0.1:{readers}/healthz/ready"));
        using (var request = new HttpRequestMessage(HttpMethod.Get, $"http://127.0.0.1:{readers}/metrics"))
        {
            request.Headers.Host = $"127.0.0.1:{metricsPort}"; // a Host header names the metrics port: the connection does not
            Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(request)).StatusCode);
        }
        var metrics = await client.GetStringAsync($"http://127.0.0.1:{metricsPort}/metrics");
        Assert.Contains("timeline_store_saves_total{otel_scope_name=\"Timeline\",outcome=\"committed\"}", metrics);
        Assert.Contains("http_server_request_duration_seconds_bucket", metrics);
        Assert.Contains("timeline_search_index_lag_seconds", metrics);

        await app.KillAsync();
        var lines = app.Lines.Where(l => l.Length > 0).ToList();
        Assert.NotEmpty(lines);
        var entries = lines.Select(line => JsonDocument.Parse(line).RootElement).ToList(); // each line is one JSON object
        static List<JsonElement> Scopes(JsonElement entry) => entry.TryGetProperty("Scopes", out var scopes) ? [.. scopes.EnumerateArray()] : [];
        static bool Has(JsonElement entry, string name, Func<string, bool> value) =>
            Scopes(entry).Any(s => s.TryGetProperty(name, out var v) && value(v.GetString() ?? ""));
        // ASP.NET Core's "Request starting/finished" lines, logged around the whole pipeline: the request id.
        var requestLines = entries.Where(e => e.GetProperty("Category").GetString() == "Microsoft.AspNetCore.Hosting.Diagnostics").ToList();
        Assert.True(requestLines.Count >= 10, $"{requestLines.Count} request lines");
        Assert.All(requestLines, entry => Assert.True(Has(entry, "RequestId", id => id.Length > 0), entry.ToString()));
        // Lines logged inside the pipeline: the request id and the client too.
        var pipelineLines = entries.Where(e => e.GetProperty("Category").GetString() == "Microsoft.AspNetCore.Routing.EndpointMiddleware").ToList();
        Assert.NotEmpty(pipelineLines);
        Assert.All(pipelineLines, entry => Assert.True(Has(entry, "RequestId", id => id.Length > 0) && Has(entry, "Client", ip => ip == "127.0.0.1"), entry.ToString()));
    }
}
