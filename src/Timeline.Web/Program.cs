using Timeline.Web.Cli;
using Timeline.Web.Accounts;
using Timeline.Web.Hosting;

if (args is ["generate", .. var options])
    return GenerateCommand.Run(options, Console.Out, Console.Error);

if (args is ["users", .. var command])
    return await UsersCommand.RunAsync(command, Console.In, Console.Out, Console.Error);

if (args is ["import-timelinejs", .. var importOptions])
    return await ImportTimelineJsCommand.RunAsync(importOptions, Console.Out, Console.Error);

if (args is ["suggest", .. var suggestOptions])
    return SuggestCommand.Run(suggestOptions, Console.Out, Console.Error);

if (args is ["export", .. var exportOptions])
    return await ExportCommand.RunAsync(exportOptions, Console.Out, Console.Error);

if (args is ["backup", .. var backupOptions])
    return await BackupCommand.RunAsync(backupOptions, Console.Out, Console.Error);

if (args is ["restore", .. var restoreOptions])
    return await RestoreCommand.RunAsync(restoreOptions, Console.Out, Console.Error);

await using var app = TimelineApp.Create(args);
if (!AppFiles.CheckStaticAssets(app) || !app.InitializeTimelineStore())
    return 1; // disposing the app flushes the log, which says why
await app.AnnounceSetupLinkAsync();
await app.RunAsync();
return 0;

/// <summary>The entry point, public so that WebApplicationFactory&lt;Program&gt; can start the app in tests.</summary>
public partial class Program;
