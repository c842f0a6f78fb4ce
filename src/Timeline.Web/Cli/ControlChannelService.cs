using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Timeline.Core.Storage;

namespace Timeline.Web.Cli;

/// <summary>
/// The running app's end of <see cref="ControlChannel"/>: runs what the command line asks, one command at a time,
/// with the app's own services (its one store, its one writer), and answers with the command's output and exit code.
/// </summary>
public sealed class ControlChannelService(TimelineStore store, IServiceProvider services, ILogger<ControlChannelService> logger) : BackgroundService
{
    private const int MaxRequestBytes = 1 << 20;
    private readonly SemaphoreSlim oneAtATime = new(1, 1);
    private Socket? listener;
    private string? path;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (OperatingSystem.IsWindows())
            return; // owner-only permissions are set the Unix way; on Windows commands need the app stopped
        path = ControlChannel.SocketPath(store.FilePath);
        if (path.Length > ControlChannel.MaxPathLength)
        {
            logger.LogWarning("The command channel is off: its socket path {Path} is longer than a Unix socket allows. Commands need the app stopped.", path);
            return;
        }
        var folder = Directory.CreateDirectory(ControlChannel.Folder(store.FilePath));
        File.SetUnixFileMode(folder.FullName, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        File.Delete(path); // a socket left by a process that was killed; the store's lock says no other app runs here
        listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(path));
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        listener.Listen(8);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var connection = await listener.AcceptAsync(stoppingToken);
                _ = ServeAsync(connection, stoppingToken);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException && stoppingToken.IsCancellationRequested)
        {
            // stopping
        }
    }

    private async Task ServeAsync(Socket connection, CancellationToken stoppingToken)
    {
        using (connection)
        {
            try
            {
                await using var stream = new NetworkStream(connection, ownsSocket: false);
                var request = await ReadRequestAsync(stream, stoppingToken);
                ControlResponse response;
                await oneAtATime.WaitAsync(stoppingToken);
                try
                {
                    var (output, error) = (new StringWriter(), new StringWriter());
                    var exit = request is null
                        ? Refuse(error)
                        : await CommandLine.RunAsync(request.Args, new StringReader(request.Input), output, error, services);
                    response = new ControlResponse(exit, output.ToString(), error.ToString());
                }
                finally
                {
                    oneAtATime.Release();
                }
                await stream.WriteAsync(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(response, ControlChannel.Json) + "\n"), stoppingToken);
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException)
            {
                logger.LogWarning(e, "A command-line request on the command channel was cut off.");
            }
        }
    }

    private static int Refuse(TextWriter error)
    {
        error.WriteLine("The command channel got a request it cannot read.");
        return 2;
    }

    private static async Task<ControlRequest?> ReadRequestAsync(Stream stream, CancellationToken cancellation)
    {
        var bytes = new MemoryStream();
        var buffer = new byte[8192];
        while (bytes.Length < MaxRequestBytes)
        {
            var read = await stream.ReadAsync(buffer, cancellation);
            if (read == 0)
                break;
            var end = Array.IndexOf(buffer, (byte)'\n', 0, read);
            bytes.Write(buffer, 0, end < 0 ? read : end);
            if (end >= 0)
                break;
        }
        try
        {
            return JsonSerializer.Deserialize<ControlRequest>(bytes.ToArray(), ControlChannel.Json) is { Args.Length: > 0, Input: not null } request ? request : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken); // cancels the wait for the next connection
        listener?.Dispose();
        if (path is not null)
            File.Delete(path);
    }
}
