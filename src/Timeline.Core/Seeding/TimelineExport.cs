using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Timeline.Core.Dates;
using Timeline.Core.Domain;
using Timeline.Core.Storage;

namespace Timeline.Core.Seeding;

public sealed record ExportReport(int Storylines, int Articles, int Events, int Links, string Folder);

/// <summary>
/// Writes the whole timeline (storylines, events of every status, articles, links and former addresses) in the
/// seed manifest format, with one text file per article: the backup of the store, and the way off it. An empty
/// app started on the folder as its seeds shows the same public pages. Revisions and accounts are not part of it.
/// </summary>
public static class TimelineExport
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
        WriteIndented = true,
        // The files are read by people too: write Arabic, Hebrew and curly quotes as themselves.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static ExportReport Write(TimelineStore store, string folder)
    {
        Directory.CreateDirectory(folder);
        if (Directory.EnumerateFileSystemEntries(folder).Any())
            throw new IOException($"{folder} is not empty; export into a new folder so that nothing is overwritten.");

        var files = new Dictionary<int, string>();
        var articles = new List<SeedArticle>();
        foreach (var article in store.Articles.Query().OrderBy(a => a.Id).ToEnumerable())
        {
            var file = $"article-{article.Id.ToString("D6", CultureInfo.InvariantCulture)}.txt";
            File.WriteAllText(Path.Combine(folder, file), store.ArticleText(article.Id));
            files[article.Id] = file;
            articles.Add(new SeedArticle
            {
                File = file, Title = article.Title, Outlet = article.Outlet, Author = article.Author, Url = article.Url,
                Published = article.Published.ToIsoString(), Approximate = article.Published.Approximate, Language = article.Language, Cleaned = true,
            });
        }

        var storylines = store.Storylines.Query().OrderBy(e => e.Id).ToEnumerable().ToList();
        var storylineSlugs = storylines.ToDictionary(e => e.Id, e => e.Slug);
        var tags = store.Tags.FindAll().ToDictionary(t => t.Id);
        var events = new List<SeedEvent>();
        var links = 0;
        foreach (var ev in store.Events.Query().OrderBy(e => e.Id).ToEnumerable())
        {
            var eventLinks = store.LinksOfEvent(ev.Id).ToList();
            links += eventLinks.Count;
            List<string>? Names(TagKind kind) => ev.TagIds.Select(id => tags[id]).Where(t => t.Kind == kind).Select(t => t.Name).ToList() is { Count: > 0 } names ? names : null;
            events.Add(new SeedEvent
            {
                Slug = ev.Slug, Title = ev.Title, Summary = ev.Summary, Start = ev.Start.ToIsoString(), Approximate = ev.Start.Approximate,
                End = ev.End?.ToIsoString(), EndApproximate = ev.End?.Approximate ?? false,
                Storyline = ev.StorylineId is { } storylineId ? storylineSlugs[storylineId] : null, Status = ev.Status.ToString().ToLowerInvariant(),
                Tags = Names(TagKind.Topic), Actors = Names(TagKind.Actor), Places = Names(TagKind.Place),
                Links = eventLinks.Count == 0 ? null : [.. eventLinks.OrderBy(l => l.Id).Select(l => new SeedLink
                {
                    Article = files[l.ArticleId], Role = l.Role.ToKey(), Passage = l.Passage, Note = l.Note,
                    SourceDate = l.SourceDate is { } given ? new SeedSourceDate { Date = given.Date.ToIsoString(), Approximate = given.Date.Approximate, Words = given.Words } : null,
                })],
                Differences = ev.Differences.Count == 0 ? null : [.. ev.Differences.Select(d => new SeedDifference
                {
                    Aspect = d.Aspect, Sources = [.. d.Claims.Select(c => new SeedClaim { Article = files[c.ArticleId], Quote = c.Quote, Value = c.Value })],
                })],
                Notes = store.NotesOfEvent(ev.Id).ToList() is { Count: > 0 } notes
                    ? [.. notes.OrderBy(n => n.Id).Select(n => new SeedNote { Kind = n.Kind.ToString().ToLowerInvariant(), Text = n.Text, At = n.At })]
                    : null,
                FormerSlugs = store.SlugsOfEvent(ev.Id).ToEnumerable().Where(s => !s.Current).Select(s => s.Id).ToList() is { Count: > 0 } former ? former : null,
            });
        }

        var manifest = new SeedManifest
        {
            Articles = articles,
            Storylines = [.. storylines.Select(e => new SeedStoryline
            {
                Slug = e.Slug, Title = e.Title, Description = e.Description, Colour = e.Colour, Start = e.Start.ToIsoString(), End = e.End.ToIsoString(),
                OpenAt = e.OpensAtLatest ? "latest" : null,
            })],
            Events = events,
        };
        File.WriteAllText(Path.Combine(folder, SeedManifestLoader.ManifestFileName), JsonSerializer.Serialize(manifest, Json));
        return new ExportReport(storylines.Count, articles.Count, events.Count, links, Path.GetFullPath(folder));
    }
}
