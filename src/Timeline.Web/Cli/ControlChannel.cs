using System.Text.Json;
using Timeline.Core.Storage;

namespace Timeline.Web.Cli;

/// <summary>A command the command line asks the running app to run: the whole command line (paths made absolute, no
/// --db), which the app parses as the command line does, and what it would read from standard input (a password).</summary>
public sealed record ControlRequest(string[] Args, string Input);

/// <summary>What the command wrote and its exit code, as if it had run in the command line's own process.</summary>
public sealed record ControlResponse(int ExitCode, string Output, string Error);

/// <summary>
/// The local channel through which the command line asks a running app to do its work, so that there is never a
/// second writer on the store: a Unix domain socket beside the store (App_Data/timeline-control/app.sock), in a
/// folder only its owner may enter (0700), the socket itself 0600. Whoever can reach it could write the store
/// files anyway. One JSON line each way.
/// </summary>
public static class ControlChannel
{
    /// <summary>Unix sockets' paths are limited to 107 bytes; a longer one leaves the channel off (the app says so).</summary>
    public const int MaxPathLength = 107;

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Folder(string storePath) => TimelineStore.SiblingPath(storePath, "-control");

    public static string SocketPath(string storePath) => Path.Combine(Folder(storePath), "app.sock");
}
