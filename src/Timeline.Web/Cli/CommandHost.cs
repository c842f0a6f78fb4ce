using Timeline.Core.Storage;
using Timeline.Web.Hosting;

namespace Timeline.Web.Cli;

/// <summary>
/// Where a command that works on the store does its work: in the running app, through <see cref="ControlChannel"/>,
/// when one runs on that store (never a second writer beside it); otherwise in this process, on the store opened as
/// the app opens it. The running app parses the same command line and runs the same code, so the output and exit
/// codes are the same either way.
/// </summary>
public static class CommandHost
{
    public static string[] HostArgs(string? db, string level = "Warning") => db is null
        ? [$"--Logging:LogLevel:Default={level}"]
        : [$"--Logging:LogLevel:Default={level}", $"--ConnectionStrings:Timeline=Filename={db}"];

    /// <param name="forward">The command line the running app is to run: without --db, paths made absolute.</param>
    /// <param name="input">What the command reads from standard input (a password), read here beforehand.</param>
    /// <param name="work">The work, with an app's services (this process's or the running app's).</param>
    public static async Task<int> RunAsync(string[] forward, string? db, string input, Func<IServiceProvider, TextWriter, TextWriter, Task<int>> work)
    {
        var io = CommandIo.Current;
        if (io.Services is { } appServices)
            return await work(appServices, io.Output, io.Error); // in the running app, answering the channel
        await using var app = TimelineApp.Create(HostArgs(db));
        var storePath = StoreLocation.ResolvePath(app.Configuration.GetConnectionString("Timeline"), app.Environment.ContentRootPath);
        if (await ControlClient.TryRunAsync(storePath, new ControlRequest(forward, input)) is { } answer)
        {
            await io.Output.WriteAsync(answer.Output);
            await io.Error.WriteAsync(answer.Error);
            return answer.ExitCode;
        }
        try
        {
            app.Services.GetRequiredService<TimelineStore>();
        }
        catch (Exception e) when (e is StoreLockedException or StoreVersionException)
        {
            await io.Error.WriteLineAsync(e.Message);
            return 1;
        }
        if (!app.InitializeTimelineStore())
            return 1;
        return await work(app.Services, io.Output, io.Error);
    }
}
