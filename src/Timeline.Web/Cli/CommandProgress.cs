using Spectre.Console;

namespace Timeline.Web.Cli;

/// <summary>A progress bar on standard error while a long command works, at a terminal only (never in the running
/// app's answer, a pipe or a test): indeterminate where the work gives no measure.</summary>
public static class CommandProgress
{
    public static async Task<T> RunAsync<T>(string title, Func<IProgress<double>?, Task<T>> work)
    {
        if (!CommandIo.Current.Interactive)
            return await work(null);
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return await console.Progress().AutoClear(true).StartAsync(async context =>
        {
            var task = context.AddTask(title, maxValue: 1);
            task.IsIndeterminate = true;
            var result = await work(new Progress<double>(done =>
            {
                task.IsIndeterminate = false;
                task.Value = done;
            }));
            task.Value = 1;
            return result;
        });
    }

    public static Task<T> Run<T>(string title, Func<T> work) => RunAsync(title, _ => Task.Run(work));
}
