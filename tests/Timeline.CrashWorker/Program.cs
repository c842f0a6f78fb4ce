using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Timeline.Core.Curation;
using Timeline.Core.Dates;
using Timeline.Core.Domain;
using Timeline.Web.Hosting;

// Saves through the curators' services, as fast as it can, in the app as the app is put together (the same
// services, the background search indexer, the checkpoints), and prints a line for every save acknowledged:
//   ACK event ID VERSION TITLE   an event created or edited (Saved returned)
//   ACK link ID EVENT ARTICLE    an article linked to an event
// The durability test kills it with SIGKILL at a random moment and checks that every acknowledged save survived.
//   dotnet Timeline.CrashWorker.dll --db PATH --run N
var db = args[Array.IndexOf(args, "--db") + 1];
var run = int.Parse(args[Array.IndexOf(args, "--run") + 1], CultureInfo.InvariantCulture);
var app = TimelineApp.Create([
    "--urls", "http://127.0.0.1:0", "--environment", "Production",
    $"--ConnectionStrings:Timeline=Filename={db}", "--Logging:LogLevel:Default=Warning",
]);
if (!app.InitializeTimelineStore())
    return 1;
await app.StartAsync();
var events = app.Services.GetRequiredService<EventEditor>();
var links = app.Services.GetRequiredService<LinkEditor>();
var articles = app.Services.GetRequiredService<ArticleEditor>();
var random = new Random(run);
var created = new List<int>();
Console.WriteLine("READY");

for (var i = 0; ; i++)
{
    var title = $"Crash run {run} save {i} {Guid.NewGuid():N}";
    if (created.Count == 0 || random.Next(3) > 0)
    {
        var outcome = await events.SaveAsync(new EventForm
        {
            Title = title, Summary = $"Saved by the crash worker, run {run}.", Status = random.Next(4) == 0 ? EventStatus.Draft : EventStatus.Published,
            Start = new PartialDateInput { Precision = DatePrecision.Day, Year = 2000 + random.Next(20), Month = 1 + random.Next(12), Day = 1 + random.Next(28) },
            Topics = [$"Crash topic {random.Next(5)}"],
        }, "crash-worker");
        if (outcome is Saved saved)
        {
            created.Add(saved.Id);
            Console.WriteLine($"ACK event {saved.Id} {saved.Version} {title}");
        }
    }
    else if (random.Next(2) == 0)
    {
        var id = created[random.Next(created.Count)];
        var form = events.Load(id)!;
        form.Title = title;
        if (await events.SaveAsync(form, "crash-worker") is Saved saved)
            Console.WriteLine($"ACK event {saved.Id} {saved.Version} {title}");
    }
    else
    {
        var eventId = created[random.Next(created.Count)];
        var article = articles.List(null).Rows[random.Next(5)];
        var body = articles.ReadText(article.Id);
        var sentence = body.Split('\n')[0];
        if (await links.SaveAsync(new LinkForm { EventId = eventId, ArticleId = article.Id, Passage = sentence, Note = title }, "crash-worker") is Saved link)
            Console.WriteLine($"ACK link {link.Id} {eventId} {article.Id}");
    }
}
