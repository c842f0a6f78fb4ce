using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Timeline.Web.Cli;

/// <summary>The command line's end of <see cref="ControlChannel"/>.</summary>
public static class ControlClient
{
    /// <summary>The running app's answer to <paramref name="request"/>, or null when no app listens on the store's
    /// channel (not running, or killed and its socket left behind): then the command runs in this process.</summary>
    public static async Task<ControlResponse?> TryRunAsync(string storePath, ControlRequest request, CancellationToken cancellation = default)
    {
        var path = ControlChannel.SocketPath(storePath);
        if (!File.Exists(path))
            return null;
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(path), cancellation);
        }
        catch (SocketException)
        {
            return null; // a socket file left by a killed app: nobody listens
        }
        await using var stream = new NetworkStream(socket, ownsSocket: false);
        await stream.WriteAsync(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(request, ControlChannel.Json) + "\n"), cancellation);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var line = await reader.ReadLineAsync(cancellation)
            ?? throw new IOException("The running app closed the command channel without answering: see its log.");
        return JsonSerializer.Deserialize<ControlResponse>(line, ControlChannel.Json)
            ?? throw new IOException("The running app answered the command channel with nothing.");
    }
}
