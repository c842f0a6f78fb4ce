using Timeline.Web.Hosting;

var app = TimelineApp.Create(args);
if (!await app.InitializeTimelineDatabaseAsync())
    return 1;
await app.RunAsync();
return 0;
