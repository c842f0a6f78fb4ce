namespace Timeline.Web.Cli;

/// <summary>
/// Where the command being run reads and writes, and (in the running app, answering the command channel) the app's
/// services it works with. Ambient for the one command a <see cref="CommandLine"/> run executes: Spectre.Console.Cli
/// creates the command objects itself.
/// </summary>
public sealed record CommandIo(TextReader Input, TextWriter Output, TextWriter Error, IServiceProvider? Services)
{
    private static readonly AsyncLocal<CommandIo?> current = new();

    public static CommandIo Current => current.Value ?? new CommandIo(Console.In, Console.Out, Console.Error, null);

    /// <summary>True when the command runs at a terminal (not in the running app, not in a test): progress is shown.</summary>
    public bool Interactive => Services is null && Error == Console.Error && !Console.IsErrorRedirected;

    internal static IDisposable Use(CommandIo io)
    {
        var before = current.Value;
        current.Value = io;
        return new Restore(() => current.Value = before);
    }

    private sealed class Restore(Action action) : IDisposable
    {
        public void Dispose() => action();
    }
}
