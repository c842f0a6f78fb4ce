using System.ComponentModel;
using System.Globalization;
using System.Text;
using Spectre.Console.Cli;
using Timeline.Core.Domain;
using Timeline.Web.Accounts;

namespace Timeline.Web.Cli;

/// <summary>
/// <c>users add NAME [--role Editor|Admin] | list | reset-password NAME | disable NAME | enable NAME | role NAME ROLE</c>,
/// each optionally with <c>--db PATH</c>. Passwords are read from standard input (typed unseen at a terminal),
/// never from the command line, where they would end up in the shell history.
/// </summary>
public static class UsersCommand
{
    /// <summary>The users command line, as a test or another program runs it.</summary>
    public static Task<int> RunAsync(string[] args, TextReader input, TextWriter output, TextWriter error) =>
        CommandLine.RunAsync(["users", .. args], input, output, error);

    public class NameSettings : StoreSettings
    {
        [CommandArgument(0, "<NAME>")]
        [Description("The account's user name.")]
        public string Name { get; init; } = "";
    }

    public sealed class AddSettings : NameSettings
    {
        [CommandOption("--role <ROLE>")]
        [Description("Editor (the default) or Admin.")]
        public string Role { get; init; } = CuratorRoles.Editor;
    }

    public sealed class RoleSettings : NameSettings
    {
        [CommandArgument(1, "<ROLE>")]
        [Description("Editor or Admin.")]
        public string NewRole { get; init; } = "";
    }

    public sealed class List : AsyncCommand<StoreSettings>
    {
        public override Task<int> ExecuteAsync(CommandContext context, StoreSettings settings, CancellationToken cancellation) =>
            RunAsync(["users", "list"], settings.Db, "", (accounts, output, _) =>
            {
                var rows = accounts.List();
                foreach (var row in rows)
                {
                    var state = row.IsDisabled ? "disabled" : row.LockedUntil is { } until ? $"locked until {until:yyyy-MM-dd HH:mm} UTC" : "active";
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{row.UserName,-24} {row.Role,-7} {state}"));
                }
                output.WriteLine(rows.Count == 1 ? "1 account." : $"{rows.Count} accounts.");
                return Task.FromResult(0);
            });
    }

    public sealed class Add : AsyncCommand<AddSettings>
    {
        public override Task<int> ExecuteAsync(CommandContext context, AddSettings settings, CancellationToken cancellation)
        {
            var password = ReadPassword("Password for " + settings.Name);
            return RunAsync(["users", "add", settings.Name, "--role", settings.Role], settings.Db, password,
                async (accounts, output, error) => Report(await accounts.CreateAsync(settings.Name, settings.Role, password), output, error,
                    $"Created {settings.Role} account \"{settings.Name}\"."));
        }
    }

    public sealed class ResetPassword : AsyncCommand<NameSettings>
    {
        public override Task<int> ExecuteAsync(CommandContext context, NameSettings settings, CancellationToken cancellation)
        {
            var password = ReadPassword("New password for " + settings.Name);
            return RunAsync(["users", "reset-password", settings.Name], settings.Db, password,
                async (accounts, output, error) => Report(await accounts.ResetPasswordAsync(settings.Name, password), output, error,
                    $"Set a new password for \"{settings.Name}\"; its sign-ins elsewhere end within a minute."));
        }
    }

    public sealed class Disable : AsyncCommand<NameSettings>
    {
        public override Task<int> ExecuteAsync(CommandContext context, NameSettings settings, CancellationToken cancellation) =>
            RunAsync(["users", "disable", settings.Name], settings.Db, "",
                async (accounts, output, error) => Report(await accounts.SetDisabledAsync(settings.Name, true), output, error, $"Disabled \"{settings.Name}\"."));
    }

    public sealed class Enable : AsyncCommand<NameSettings>
    {
        public override Task<int> ExecuteAsync(CommandContext context, NameSettings settings, CancellationToken cancellation) =>
            RunAsync(["users", "enable", settings.Name], settings.Db, "",
                async (accounts, output, error) => Report(await accounts.SetDisabledAsync(settings.Name, false), output, error, $"Enabled \"{settings.Name}\"."));
    }

    public sealed class Role : AsyncCommand<RoleSettings>
    {
        public override Task<int> ExecuteAsync(CommandContext context, RoleSettings settings, CancellationToken cancellation) =>
            RunAsync(["users", "role", settings.Name, settings.NewRole], settings.Db, "",
                async (accounts, output, error) => Report(await accounts.SetRoleAsync(settings.Name, settings.NewRole), output, error, $"\"{settings.Name}\" is now {settings.NewRole}."));
    }

    /// <summary>The work, in this process or the running app (<see cref="CommandHost"/>), with the accounts service.</summary>
    private static Task<int> RunAsync(string[] forward, string? db, string password, Func<CuratorAccounts, TextWriter, TextWriter, Task<int>> work) =>
        CommandHost.RunAsync(forward, db, password + "\n", async (services, output, error) =>
        {
            await using var scope = services.CreateAsyncScope();
            return await work(scope.ServiceProvider.GetRequiredService<CuratorAccounts>(), output, error);
        });

    /// <summary>The password: at the command line, from the terminal (or a pipe); in the running app, the line the
    /// command line sent with the command.</summary>
    private static string ReadPassword(string label)
    {
        var io = CommandIo.Current;
        return io.Services is null ? ReadPassword(io.Input, io.Error, label) : io.Input.ReadLine() ?? "";
    }

    /// <summary>One line of standard input; at a terminal, typed twice without echo.</summary>
    private static string ReadPassword(TextReader input, TextWriter prompt, string label)
    {
        if (input != Console.In || Console.IsInputRedirected)
            return input.ReadLine() ?? "";
        while (true)
        {
            var first = ReadHidden(prompt, label + ": ");
            if (ReadHidden(prompt, "Again: ") == first)
                return first;
            prompt.WriteLine("The two entries differ; try again.");
        }
    }

    private static string ReadHidden(TextWriter prompt, string label)
    {
        prompt.Write(label);
        var text = new StringBuilder();
        for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace && text.Length > 0)
                text.Length--;
            else if (!char.IsControl(key.KeyChar))
                text.Append(key.KeyChar);
        }
        prompt.WriteLine();
        return text.ToString();
    }

    private static int Report(IReadOnlyList<string> problems, TextWriter output, TextWriter error, string success)
    {
        if (problems.Count == 0)
        {
            output.WriteLine(success);
            return 0;
        }
        foreach (var problem in problems)
            error.WriteLine(problem);
        return 1;
    }

}
