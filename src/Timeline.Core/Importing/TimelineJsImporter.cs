using Timeline.Core.Curation;
using System.Globalization;
using System.Text;
using Timeline.Core.Dates;
using Timeline.Core.Domain;
using Timeline.Core.Publishing;
using Timeline.Core.Storage;
using Timeline.Core.Text;

namespace Timeline.Core.Importing;

/// <summary>A message about one entry of an imported file: "event 3", "row 7", "the title slide".</summary>
public sealed record ImportNote(string Entry, string Message)
{
    /// <summary>The entry as a message starts with it: "Event 3".</summary>
    public string Where => Entry.Length == 0 ? Entry : char.ToUpperInvariant(Entry[0]) + Entry[1..];
}

public sealed record PlannedImportStoryline(string Slug, string Title, string Description, PartialDate Start, PartialDate End, bool Exists)
{
    /// <summary>A storyline already in the store: kept as it is, and shown as stored.</summary>
    public static PlannedImportStoryline Of(Storyline storyline) => new(storyline.Slug, storyline.Title, storyline.Description, storyline.Start, storyline.End, Exists: true);
}

public sealed record PlannedImportEvent(
    string Title, string Slug, string Summary, PartialDate Start, PartialDate? End, string? StorylineSlug,
    IReadOnlyList<string> Topics, EventMedia? Media);

/// <summary>What an import would do: the preview a curator checks, and the plan the import writes.</summary>
public sealed record TimelineJsPreview(
    IReadOnlyList<PlannedImportEvent> Events, IReadOnlyList<PlannedImportStoryline> Storylines, IReadOnlyList<ImportNote> AlreadyThere,
    IReadOnlyList<ImportNote> Dropped, IReadOnlyList<ImportNote> Errors, bool Publish)
{
    public int Media => Events.Count(e => e.Media is not null);
    public IEnumerable<PlannedImportStoryline> NewStorylines => Storylines.Where(s => !s.Exists);
    public bool CanImport => Errors.Count == 0 && (Events.Count > 0 || NewStorylines.Any());
}

/// <summary><paramref name="StorylineSlug"/>: the storyline the events go into instead of one made from the title slide.</summary>
public sealed record TimelineJsImportOptions(string? StorylineSlug = null, bool Publish = false);

/// <summary>The preview the import was made from, and what it stored (null when it stored nothing).</summary>
public sealed record TimelineJsImportResult(TimelineJsPreview Preview, int? EventsCreated, int? StorylinesCreated);

/// <summary>
/// Imports a TimelineJS timeline (<see cref="TimelineJsReader"/>): the title slide becomes a storyline (or the
/// events go into one the curator picks), storylines become storylines with their spans, each event keeps exactly the
/// precision its date parts give, HTML becomes safe Markdown, a group becomes a topic (or the storyline it names), and a
/// valid unique_id the slug. Planned first, as a preview; stored in one transaction, re-planned inside it, and only
/// when no entry has an error. An event already on the timeline (same title and start) is not created again.
/// </summary>
public sealed class TimelineJsImporter(TimelineStore store, IContentChangeListener listener, TimeProvider clock)
{
    public const string Action = "imported";
    private static readonly string[] Palette = ["#3d6fb6", "#b5533c", "#4f8a3c", "#8a5fb0", "#b08a2e", "#2f8a8a"];

    public TimelineJsPreview Preview(TimelineJsFile file, TimelineJsImportOptions options) =>
        Plan(file, options);

    public async Task<TimelineJsImportResult> ImportAsync(TimelineJsFile file, TimelineJsImportOptions options, string user, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var result = store.Write(tx =>
        {
            var plan = Plan(file, options); // inside the writer's gate: nothing can change between the checks and the writes
            if (!plan.CanImport)
                return new TimelineJsImportResult(plan, null, null);
            var storylines = new Dictionary<string, Storyline>();
            var created = 0;
            foreach (var planned in plan.Storylines)
            {
                if (planned.Exists)
                {
                    storylines[planned.Slug] = store.StorylineBySlug(planned.Slug).First();
                    continue;
                }
                var storyline = new Storyline
                {
                    Id = tx.NextIntId("storylines"), Slug = planned.Slug, Title = planned.Title, Description = planned.Description,
                    Colour = Palette[created++ % Palette.Length], Start = planned.Start, End = planned.End,
                };
                store.Storylines.Insert(storyline);
                storylines[storyline.Slug] = storyline;
                tx.AddRevision(Snapshots.Record(StorylineSnapshot.Of(storyline), RevisionSubject.Storyline, storyline.Id, null, null, Action,
                    $"Imported the storyline \"{storyline.Title}\" from TimelineJS", user, now));
            }
            foreach (var planned in plan.Events)
            {
                var storyline = planned.StorylineSlug is { } slug ? storylines[slug] : null;
                var tags = planned.Topics.Select(t => tx.EnsureTag(TagKind.Topic, t, Slugs.Slugify(t))).DistinctBy(t => t.Id).ToList();
                var ev = new Event
                {
                    Id = tx.NextIntId("events"), Slug = planned.Slug, Title = planned.Title, Summary = planned.Summary,
                    Start = planned.Start, End = planned.End, StorylineId = storyline?.Id, TagIds = [.. tags.Select(t => t.Id)], Media = planned.Media,
                    Status = plan.Publish ? EventStatus.Published : EventStatus.Draft,
                    CreatedAt = now, CreatedBy = user, UpdatedAt = now, UpdatedBy = user,
                };
                tx.SetSlug(ev.Id, null, ev.Slug, now);
                tx.PutEvent(null, ev);
                tx.AddRevision(Snapshots.Record(EventSnapshot.Of(ev, tags, storyline?.Title), RevisionSubject.Event, ev.Id, ev.Id, null, Action,
                    "Imported from TimelineJS" + (plan.Publish ? " and published" : " as a draft"), user, now));
            }
            return new TimelineJsImportResult(plan, plan.Events.Count, created);
        });
        if (result.EventsCreated is not null)
            await listener.ContentChangedAsync(cancellationToken);
        return result;
    }

    private TimelineJsPreview Plan(TimelineJsFile file, TimelineJsImportOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.StorylineSlug))
            options = options with { StorylineSlug = null };
        var errors = new List<ImportNote>();
        var dropped = new List<ImportNote>();
        var already = new List<ImportNote>();
        if (file.Problem is { } problem)
            return new TimelineJsPreview([], [], [], [], [new ImportNote("the file", problem)], options.Publish);

        // Storylines from the storylines, with their spans.
        var storylines = new List<PlannedImportStoryline>();
        foreach (var storyline in file.Storylines)
        {
            var title = HtmlToMarkdown.ToPlainText(storyline.Headline);
            var start = storyline.Start is null ? null : ReadDate(storyline.Start, storyline.Entry, "start", errors, dropped);
            var end = storyline.End is null ? null : ReadDate(storyline.End, storyline.Entry, "end", errors, dropped);
            var description = HtmlToMarkdown.Convert(storyline.Text).Markdown;
            if (title.Length == 0)
                errors.Add(new ImportNote(storyline.Entry, "The era has no headline: give it one, it becomes the storyline's title."));
            else if (title.Length > Limits.TitleLength)
                errors.Add(new ImportNote(storyline.Entry, $"The headline is {title.Length} characters long; the most is {Limits.TitleLength}."));
            if (description.Length > Limits.SummaryLength)
                errors.Add(new ImportNote(storyline.Entry, $"The text is {description.Length} characters long as Markdown; the most is {Limits.SummaryLength}."));
            if (storyline.Start is null || storyline.End is null)
                errors.Add(new ImportNote(storyline.Entry, "An era needs a start and an end date."));
            if (start is { } s && end is { } e && e.EndsBefore(s))
                errors.Add(new ImportNote(storyline.Entry, $"The era ends ({e.Format()}) before it starts ({s.Format()})."));
            if (title.Length is 0 or > Limits.TitleLength || start is null || end is null || Slugs.Slugify(title).Length == 0)
                continue;
            var slug = Slugs.Slugify(title);
            if (storylines.Any(p => p.Slug == slug))
                continue;
            // A storyline already there is kept as it is: the preview shows it as stored.
            storylines.Add(store.StorylineBySlug(slug).FirstOrDefault() is { } existing
                ? PlannedImportStoryline.Of(existing)
                : new PlannedImportStoryline(slug, title, description, start.Value, end.Value, Exists: false));
        }

        // Where events outside every storyline go: the storyline picked, or one made from the title slide.
        string? mainSlug = null;
        string? mainTitle = null;
        if (options.StorylineSlug is { Length: > 0 } picked)
        {
            if (store.StorylineBySlug(picked).FirstOrDefault() is { } storyline)
                (mainSlug, mainTitle) = (storyline.Slug, storyline.Title);
            else
                errors.Add(new ImportNote("the storyline", $"There is no storyline \"{TextExcerpt.Shorten(picked, 60)}\" to import into."));
            if (file.Title is not null)
                dropped.Add(new ImportNote("the title slide", $"Not made a storyline: the events go into \"{mainTitle ?? picked}\"."));
        }
        else if (file.Title is { } titleSlide && HtmlToMarkdown.ToPlainText(titleSlide.Headline) is { Length: > 0 and <= Limits.TitleLength } headline
                 && Slugs.Slugify(headline).Length > 0)
        {
            (mainSlug, mainTitle) = (Slugs.Slugify(headline), headline);
            if (storylines.Any(p => p.Slug == mainSlug))
                dropped.Add(new ImportNote("the title slide", $"Not made a storyline of its own: an era has the same name, \"{headline}\"."));
        }

        // When every group names a storyline (as in this site's exports), groups say where events belong, and an event
        // without one belongs to no storyline; otherwise an event goes into the storyline its start falls in.
        var groups = file.Events.Select(e => HtmlToMarkdown.ToPlainText(e.Group)).Where(g => g.Length > 0).ToList();
        var groupsNameStorylines = groups.Count > 0 && groups.All(g => storylines.Any(p => string.Equals(p.Title, g, StringComparison.OrdinalIgnoreCase)));
        var events = new List<PlannedImportEvent>();
        var seen = new HashSet<(string, PartialDate)>();
        var slugsTaken = new HashSet<string>();
        foreach (var slide in file.Events)
        {
            var before = errors.Count;
            var title = HtmlToMarkdown.ToPlainText(slide.Headline);
            if (title.Length == 0)
                errors.Add(new ImportNote(slide.Entry, "The event has no headline: every event needs a title."));
            else if (title.Length > Limits.TitleLength)
                errors.Add(new ImportNote(slide.Entry, $"The headline is {title.Length} characters long; the most is {Limits.TitleLength}."));
            PartialDate? start = null, end = null;
            if (slide.Start is null)
                errors.Add(new ImportNote(slide.Entry, "The event has no start date: give it at least a year."));
            else
                start = ReadDate(slide.Start, slide.Entry, "start", errors, dropped);
            if (slide.End is not null)
                end = ReadDate(slide.End, slide.Entry, "end", errors, dropped);
            if (start is { } s1 && end is { } e1 && e1.EndsBefore(s1))
                errors.Add(new ImportNote(slide.Entry, $"The event ends ({e1.Format()}) before it starts ({s1.Format()})."));
            if (errors.Count > before || start is not { } startDate)
                continue;

            var summary = new StringBuilder();
            var text = HtmlToMarkdown.Convert(slide.Text);
            summary.Append(text.Markdown);
            foreach (var what in text.Dropped)
                dropped.Add(new ImportNote(slide.Entry, "Dropped from the text: " + what + "."));
            var display = (slide.DisplayDate ?? slide.Start?.DisplayDate) is { } written ? string.Join(' ', written.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)) : null;
            if (display is not null && !SameDate(display, startDate, end))
            {
                var approximateStart = new PartialDate(startDate.Value, startDate.Precision, approximate: true);
                var approximateEnd = end is { } e2 ? new PartialDate(e2.Value, e2.Precision, approximate: true) : (PartialDate?)null;
                if (IsApproximateOf(display, startDate))
                    startDate = approximateStart;
                else if (SameDate(display, approximateStart, end))
                    startDate = approximateStart;
                else if (SameDate(display, startDate, approximateEnd))
                    end = approximateEnd;
                else if (SameDate(display, approximateStart, approximateEnd))
                    (startDate, end) = (approximateStart, approximateEnd);
                else
                    summary.Insert(0, $"*Date as the source timeline gave it: {HtmlToMarkdown.EscapeText(display)}*\n\n");
            }
            if (end is { } endDate && slide.End?.DisplayDate is { } endDisplay && IsApproximateOf(endDisplay, endDate))
                end = new PartialDate(endDate.Value, endDate.Precision, approximate: true);
            EventMedia? media = null;
            if (slide.Media is { Url: { } url } given)
            {
                // Kept as a link, never fetched or embedded: the site shows it as a card that leads to it.
                if (WebAddress.Http(url) is { } uri && uri.AbsoluteUri.Length <= Limits.UrlLength)
                {
                    media = new EventMedia
                    {
                        Kind = MediaKind.Link, Url = uri.AbsoluteUri,
                        Caption = TextExcerpt.Shorten(HtmlToMarkdown.ToPlainText(given.Caption) is { Length: > 0 } caption ? caption : given.Alt ?? "", MediaInput.MaxCaptionLength),
                        Credit = TextExcerpt.Shorten(HtmlToMarkdown.ToPlainText(given.Credit), Limits.NameLength),
                    };
                    if (given.Thumbnail is not null)
                        dropped.Add(new ImportNote(slide.Entry, "The media thumbnail is not kept (the media is kept as a link)."));
                }
                else
                {
                    dropped.Add(new ImportNote(slide.Entry, "The media is not an http(s) address (an embed code or a file name), so it is not kept."));
                }
            }
            if (slide.HasBackground)
                dropped.Add(new ImportNote(slide.Entry, "The slide's background (colour or image) is not kept: the site draws events its own way."));
            if (summary.Length > Limits.SummaryLength)
            {
                errors.Add(new ImportNote(slide.Entry, $"The text is {summary.Length} characters long as Markdown; the most is {Limits.SummaryLength}."));
                continue;
            }

            // Its storyline: a storyline its group names, else the storyline its start falls in, else the main one.
            var group = HtmlToMarkdown.ToPlainText(slide.Group);
            var byGroup = storylines.FirstOrDefault(p => group.Length > 0 && string.Equals(p.Title, group, StringComparison.OrdinalIgnoreCase));
            var storyline = byGroup?.Slug
                            ?? (groupsNameStorylines ? null : storylines.FirstOrDefault(p => p.Start <= startDate && !p.End.EndsBefore(startDate))?.Slug)
                            ?? mainSlug;
            string[] topics = [];
            if (group.Length > 0 && byGroup is null && !string.Equals(group, mainTitle, StringComparison.OrdinalIgnoreCase))
            {
                if (group.Length <= Limits.NameLength && Slugs.Slugify(group).Length > 0)
                    topics = [group];
                else
                    dropped.Add(new ImportNote(slide.Entry, $"The group is not kept as a topic: a topic needs a letter or digit and at most {Limits.NameLength} characters."));
            }

            if (!seen.Add((title, startDate)))
            {
                already.Add(new ImportNote(slide.Entry, $"\"{title}\" ({startDate.Format()}) appears earlier in the file; imported once."));
                continue;
            }
            if (FindExisting(title, startDate) is { } existing)
            {
                already.Add(new ImportNote(slide.Entry, $"\"{title}\" ({startDate.Format()}) is already on the timeline as /events/{existing.Slug}" +
                                                        (existing.Status == EventStatus.Deleted ? " (in the trash)" : "") + "."));
                continue;
            }
            string slug;
            if (slide.UniqueId is { } uniqueId && Slugs.IsValid(uniqueId) && !slugsTaken.Contains(uniqueId) && store.Slugs.FindById(uniqueId) is null)
                slug = uniqueId;
            else
            {
                if (slide.UniqueId is { } id)
                    dropped.Add(new ImportNote(slide.Entry, Slugs.IsValid(id)
                        ? $"The unique_id \"{TextExcerpt.Shorten(id, 60)}\" is already another event's address, so the event gets its own."
                        : $"The unique_id \"{TextExcerpt.Shorten(id, 60)}\" is not a valid address (lower-case letters, digits and hyphens), so the event gets its own."));
                slug = Slugs.MakeUnique(Slugs.ForEvent(startDate, title), c => slugsTaken.Contains(c) || store.Slugs.FindById(c) is not null);
            }
            slugsTaken.Add(slug);
            events.Add(new PlannedImportEvent(title, slug, summary.ToString(), startDate, end, storyline, topics, media));
        }

        if (mainSlug is not null && options.StorylineSlug is null && events.Any(e => e.StorylineSlug == mainSlug) && storylines.All(p => p.Slug != mainSlug))
        {
            var mine = events.Where(e => e.StorylineSlug == mainSlug).ToList();
            var last = mine.Select(e => e.End ?? e.Start).MaxBy(d => d.End); // the period that ends last
            var description = HtmlToMarkdown.Convert(file.Title?.Text).Markdown;
            if (description.Length > Limits.SummaryLength)
                errors.Add(new ImportNote("the title slide", $"The text is {description.Length} characters long as Markdown; the most is {Limits.SummaryLength}."));
            storylines.Insert(0, store.StorylineBySlug(mainSlug).FirstOrDefault() is { } existing
                ? PlannedImportStoryline.Of(existing)
                : new PlannedImportStoryline(mainSlug, mainTitle!, description, mine.Min(e => e.Start), last, Exists: false));
        }
        else if (options.StorylineSlug is not null && mainSlug is not null)
        {
            storylines.Insert(0, PlannedImportStoryline.Of(store.StorylineBySlug(mainSlug).First()));
        }
        // A storyline no event falls in is still a storyline of the file: kept, unless it exists already.
        return new TimelineJsPreview(events, storylines, already, dropped, errors, options.Publish);
    }

    /// <summary>The event (of any status) with this title and start, when there is one: the entry is already imported,
    /// under whatever address it got.</summary>
    private Event? FindExisting(string title, PartialDate start) =>
        store.EventsTitled(title).ToEnumerable().FirstOrDefault(e => e.Start == start);

    /// <summary>The date as its parts give it: year only is year-precise, no day month-precise, an hour day+time.</summary>
    private static PartialDate? ReadDate(TjsDate date, string entry, string which, List<ImportNote> errors, List<ImportNote> dropped)
    {
        int? Part(string? text, string name)
        {
            if (text is null)
                return null;
            if (decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
                && number == decimal.Truncate(number) && number is >= int.MinValue and <= int.MaxValue)
                return (int)number;
            errors.Add(new ImportNote(entry, $"The {which} {name} \"{TextExcerpt.Shorten(text, 20)}\" is not a whole number."));
            return null;
        }
        var count = errors.Count;
        var year = Part(date.Year, "year");
        var month = Part(date.Month, "month");
        var day = Part(date.Day, "day");
        var hour = Part(date.Hour, "hour");
        var minute = Part(date.Minute, "minute");
        var second = Part(date.Second, "second");
        if (errors.Count > count)
            return null;
        if (year is null)
        {
            errors.Add(new ImportNote(entry, $"The {which} date has no year."));
            return null;
        }
        if (year is < 1 or > 9999)
        {
            errors.Add(new ImportNote(entry, $"The {which} year {year} is outside 1–9999, the years the timeline can hold."));
            return null;
        }
        if (month is < 1 or > 12)
            errors.Add(new ImportNote(entry, $"The {which} month {month} is not 1–12."));
        else if (day is not null && month is null)
            errors.Add(new ImportNote(entry, $"The {which} date has a day but no month."));
        else if (day is { } d && (d < 1 || d > DateTime.DaysInMonth(year.Value, month!.Value)))
            errors.Add(new ImportNote(entry, $"The {which} date {year}-{month:00}-{d:00} is not a real calendar date."));
        else if (hour is not null && day is null)
            errors.Add(new ImportNote(entry, $"The {which} date has a time but no day."));
        else if (hour is < 0 or > 23 || minute is < 0 or > 59)
            errors.Add(new ImportNote(entry, $"The {which} time {hour}:{minute ?? 0:00} is not a time of day."));
        if (errors.Count > count)
            return null;
        if (second is > 0)
            dropped.Add(new ImportNote(entry, $"The {which} time's seconds are not kept: times are to the minute."));
        if (hour is { } h)
            return new PartialDate(new DateTime(year.Value, month!.Value, day!.Value, h, minute ?? 0, 0), DatePrecision.Minute);
        if (day is not null)
            return PartialDate.Day(year.Value, month!.Value, day.Value);
        return month is { } m ? PartialDate.Month(year.Value, m) : PartialDate.Year(year.Value);
    }

    private static bool SameDate(string display, PartialDate start, PartialDate? end) =>
        Normal(display) == Normal(start.Format()) || Normal(display) == Normal(PartialDate.FormatRange(start, end));

    /// <summary>"c. July 2013", "circa 2014", "~2014", "about March 2014": the computed date, said to be approximate.</summary>
    private static bool IsApproximateOf(string display, PartialDate start)
    {
        var text = Normal(display);
        foreach (var prefix in new[] { "c. ", "c.", "ca. ", "circa ", "about ", "around ", "~" })
        {
            if (text.StartsWith(prefix, StringComparison.Ordinal) && text[prefix.Length..].Trim() == Normal(start.Format()))
                return true;
        }
        return false;
    }

    private static string Normal(string text) => string.Join(' ', text.Trim().ToLowerInvariant().Replace('–', '-').Split(' ', StringSplitOptions.RemoveEmptyEntries));

}
