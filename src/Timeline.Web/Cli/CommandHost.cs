using Timeline.Core.Storage;
using Timeline.Web.Hosting;

namespace Timeline.Web.Cli;

/// <summary>
/// Where a command that works on the store runs: in the running app, through <see cref="ControlChannel"/>, when one
/// runs on that store (never a second writer beside it); otherwise in this process, on the store opened as the app
/// opens it. The same code runs either way (<see cref="ExecuteAsync"/>), so the output and exit codes are the same.
/// </summary>
public static class CommandHost
{
    public static string[] HostArgs(string? db) => db is null
        ? ["--Logging:LogLevel:Default=Warning"]
        : ["--Logging:LogLevel:Default=Warning", $"--ConnectionStrings:Timeline=Filename={db}"];

    /// <param name="args">The command's arguments without --db, paths made absolute (the app may run elsewhere).</param>
    /// <param name="input">What the command reads from standard input (a password), read here beforehand.</param>
    public static async Task<int> RunAsync(string command, string[] args, string? db, string input, TextWriter output, TextWriter error)
    {
        await using var app = TimelineApp.Create(HostArgs(db));
        var storePath = StoreLocation.ResolvePath(app.Configuration.GetConnectionString("Timeline"), app.Environment.ContentRootPath);
        if (await ControlClient.TryRunAsync(storePath, new ControlRequest(command, args, input)) is { } answer)
        {
            await output.WriteAsync(answer.Output);
            await error.WriteAsync(answer.Error);
            return answer.ExitCode;
        }
        try
        {
            app.Services.GetRequiredService<TimelineStore>();
        }
        catch (Exception e) when (e is StoreLockedException or StoreVersionException)
        {
            await error.WriteLineAsync(e.Message);
            return 1;
        }
        if (!app.InitializeTimelineStore())
            return 1;
        return await ExecuteAsync(app.Services, command, args, new StringReader(input), output, error);
    }

    /// <summary>Runs <paramref name="command"/> with the services of an app whose store is open: this process's, or the running app's.</summary>
    public static Task<int> ExecuteAsync(IServiceProvider services, string command, string[] args, TextReader input, TextWriter output, TextWriter error) => command switch
    {
        "users" => UsersCommand.ExecuteAsync(services, args, input, output, error),
        "export" => ExportCommand.ExecuteAsync(services, args, output, error),
        "import-timelinejs" => ImportTimelineJsCommand.ExecuteAsync(services, args, output, error),
        "backup" => BackupCommand.ExecuteAsync(services, args, output, error),
        _ => Unknown(command, error),
    };

    private static Task<int> Unknown(string command, TextWriter error)
    {
        error.WriteLine($"\"{command}\" is not a command the running app takes.");
        return Task.FromResult(2);
    }
}
