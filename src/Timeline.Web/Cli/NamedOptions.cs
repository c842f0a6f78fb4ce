namespace Timeline.Web.Cli;

/// <summary>"--name VALUE" pairs, the only shape the export, backup and restore commands take (hand-written: the
/// parsing of every command moves to Spectre.Console.Cli in one step, issue 20).</summary>
public static class NamedOptions
{
    /// <summary>The values by name, or null after naming the first argument that is not one of <paramref name="names"/> with a value.</summary>
    public static Dictionary<string, string>? Parse(string[] args, string[] names, TextWriter error, string usage)
    {
        var values = new Dictionary<string, string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (names.Contains(args[i]) && i + 1 < args.Length)
            {
                values[args[i]] = args[++i];
                continue;
            }
            error.WriteLine($"“{args[i]}” is not an option here.");
            error.WriteLine(usage);
            return null;
        }
        return values;
    }
}
