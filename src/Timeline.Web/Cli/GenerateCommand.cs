using System.Globalization;
using Timeline.Core.Generation;

namespace Timeline.Web.Cli;

/// <summary><c>generate --events N --articles N --db PATH [--seed N]</c>: a synthetic database for measuring scale.</summary>
public static class GenerateCommand
{
    public const string Usage = "usage: dotnet run --project src/Timeline.Web -- generate --events N --articles N --db PATH [--seed N]";

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var options = new Dictionary<string, string>();
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--"))
                return Fail(error, $"“{args[i]}” is not an option.");
            options[args[i][2..]] = args[i + 1];
        }
        if (args.Length % 2 != 0)
            return Fail(error, $"“{args[^1]}” has no value.");
        if (!options.TryGetValue("db", out var db))
            return Fail(error, "--db is required.");
        if (!TryCount(options, "events", out var events) || !TryCount(options, "articles", out var articles) || !TryCount(options, "seed", out var seed, 1))
            return Fail(error, "--events, --articles and --seed take whole numbers from 0 to 10,000,000.");
        if (File.Exists(db) && new FileInfo(db).Length > 0)
            return Fail(error, $"{db} exists already; generate into a new file so that no data is overwritten.");

        var report = SyntheticTimeline.Generate(db, new GenerateOptions(events, articles, seed));
        output.WriteLine($"Generated {report.Events:N0} events, {report.Articles:N0} articles, {report.Links:N0} links, {report.Storylines} storylines and " +
                         $"{report.Tags} tags into {Path.GetFullPath(db)} in {report.Elapsed.TotalSeconds:N1} s " +
                         $"(store {report.Stored.TotalSeconds:N1} s, search index {report.Indexed.TotalSeconds:N1} s).");
        return 0;
    }

    private static bool TryCount(Dictionary<string, string> options, string name, out int value, int fallback = 0)
    {
        value = fallback;
        return !options.TryGetValue(name, out var text)
               || (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value <= 10_000_000);
    }

    private static int Fail(TextWriter error, string message)
    {
        error.WriteLine(message);
        error.WriteLine(Usage);
        return 2;
    }
}
