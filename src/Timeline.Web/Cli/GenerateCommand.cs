using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Timeline.Core.Generation;

namespace Timeline.Web.Cli;

/// <summary><c>generate --events N --articles N --db PATH [--seed N]</c>: a synthetic database for measuring scale.</summary>
public sealed class GenerateCommand : AsyncCommand<GenerateCommand.Settings>
{
    /// <summary>The generate command line, as a test or another program runs it.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error) =>
        CommandLine.RunAsync(["generate", .. args], TextReader.Null, output, error).GetAwaiter().GetResult();

    public sealed class Settings : CommandSettings
    {
        [CommandOption("--events <N>")]
        [Description("How many events.")]
        public int Events { get; init; }

        [CommandOption("--articles <N>")]
        [Description("How many articles.")]
        public int Articles { get; init; }

        [CommandOption("--seed <N>")]
        [Description("The random seed: the same seed gives the same store.")]
        [DefaultValue(1)]
        public int Seed { get; init; } = 1;

        [CommandOption("--db <PATH>")]
        [Description("The new store file to create.")]
        public string? Db { get; init; }

        public override ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(Db) ? ValidationResult.Error("--db is required: the new store file.")
            : new[] { Events, Articles, Seed }.Any(n => n is < 0 or > 10_000_000) ? ValidationResult.Error("--events, --articles and --seed take whole numbers from 0 to 10,000,000.")
            : ValidationResult.Success();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        var (output, error) = (CommandIo.Current.Output, CommandIo.Current.Error);
        var db = settings.Db!;
        if (File.Exists(db) && new FileInfo(db).Length > 0)
        {
            error.WriteLine($"{db} exists already; generate into a new file so that no data is overwritten.");
            return 2;
        }
        var (events, articles) = (settings.Events, settings.Articles);
        var report = await CommandProgress.Run("Generating", () => SyntheticTimeline.Generate(db, new GenerateOptions(events, articles, settings.Seed)));
        output.WriteLine($"Generated {report.Events:N0} events, {report.Articles:N0} articles, {report.Links:N0} links, {report.Storylines} storylines and " +
                         $"{report.Tags} tags into {Path.GetFullPath(db)} in {report.Elapsed.TotalSeconds:N1} s " +
                         $"(store {report.Stored.TotalSeconds:N1} s, search index {report.Indexed.TotalSeconds:N1} s).");
        return 0;
    }
}
