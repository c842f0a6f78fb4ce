using System.Text.Json;
using System.Text.Json.Serialization;
using Timeline.Core.Storage;
using Timeline.Core.Dates;
using Timeline.Core.Domain;

namespace Timeline.Core.Curation;

/// <summary>A recorded state of something curated, as labelled texts to compare.</summary>
public interface ISnapshot
{
    IReadOnlyList<(string Label, string Text)> Describe();
}

/// <summary>What one source says in a recorded difference; <paramref name="Source"/> names its article as it was then.</summary>
public sealed record ClaimSnapshot(int ArticleId, string Source, string Quote, string? Value);

public sealed record DifferenceSnapshot(string Aspect, IReadOnlyList<ClaimSnapshot> Claims);

public sealed record EventSnapshot(
    string Slug, string Title, string Summary, PartialDate Start, PartialDate? End, int? StorylineId, string? Storyline,
    EventStatus Status, IReadOnlyList<string> Topics, IReadOnlyList<string> Actors, IReadOnlyList<string> Places,
    EventMedia? Media = null, IReadOnlyList<DifferenceSnapshot>? Differences = null) : ISnapshot
{
    /// <summary>The event with its tags' names, its storyline's title and its sources' names (the snapshot records
    /// names, not ids; <paramref name="sourceName"/> names an article).</summary>
    public static EventSnapshot Of(Event ev, IReadOnlyCollection<Tag> tags, string? storylineTitle, Func<int, string> sourceName) => new(
        ev.Slug, ev.Title, ev.Summary, ev.Start, ev.End, ev.StorylineId, storylineTitle, ev.Status,
        Names(tags, TagKind.Topic), Names(tags, TagKind.Actor), Names(tags, TagKind.Place), ev.Media,
        [.. ev.Differences.Select(d => new DifferenceSnapshot(d.Aspect, [.. d.Claims.Select(c => new ClaimSnapshot(c.ArticleId, sourceName(c.ArticleId), c.Quote, c.Value))]))]);

    /// <summary>The event as stored, its tags, storyline and sources read from the store.</summary>
    public static EventSnapshot Of(Event ev, TimelineStore store) => Of(
        ev, [.. store.Tags.FindByIds(ev.TagIds)],
        ev.StorylineId is { } storylineId ? store.Storylines.FindById(storylineId)?.Title : null, SourceNames(store));

    /// <summary>"The Jerusalem Post: Palestinian leadership ‘rebuffs’…": how a snapshot names an article.</summary>
    public static Func<int, string> SourceNames(TimelineStore store) =>
        id => store.Articles.FindById(id) is { } a ? $"{a.Outlet}: {a.Title}" : $"article {id} (removed)";

    private static string[] Names(IEnumerable<Tag> tags, TagKind kind) =>
        [.. tags.Where(t => t.Kind == kind).Select(t => t.Name).Order(StringComparer.OrdinalIgnoreCase)];

    public EventForm ToForm(int id, int version) => new()
    {
        Id = id, Version = version, Title = Title, Slug = Slug, Summary = Summary,
        Start = PartialDateInput.From(Start), HasEnd = End is not null, End = End is { } end ? PartialDateInput.From(end) : new(),
        StorylineId = StorylineId, Status = Status, Topics = [.. Topics], Actors = [.. Actors], Places = [.. Places],
        Media = MediaInput.From(Media),
        Differences = [.. (Differences ?? []).Select(d => new DifferenceForm
        {
            Aspect = d.Aspect, Claims = [.. d.Claims.Select(c => new ClaimForm { ArticleId = c.ArticleId, Quote = c.Quote, Value = c.Value ?? "" })],
        })],
    };

    public IReadOnlyList<(string Label, string Text)> Describe() =>
    [
        ("Title", Title), ("Address (slug)", Slug), ("Date", Start.Format()), ("End date", End?.Format() ?? ""),
        ("Storyline", Storyline ?? ""), ("Status", Status.ToString()), ("Topics", string.Join(", ", Topics)),
        ("Actors", string.Join(", ", Actors)), ("Places", string.Join(", ", Places)), ("Summary", Summary),
        ("Media", Media?.Describe() ?? ""),
        ("Where the sources differ", string.Join("\n", (Differences ?? []).Select(d => $"{d.Aspect}: " +
            string.Join("; ", d.Claims.Select(c => $"{c.Source} “{c.Quote}”" + (c.Value is null ? "" : $" ({c.Value})")))))),
    ];
}

/// <summary>An article's metadata. The body is not in it: it never changes after import.</summary>
public sealed record ArticleSnapshot(string Title, string Outlet, string? Author, string? Url, PartialDate Published, string Language) : ISnapshot
{
    public static ArticleSnapshot Of(Article a) => new(a.Title, a.Outlet, a.Author, a.Url, a.Published, a.Language);

    public IReadOnlyList<(string Label, string Text)> Describe() =>
    [
        ("Title", Title), ("Outlet", Outlet), ("Author", Author ?? ""), ("Address (URL)", Url ?? ""),
        ("Published", Published.Format()), ("Language", Language),
    ];
}

/// <summary>A link as stored; <paramref name="SourceDate"/> is the date its article gives, with its words.</summary>
public sealed record LinkSnapshot(int EventId, string EventTitle, int ArticleId, string ArticleTitle, LinkRole Role, string Passage, string? Note,
    PartialDate? SourceDate = null, string? SourceDateWords = null) : ISnapshot
{
    public static LinkSnapshot Of(EventArticleLink link, Event ev, Article article) =>
        new(ev.Id, ev.Title, article.Id, article.Title, link.Role, link.Passage, link.Note, link.SourceDate?.Date, link.SourceDate?.Words);

    public IReadOnlyList<(string Label, string Text)> Describe() =>
    [
        ("Event", EventTitle), ("Article", ArticleTitle), ("Role", Role.ToLabel()), ("Passage", Passage), ("Note", Note ?? ""),
        ("Date this source gives", SourceDate is { } date ? Domain.SourceDate.Describe(date, SourceDateWords) : ""),
    ];
}

/// <summary>A storyline as stored.</summary>
public sealed record StorylineSnapshot(string Slug, string Title, string Description, string Colour, PartialDate Start, PartialDate End, bool OpensAtLatest = false) : ISnapshot
{
    public static StorylineSnapshot Of(Storyline storyline) =>
        new(storyline.Slug, storyline.Title, storyline.Description, storyline.Colour, storyline.Start, storyline.End, storyline.OpensAtLatest);

    public IReadOnlyList<(string Label, string Text)> Describe() =>
    [
        ("Title", Title), ("Address (slug)", Slug), ("Span", PartialDate.FormatRange(Start, End)), ("Colour", Colour), ("Description", Description),
        ("Timeline opens at", OpensAtLatest ? "its latest events" : "its first events"),
    ];
}

public static class Snapshots
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Serialize(ISnapshot snapshot) => JsonSerializer.Serialize(snapshot, snapshot.GetType(), Json);

    public static ISnapshot Read(Revision revision) => revision.Subject switch
    {
        RevisionSubject.Event => ReadEvent(revision),
        RevisionSubject.Article => JsonSerializer.Deserialize<ArticleSnapshot>(revision.Snapshot, Json)!,
        RevisionSubject.Storyline => JsonSerializer.Deserialize<StorylineSnapshot>(revision.Snapshot, Json)!,
        _ => JsonSerializer.Deserialize<LinkSnapshot>(revision.Snapshot, Json)!,
    };

    public static EventSnapshot ReadEvent(Revision revision) => JsonSerializer.Deserialize<EventSnapshot>(revision.Snapshot, Json)!;

    /// <summary>
    /// Adds a "recorded" revision holding <paramref name="before"/> when the subject has none yet (it came from the
    /// seeds), so that its first edit has a state to be compared with and restored to. <paramref name="by"/> and
    /// <paramref name="at"/> are who last changed it and when, as far as is known.
    /// </summary>
    public static void RecordBaseline(StoreTransaction tx, ISnapshot before, RevisionSubject subject, int subjectId,
        int? eventId, int? articleId, string by, DateTimeOffset at)
    {
        var prefix = TimelineKeys.SubjectPrefix(subject, subjectId);
        if (!tx.Store.RevisionsOf(nameof(Revision.SubjectKey), prefix).Limit(1).Exists())
            tx.AddRevision(Record(before, subject, subjectId, eventId, articleId, "recorded", "As it was before the first recorded change", by, at));
    }

    public static Revision Record(ISnapshot snapshot, RevisionSubject subject, int subjectId, int? eventId, int? articleId,
        string action, string description, string user, DateTimeOffset at) => new()
    {
        Subject = subject, SubjectId = subjectId, EventId = eventId, ArticleId = articleId, Action = action,
        Description = description.Length > Limits.TitleLength ? description[..Limits.TitleLength] : description,
        Snapshot = Serialize(snapshot), ChangedBy = user, ChangedAt = at,
    };
}
