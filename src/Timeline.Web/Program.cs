using Timeline.Web.Cli;
using Timeline.Web.Accounts;
using Timeline.Web.Hosting;

// The commands (generate, users, import-timelinejs, suggest, export, backup, restore); anything else starts the app.
if (CommandLine.Handles(args))
    return await CommandLine.RunAsync(args, Console.In, Console.Out, Console.Error);

await using var app = TimelineApp.Create(args);
if (!AppFiles.CheckStaticAssets(app) || !app.InitializeTimelineStore())
    return 1; // disposing the app flushes the log, which says why
await app.AnnounceSetupLinkAsync();
await app.RunAsync();
return 0;

/// <summary>The entry point, public so that WebApplicationFactory&lt;Program&gt; can start the app in tests.</summary>
public partial class Program;
