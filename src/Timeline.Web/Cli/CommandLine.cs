using Spectre.Console;
using Spectre.Console.Cli;

namespace Timeline.Web.Cli;

/// <summary>
/// The command line (Spectre.Console.Cli: parsing, --help for each command, errors): <c>generate</c>, <c>users …</c>,
/// <c>import-timelinejs</c>, <c>suggest</c>, <c>export</c>, <c>backup</c>, <c>restore</c>. Anything else starts the app.
/// A wrong argument is named with a pointer to the command's --help and exits 2; a command that cannot do its work
/// says why and exits 1.
/// </summary>
public static class CommandLine
{
    public static readonly string[] Commands = ["generate", "users", "import-timelinejs", "suggest", "export", "backup", "restore"];

    public static bool Handles(string[] args) => args.Length > 0 && (Commands.Contains(args[0]) || args[0] is "--help" or "-h");

    /// <summary>The options that take a value.</summary>
    private static readonly string[] ValueOptions = ["--db", "--to", "--from", "--era", "--role", "--events", "--articles", "--seed", "--published"];

    public static async Task<int> RunAsync(string[] args, TextReader input, TextWriter output, TextWriter error, IServiceProvider? services = null)
    {
        // Spectre.Console.Cli 0.57.2 gives an option written last without its value an internal word as its value
        // ("generate --db" created a store named "__default_command"): caught here, before it parses.
        if (args is [.., var last] && ValueOptions.Contains(last))
        {
            error.WriteLine($"Option '{last.TrimStart('-')}' is defined but no value has been provided.");
            error.WriteLine(HelpPointer(args));
            return 2;
        }
        using var scope = CommandIo.Use(new CommandIo(input, output, error, services));
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("dotnet run --project src/Timeline.Web --");
            config.UseStrictParsing(); // an unknown option is an error, not an extra argument
            config.ConfigureConsole(AnsiConsole.Create(new AnsiConsoleSettings
            {
                Out = new AnsiConsoleOutput(output), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Interactive = InteractionSupport.No,
            }));
            config.SetExceptionHandler((exception, _) =>
            {
                if (exception is CommandAppException)
                {
                    error.WriteLine(exception.Message);
                    error.WriteLine(HelpPointer(args));
                    return 2;
                }
                error.WriteLine(exception.Message);
                return 1;
            });
            config.AddCommand<GenerateCommand>("generate").WithDescription("A synthetic store (and its search index) for measuring scale, deterministic for a seed.");
            config.AddBranch("users", users =>
            {
                users.SetDescription("Curator accounts. Passwords are read from standard input (typed unseen at a terminal).");
                users.AddCommand<UsersCommand.List>("list").WithDescription("List accounts with role and state.");
                users.AddCommand<UsersCommand.Add>("add").WithDescription("Create an account.");
                users.AddCommand<UsersCommand.ResetPassword>("reset-password").WithDescription("Set a new password.");
                users.AddCommand<UsersCommand.Disable>("disable").WithDescription("Stop an account's sign-in.");
                users.AddCommand<UsersCommand.Enable>("enable").WithDescription("Allow an account's sign-in again.");
                users.AddCommand<UsersCommand.Role>("role").WithDescription("Change an account's role.");
            });
            config.AddCommand<ImportTimelineJsCommand>("import-timelinejs").WithDescription("A TimelineJS JSON file or spreadsheet CSV into the store.");
            config.AddCommand<SuggestCommand>("suggest").WithDescription("What the app reads in an article file: its dates and the events it probably reports. Stores nothing.");
            config.AddCommand<ExportCommand>("export").WithDescription("The whole timeline in the seed format.");
            config.AddCommand<BackupCommand>("backup").WithDescription("A backup like the app's own, while it runs or not.");
            config.AddCommand<RestoreCommand>("restore").WithDescription("A backup in place of a stopped app's store.");
        });
        return await app.RunAsync(args);
    }

    private static readonly string[] UsersCommands = ["list", "add", "reset-password", "disable", "enable", "role"];

    /// <summary>Where to read about what went wrong: the command's help (a users command's own, when it is one).</summary>
    private static string HelpPointer(string[] args)
    {
        var command = args.Length > 0 && Commands.Contains(args[0]) ? args[0] : "";
        if (command == "users" && args.Length > 1 && UsersCommands.Contains(args[1]))
            command = "users " + args[1];
        return $"See: dotnet run --project src/Timeline.Web -- {(command.Length > 0 ? command + " " : "")}--help";
    }
}

/// <summary>The option every command that works on a store has.</summary>
public class StoreSettings : CommandSettings
{
    [CommandOption("--db <PATH>")]
    [System.ComponentModel.Description("The store file (by default the app's own, from its settings).")]
    public string? Db { get; init; }

    /// <summary>An option given without its value arrives empty: named like any other missing value.</summary>
    public override ValidationResult Validate() =>
        Db is { Length: 0 } ? ValidationResult.Error("--db needs a value: the store file.") : ValidationResult.Success();
}
