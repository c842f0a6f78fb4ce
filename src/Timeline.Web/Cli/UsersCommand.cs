using System.Globalization;
using System.Text;
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
    public const string Usage = """
        usage: dotnet run --project src/Timeline.Web -- users COMMAND [--db PATH]
          users add NAME [--role Editor|Admin]   create an account; the password is read from standard input
          users list                             list accounts with role and state
          users reset-password NAME              set a new password, read from standard input
          users disable NAME | users enable NAME stop or allow an account's sign-in
          users role NAME Editor|Admin           change an account's role
        """;

    public static async Task<int> RunAsync(string[] args, TextReader input, TextWriter output, TextWriter error)
    {
        if (Parse(args, error, out var words, out _, out var db) is { } failed)
            return failed;
        // Read here, where the terminal is, whether the work is done here or by the running app.
        var password = words switch
        {
            ["add", var name] => ReadPassword(input, error, "Password for " + name),
            ["reset-password", var name] => ReadPassword(input, error, "New password for " + name),
            _ => "",
        };
        return await CommandHost.RunAsync("users", WithoutDb(args), db, password + "\n", output, error);
    }

    /// <summary>The command, run with an app's services (this process's or the running app's); a password comes on <paramref name="input"/>.</summary>
    public static async Task<int> ExecuteAsync(IServiceProvider services, string[] args, TextReader input, TextWriter output, TextWriter error)
    {
        if (Parse(args, error, out var words, out var role, out _) is { } failed)
            return failed;
        await using var scope = services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<CuratorAccounts>();

        IReadOnlyList<string> problems;
        switch (words)
        {
            case ["list"]:
                var rows = accounts.List();
                foreach (var row in rows)
                {
                    var state = row.IsDisabled ? "disabled" : row.LockedUntil is { } until ? $"locked until {until:yyyy-MM-dd HH:mm} UTC" : "active";
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{row.UserName,-24} {row.Role,-7} {state}"));
                }
                output.WriteLine(rows.Count == 1 ? "1 account." : $"{rows.Count} accounts.");
                return 0;
            case ["add", var name]:
                problems = await accounts.CreateAsync(name, role ?? CuratorRoles.Editor, input.ReadLine() ?? "");
                return Report(problems, output, error, $"Created {role ?? CuratorRoles.Editor} account \"{name}\".");
            case ["reset-password", var name]:
                problems = await accounts.ResetPasswordAsync(name, input.ReadLine() ?? "");
                return Report(problems, output, error, $"Set a new password for \"{name}\"; its sign-ins elsewhere end within a minute.");
            case ["disable", var name]:
                return Report(await accounts.SetDisabledAsync(name, true), output, error, $"Disabled \"{name}\".");
            case ["enable", var name]:
                return Report(await accounts.SetDisabledAsync(name, false), output, error, $"Enabled \"{name}\".");
            case ["role", var name, var newRole]:
                return Report(await accounts.SetRoleAsync(name, newRole), output, error, $"\"{name}\" is now {newRole}.");
            default:
                return Fail(error, words.Count == 0 ? "Say what to do with users." : $"\"{string.Join(' ', words)}\" is not a users command.");
        }
    }

    /// <summary>The words and options, or the exit code after naming what is wrong.</summary>
    private static int? Parse(string[] args, TextWriter error, out List<string> words, out string? role, out string? db)
    {
        words = [];
        role = db = null;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] is "--role" or "--db" && i + 1 < args.Length)
            {
                if (args[i] == "--role")
                    role = args[++i];
                else
                    db = args[++i];
            }
            else if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                return Fail(error, $"\"{args[i]}\" is not an option here.");
            }
            else
            {
                words.Add(args[i]);
            }
        }
        return null;
    }

    /// <summary>The arguments without "--db PATH", which only says where the store is.</summary>
    public static string[] WithoutDb(string[] args)
    {
        var kept = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--db" && i + 1 < args.Length)
                i++;
            else
                kept.Add(args[i]);
        }
        return [.. kept];
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

    private static int Fail(TextWriter error, string message)
    {
        error.WriteLine(message);
        error.WriteLine(Usage);
        return 2;
    }
}
