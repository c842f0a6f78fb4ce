using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Timeline.Tests.Support;

/// <summary>
/// The app as a real separate process (<c>dotnet Timeline.Web.dll</c>), started from a working directory of the
/// test's choosing, on a free loopback port: as a service manager or a container starts it, and as a process
/// that can be killed.
/// </summary>
public sealed partial class AppProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();
    private readonly TaskCompletionSource<string> listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<string> lines = [];
    private readonly List<(string Text, TaskCompletionSource Seen)> awaited = [];

    private AppProcess(Process process)
    {
        this.process = process;
    }

    public string BaseUrl { get; private set; } = "";

    /// <summary>Everything the process wrote so far (standard output and error).</summary>
    public string Output
    {
        get
        {
            lock (output)
                return output.ToString();
        }
    }

    /// <summary>The lines written so far.</summary>
    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (output)
                return [.. lines];
        }
    }

    /// <summary>Waits until a line containing <paramref name="text"/> is written; throws with the output when the process ends first.</summary>
    public async Task WaitForLineAsync(string text, TimeSpan timeout)
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (output)
        {
            if (lines.Any(l => l.Contains(text)))
                return;
            awaited.Add((text, seen));
        }
        var exited = process.WaitForExitAsync();
        if (await Task.WhenAny(seen.Task, exited, Task.Delay(timeout)) != seen.Task)
            throw new InvalidOperationException($"\"{text}\" was not written.\n{Output}");
    }

    public bool HasExited => process.HasExited;

    public int ExitCode => process.ExitCode;

    /// <summary>The folder with Timeline.Web.dll as the tests' build left it (bin/Debug/net10.0 of the web project).</summary>
    public static string BuildOutput => Path.Combine(Seeds.RepositoryRoot, "src", "Timeline.Web", "bin",
        new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name, new DirectoryInfo(AppContext.BaseDirectory).Name);

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningLine();

    public static AppProcess Start(string appFolder, string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args) =>
        StartProgram(Path.Combine(appFolder, "Timeline.Web.dll"), workingDirectory, environment, args.Length == 0 ? ["--urls", "http://127.0.0.1:0"] : args);

    /// <summary>The crash worker (tests/Timeline.CrashWorker) as the tests' build left it.</summary>
    public static string CrashWorker => Path.Combine(Seeds.RepositoryRoot, "tests", "Timeline.CrashWorker", "bin",
        new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name, new DirectoryInfo(AppContext.BaseDirectory).Name, "Timeline.CrashWorker.dll");

    public static AppProcess StartProgram(string dll, string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        // The test host's own environment must not leak in (it may say Development, or name another content root).
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("ASPNETCORE_") || k.StartsWith("DOTNET_")).ToList())
            start.Environment.Remove(name);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        foreach (var (name, value) in environment)
            start.Environment[name] = value;

        var app = new AppProcess(new Process { StartInfo = start, EnableRaisingEvents = true });
        void Read(object? _, DataReceivedEventArgs e)
        {
            if (e.Data is null)
                return;
            lock (app.output)
            {
                app.output.AppendLine(e.Data);
                app.lines.Add(e.Data);
                foreach (var (text, seen) in app.awaited.Where(a => e.Data.Contains(a.Text)))
                    seen.TrySetResult();
            }
            if (ListeningLine().Match(e.Data) is { Success: true } match)
                app.listening.TrySetResult(match.Groups[1].Value);
        }
        app.process.OutputDataReceived += Read;
        app.process.ErrorDataReceived += Read;
        app.process.Exited += (_, _) => app.listening.TrySetException(new InvalidOperationException("The app exited before it listened."));
        app.process.Start();
        app.process.BeginOutputReadLine();
        app.process.BeginErrorReadLine();
        return app;
    }

    /// <summary>Waits until the app listens; throws with its output when it exits first or takes too long.</summary>
    public async Task<AppProcess> ListeningAsync(TimeSpan? timeout = null)
    {
        try
        {
            BaseUrl = await listening.Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(60));
            return this;
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException)
        {
            throw new InvalidOperationException($"{e.Message}\n{Output}");
        }
    }

    /// <summary>Waits for the process to end by itself.</summary>
    public async Task<int> ExitAsync(TimeSpan? timeout = null)
    {
        await process.WaitForExitAsync().WaitAsync(timeout ?? TimeSpan.FromSeconds(60));
        return process.ExitCode;
    }

    /// <summary>SIGKILL: the process gets no chance to close anything.</summary>
    public async Task KillAsync()
    {
        if (!process.HasExited)
            process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        process.Dispose();
    }
}
