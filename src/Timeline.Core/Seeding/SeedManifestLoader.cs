using System.Text.Json;
using Timeline.Core.Curation;
using Timeline.Core.Dates;
using Timeline.Core.Domain;
using Timeline.Core.Text;

namespace Timeline.Core.Seeding;

/// <summary>
/// Reads seeds/timeline.json and its article files, and checks all of it before anything is written. Every field goes
/// through the rules of the curator form that edits it (lengths, required fields, addresses, colours, tag names), so a
/// manifest can hold nothing a curator could not save again, and nothing too long for the store's indexes.
/// </summary>
public static partial class SeedManifestLoader
{
    public const string ManifestFileName = "timeline.json";

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        PropertyNameCaseInsensitive = false,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        // A misspelt field would otherwise be silently ignored.
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    public static SeedPlan Load(string seedsDirectory)
    {
        var path = Path.Combine(seedsDirectory, ManifestFileName);
        if (!File.Exists(path))
            throw new SeedManifestException(path, ["the file does not exist."]);

        SeedManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<SeedManifest>(File.ReadAllText(path), JsonOptions);
        }
        catch (JsonException e)
        {
            // Half a surrogate pair ("\ud800") in a string lands here too: "could not be converted to System.String", with its path.
            throw new SeedManifestException(path, [$"it is not valid manifest JSON (line {e.LineNumber + 1}, position {e.BytePositionInLine}): {e.Message}"]);
        }
        if (manifest is null)
            throw new SeedManifestException(path, ["it is empty."]);

        var problems = new List<string>();
        var plan = Check(manifest, seedsDirectory, problems);
        if (problems.Count > 0)
            throw new SeedManifestException(path, problems);
        return plan;
    }

    private static SeedPlan Check(SeedManifest manifest, string seedsDirectory, List<string> problems)
    {
        var articles = CheckArticles(manifest.Articles ?? [], seedsDirectory, problems);
        var storylines = CheckStorylines(manifest.Storylines ?? [], problems);
        var events = CheckEvents(manifest.Events ?? [], articles, storylines, problems);
        if (manifest.Articles is null)
            problems.Add("\"articles\" is missing.");
        if (manifest.Events is null)
            problems.Add("\"events\" is missing.");
        return new SeedPlan(storylines, articles, events);
    }

    private static List<PlannedArticle> CheckArticles(List<SeedArticle> entries, string seedsDirectory, List<string> problems)
    {
        var planned = new List<PlannedArticle>();
        var files = new HashSet<string>(StringComparer.Ordinal);
        var hashes = new Dictionary<string, string>();
        for (var i = 0; i < entries.Count; i++)
        {
            var a = entries[i];
            var where = $"articles[{i}] ({a.File ?? "no file"})";
            var before = problems.Count;
            Require(a.File, where, "file", problems);
            Require(a.Title, where, "title", problems);
            Require(a.Outlet, where, "outlet", problems);
            if (a.Url is not null && WebAddress.Http(a.Url) is null)
                problems.Add($"{where}: url \"{a.Url}\" is not an http(s) address.");
            var published = ParseDate(a.Published, a.Approximate, where, "published", problems);
            var form = new ArticleForm
            {
                Title = a.Title ?? "", Outlet = a.Outlet ?? "", Author = a.Author ?? "", Url = a.Url ?? "",
                Language = string.IsNullOrWhiteSpace(a.Language) ? "en" : a.Language, Body = "(checked below)",
            };
            FormProblems(form.Validate(out _), where, problems, except: ["published", "body"]);
            if (a.File is not null && !files.Add(a.File))
                problems.Add($"{where}: the file is listed twice.");

            string? body = null;
            if (a.File is not null)
            {
                var filePath = Path.Combine(seedsDirectory, a.File);
                if (Path.GetFileName(a.File) != a.File)
                    problems.Add($"{where}: file must be a plain file name inside the seeds folder.");
                else if (!File.Exists(filePath))
                    problems.Add($"{where}: the file {filePath} does not exist.");
                else
                {
                    body = a.Cleaned ? File.ReadAllText(filePath) : ArticleCleaner.Clean(File.ReadAllText(filePath), a.Title).Body;
                    if (body.Length == 0)
                        problems.Add($"{where}: the article has no text once cleaned.");
                    else if (body.Length > Limits.ArticleBodyLength)
                        problems.Add($"{where}: the text has {body.Length:N0} characters; at most {Limits.ArticleBodyLength:N0} fit.");
                }
            }
            if (problems.Count > before || body is null || published is null)
                continue;
            var hash = TextExcerpt.Hash(body);
            if (!hashes.TryAdd(hash, a.File!))
                problems.Add($"{where}: same text as {hashes[hash]}.");
            planned.Add(new PlannedArticle(a.File!, a.Title!.Trim(), a.Outlet!.Trim(), a.Author?.Trim(), a.Url?.Trim(),
                published.Value, string.IsNullOrWhiteSpace(a.Language) ? "en" : a.Language.Trim(), body, hash));
        }
        return planned;
    }

    private static List<PlannedStoryline> CheckStorylines(List<SeedStoryline> entries, List<string> problems)
    {
        var planned = new List<PlannedStoryline>();
        var slugs = new HashSet<string>();
        for (var i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            var where = $"eras[{i}] ({e.Slug ?? e.Title ?? "untitled"})";
            var before = problems.Count;
            Require(e.Title, where, "title", problems);
            CheckSlug(e.Slug, where, slugs, problems, required: true);
            var start = ParseDate(e.Start, false, where, "start", problems);
            var end = ParseDate(e.End, false, where, "end", problems);
            if (start is not null && end is not null && end.Value.EndsBefore(start.Value))
                problems.Add($"{where}: end {e.End} is before start {e.Start}.");
            var colour = e.Colour ?? "#5b6b7f";
            if (!Storyline.IsHexColour(colour))
                problems.Add($"{where}: colour \"{colour}\" is not a #rrggbb hex colour.");
            if (e.OpenAt is not (null or "first" or "latest"))
                problems.Add($"{where}: openAt \"{e.OpenAt}\" is neither \"first\" nor \"latest\".");
            var form = new StorylineForm { Title = e.Title ?? "", Description = e.Description ?? "", Colour = colour };
            FormProblems(form.Validate(out _, out _), where, problems, except: ["slug", "start", "end"]);
            if (problems.Count == before)
                planned.Add(new PlannedStoryline(e.Slug!, e.Title!.Trim(), e.Description ?? "", colour.ToLowerInvariant(), start!.Value, end!.Value,
                    e.OpenAt == "latest"));
        }
        return planned;
    }

    private static List<PlannedEvent> CheckEvents(List<SeedEvent> entries, List<PlannedArticle> articles, List<PlannedStoryline> storylines, List<string> problems)
    {
        var planned = new List<PlannedEvent>();
        var slugs = new HashSet<string>();
        var articlesByFile = articles.ToDictionary(a => a.File);
        for (var i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            var where = $"events[{i}] ({e.Title ?? "untitled"})";
            var before = problems.Count;
            Require(e.Title, where, "title", problems);
            var start = ParseDate(e.Start, e.Approximate, where, "start", problems);
            PartialDate? end = e.End is null ? null : ParseDate(e.End, e.EndApproximate, where, "end", problems);
            // The editor's rule: an end may not be over before the start begins ("April 2014" may end "9 April 2014").
            if (start is not null && end is not null && end.Value.EndsBefore(start.Value))
                problems.Add($"{where}: end {e.End} is before start {e.Start}.");
            if (e.Storyline is not null && storylines.All(storyline => storyline.Slug != e.Storyline))
                problems.Add($"{where}: era \"{e.Storyline}\" is not one of the manifest's eras.");
            var form = new EventForm
            {
                Title = e.Title ?? "", Summary = e.Summary ?? "",
                Topics = NonBlank(e.Tags), Actors = NonBlank(e.Actors), Places = NonBlank(e.Places),
            };
            FormProblems(form.Validate(out _, out _), where, problems, except: ["slug", "start", "end"]);
            var status = EventStatus.Published;
            if (e.Status is not null && !Enum.TryParse(e.Status, ignoreCase: true, out status))
                problems.Add($"{where}: status \"{e.Status}\" is not one of draft, published and deleted.");

            // A generated slug steps aside (-2, -3…) for one already taken; an explicit one must be unique as written.
            var slug = e.Slug ?? (start is null || e.Title is null ? null : Slugs.MakeUnique(Slugs.ForEvent(start.Value, e.Title), slugs.Contains));
            CheckSlug(slug, where, slugs, problems, required: false);

            var links = new List<PlannedLink>();
            var linkedFiles = new HashSet<string>();
            foreach (var (link, n) in (e.Links ?? []).Select((l, n) => (l, n)))
            {
                var linkWhere = $"{where} links[{n}] ({link.Article ?? "no article"})";
                if (link.Article is null || !articlesByFile.TryGetValue(link.Article, out var article))
                {
                    problems.Add($"{linkWhere}: article \"{link.Article}\" is not one of the manifest's articles.");
                    continue;
                }
                if (!linkedFiles.Add(link.Article))
                    problems.Add($"{linkWhere}: the event links this article twice.");
                if (!LinkRoles.TryParseKey(link.Role, out var role))
                    problems.Add($"{linkWhere}: role \"{link.Role}\" is not one of {string.Join(", ", LinkRoles.Keys)}.");
                var linkErrors = new LinkForm { Role = role, Passage = link.Passage ?? "", Note = link.Note ?? "" }.Validate();
                FormProblems(linkErrors, linkWhere, problems, except: ["role"]);
                if (linkErrors.For("passage") is null && !article.Body.Contains(link.Passage!, StringComparison.Ordinal))
                    problems.Add($"{linkWhere}: passage not found word for word in the article: \"{TextExcerpt.Shorten(link.Passage, 80)}\".");
                SourceDate? sourceDate = null;
                if (link.SourceDate is { } given)
                {
                    var date = ParseDate(given.Date, given.Approximate, linkWhere, "sourceDate.date", problems);
                    if (given.Words?.Trim().Length > Limits.NameLength)
                        problems.Add($"{linkWhere}: sourceDate.words: at most {Limits.NameLength} characters.");
                    sourceDate = date is { } d ? new SourceDate { Date = d, Words = string.IsNullOrWhiteSpace(given.Words) ? null : given.Words.Trim() } : null;
                }
                links.Add(new PlannedLink(link.Article, role, link.Passage ?? "", link.Note, sourceDate));
            }
            var differences = CheckDifferences(e.Differences ?? [], articles, linkedFiles, where, problems);
            var notes = CheckNotes(e.Notes ?? [], where, problems);

            foreach (var former in e.FormerSlugs ?? [])
                CheckSlug(former, where + " formerSlugs", slugs, problems, required: true);

            var tags = Tags(e.Tags, TagKind.Topic).Concat(Tags(e.Actors, TagKind.Actor)).Concat(Tags(e.Places, TagKind.Place)).ToList();
            if (problems.Count == before)
                planned.Add(new PlannedEvent(slug!, e.Title!.Trim(), e.Summary ?? "", start!.Value, end, e.Storyline, status, tags, links, e.FormerSlugs ?? [])
                {
                    Differences = differences, Notes = notes,
                });
        }
        return planned;
    }

    private static IEnumerable<PlannedTag> Tags(List<string>? names, TagKind kind) =>
        NonBlank(names).Select(n => new PlannedTag(kind, n.Trim(), Slugs.Slugify(n)));

    private static List<string> NonBlank(List<string>? names) => [.. (names ?? []).Where(n => !string.IsNullOrWhiteSpace(n))];

    /// <summary>The form's messages as the manifest's problems ("events[2] (…): topics: …"), less the fields the
    /// manifest checks in its own terms (dates as ISO text, slugs unique across the file) and those it has named
    /// already (a missing title, an address that is not http(s)).</summary>
    private static void FormProblems(FieldErrors errors, string where, List<string> problems, string[] except)
    {
        foreach (var (field, message) in errors.Where(e => !except.Contains(e.Key)))
        {
            if (!problems.Any(p => p.StartsWith($"{where}: {field} ", StringComparison.Ordinal) || p.StartsWith($"{where}: \"{field}\"", StringComparison.Ordinal)))
                problems.Add($"{where}: {field}: {message}");
        }
    }

    private static void Require(string? value, string where, string field, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(value))
            problems.Add($"{where}: \"{field}\" is missing.");
    }

    private static PartialDate? ParseDate(string? text, bool approximate, string where, string field, List<string> problems)
    {
        if (text is null)
        {
            problems.Add($"{where}: \"{field}\" is missing.");
            return null;
        }
        if (PartialDate.TryParse(text, approximate, out var date, out var error))
            return date;
        problems.Add($"{where}: {field} {error}");
        return null;
    }

    private static void CheckSlug(string? slug, string where, HashSet<string> seen, List<string> problems, bool required)
    {
        if (slug is null)
        {
            if (required)
                problems.Add($"{where}: \"slug\" is missing.");
            return;
        }
        if (!Slugs.IsValid(slug))
            problems.Add($"{where}: slug \"{slug}\" must be lower-case words joined by hyphens, at most {Limits.SlugLength} characters.");
        else if (!seen.Add(slug))
            problems.Add($"{where}: slug \"{slug}\" is used twice.");
    }

}
