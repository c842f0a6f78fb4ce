using System.Text;
using Timeline.Core.Curation;
using Timeline.Core.Addresses;
using Timeline.Core.Dates;
using Timeline.Core.Domain;
using Timeline.Core.Storage;
using Timeline.Core.Text;

namespace Timeline.Core.Importing;

/// <summary>
/// Plans one TimelineJS import against the store, in the steps a curator reads in the preview: the file's eras become
/// storylines; the events outside them go into the storyline picked or one made from the title slide; each slide
/// becomes an event (its dates, text, media, storyline and topics, its address) unless it has an error or is already
/// on the timeline. Every entry's problems are collected, so the preview names them all at once.
/// </summary>
internal sealed class TimelineJsPlanner(TimelineStore store, TimelineJsFile file, TimelineJsImportOptions options)
{
    private readonly List<ImportNote> errors = [];
    private readonly List<ImportNote> dropped = [];
    private readonly List<ImportNote> already = [];
    private readonly List<PlannedImportStoryline> storylines = [];
    private readonly List<PlannedImportEvent> events = [];
    private readonly HashSet<(string, PartialDate)> seen = [];
    private readonly HashSet<string> slugsTaken = [];
    private readonly string? picked = string.IsNullOrWhiteSpace(options.StorylineSlug) ? null : options.StorylineSlug;
    private string? mainSlug;
    private string? mainTitle;
    private bool groupsNameStorylines;

    public TimelineJsPreview Plan()
    {
        if (file.Problem is { } problem)
            return new TimelineJsPreview([], [], [], [], [new ImportNote("the file", problem)], options.Publish);
        foreach (var era in file.Storylines)
            PlanStoryline(era);
        ChooseMainStoryline();
        // When every group names a storyline (as in this site's exports), groups say where events belong, and an event
        // without one belongs to no storyline; otherwise an event goes into the storyline its start falls in.
        var groups = file.Events.Select(e => HtmlToMarkdown.ToPlainText(e.Group)).Where(g => g.Length > 0).ToList();
        groupsNameStorylines = groups.Count > 0 && groups.All(g => storylines.Any(p => string.Equals(p.Title, g, StringComparison.OrdinalIgnoreCase)));
        foreach (var slide in file.Events)
        {
            if (PlanEvent(slide) is { } planned)
                events.Add(planned);
        }
        AddMainStoryline();
        // A storyline no event falls in is still a storyline of the file: kept, unless it exists already.
        return new TimelineJsPreview(events, storylines, already, dropped, errors, options.Publish);
    }

    /// <summary>An era as a storyline with its span; one already in the store is kept as it is, and shown as stored.</summary>
    private void PlanStoryline(TjsSlide era)
    {
        var title = HtmlToMarkdown.ToPlainText(era.Headline);
        var start = era.Start is null ? null : TimelineJsDates.Read(era.Start, era.Entry, "start", errors, dropped);
        var end = era.End is null ? null : TimelineJsDates.Read(era.End, era.Entry, "end", errors, dropped);
        var description = HtmlToMarkdown.Convert(era.Text).Markdown;
        if (title.Length == 0)
            errors.Add(new ImportNote(era.Entry, "The era has no headline: give it one, it becomes the storyline's title."));
        else if (title.Length > Limits.TitleLength)
            errors.Add(new ImportNote(era.Entry, $"The headline is {title.Length} characters long; the most is {Limits.TitleLength}."));
        if (description.Length > Limits.SummaryLength)
            errors.Add(new ImportNote(era.Entry, $"The text is {description.Length} characters long as Markdown; the most is {Limits.SummaryLength}."));
        if (era.Start is null || era.End is null)
            errors.Add(new ImportNote(era.Entry, "An era needs a start and an end date."));
        if (start is { } s && end is { } e && e.EndsBefore(s))
            errors.Add(new ImportNote(era.Entry, $"The era ends ({e.Format()}) before it starts ({s.Format()})."));
        if (title.Length is 0 or > Limits.TitleLength || start is null || end is null || Slugs.Slugify(title).Length == 0)
            return;
        var slug = Slugs.Slugify(title);
        if (storylines.Any(p => p.Slug == slug))
            return;
        storylines.Add(store.StorylineBySlug(slug).FirstOrDefault() is { } existing
            ? PlannedImportStoryline.Of(existing)
            : new PlannedImportStoryline(slug, title, description, start.Value, end.Value, Exists: false));
    }

    /// <summary>Where events outside every storyline go: the storyline picked, or one made from the title slide.</summary>
    private void ChooseMainStoryline()
    {
        if (picked is not null)
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
    }

    /// <summary>The slide as an event; null when it has an error or is already on the timeline (both noted).</summary>
    private PlannedImportEvent? PlanEvent(TjsSlide slide)
    {
        var before = errors.Count;
        var title = HtmlToMarkdown.ToPlainText(slide.Headline);
        if (title.Length == 0)
            errors.Add(new ImportNote(slide.Entry, "The event has no headline: every event needs a title."));
        else if (title.Length > Limits.TitleLength)
            errors.Add(new ImportNote(slide.Entry, $"The headline is {title.Length} characters long; the most is {Limits.TitleLength}."));
        var (start, end) = ReadDates(slide);
        if (errors.Count > before || start is not { } startDate)
            return null;

        var summary = new StringBuilder();
        var text = HtmlToMarkdown.Convert(slide.Text);
        summary.Append(text.Markdown);
        foreach (var what in text.Dropped)
            dropped.Add(new ImportNote(slide.Entry, "Dropped from the text: " + what + "."));
        if (ApplyDisplayDate(slide, ref startDate, ref end) is { } unmatched)
            summary.Insert(0, $"*Date as the source timeline gave it: {HtmlToMarkdown.EscapeText(unmatched)}*\n\n");
        var media = ReadMedia(slide);
        if (slide.HasBackground)
            dropped.Add(new ImportNote(slide.Entry, "The slide's background (colour or image) is not kept: the site draws events its own way."));
        if (summary.Length > Limits.SummaryLength)
        {
            errors.Add(new ImportNote(slide.Entry, $"The text is {summary.Length} characters long as Markdown; the most is {Limits.SummaryLength}."));
            return null;
        }
        var (storyline, topics) = StorylineAndTopics(slide, startDate);
        if (IsAlreadyThere(slide, title, startDate))
            return null;
        return new PlannedImportEvent(title, Address(slide, title, startDate), summary.ToString(), startDate, end, storyline, topics, media);
    }

    private (PartialDate? Start, PartialDate? End) ReadDates(TjsSlide slide)
    {
        PartialDate? start = null, end = null;
        if (slide.Start is null)
            errors.Add(new ImportNote(slide.Entry, "The event has no start date: give it at least a year."));
        else
            start = TimelineJsDates.Read(slide.Start, slide.Entry, "start", errors, dropped);
        if (slide.End is not null)
            end = TimelineJsDates.Read(slide.End, slide.Entry, "end", errors, dropped);
        if (start is { } s && end is { } e && e.EndsBefore(s))
            errors.Add(new ImportNote(slide.Entry, $"The event ends ({e.Format()}) before it starts ({s.Format()})."));
        return (start, end);
    }

    /// <summary>
    /// A display date that says the computed dates are approximate ("c. July 2013") makes them so; one that says
    /// something else is returned, to be kept in the summary, since the date parts alone would lose it.
    /// </summary>
    private static string? ApplyDisplayDate(TjsSlide slide, ref PartialDate start, ref PartialDate? end)
    {
        var display = (slide.DisplayDate ?? slide.Start?.DisplayDate) is { } written ? string.Join(' ', written.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)) : null;
        string? unmatched = null;
        if (display is not null && !TimelineJsDates.SameDate(display, start, end))
        {
            var approximateStart = new PartialDate(start.Value, start.Precision, approximate: true);
            var approximateEnd = end is { } e ? new PartialDate(e.Value, e.Precision, approximate: true) : (PartialDate?)null;
            if (TimelineJsDates.IsApproximateOf(display, start) || TimelineJsDates.SameDate(display, approximateStart, end))
                start = approximateStart;
            else if (TimelineJsDates.SameDate(display, start, approximateEnd))
                end = approximateEnd;
            else if (TimelineJsDates.SameDate(display, approximateStart, approximateEnd))
                (start, end) = (approximateStart, approximateEnd);
            else
                unmatched = display;
        }
        if (end is { } endDate && slide.End?.DisplayDate is { } endDisplay && TimelineJsDates.IsApproximateOf(endDisplay, endDate))
            end = new PartialDate(endDate.Value, endDate.Precision, approximate: true);
        return unmatched;
    }

    /// <summary>The slide's media kept as a link, never fetched or embedded: the site shows it as a card that leads to it.</summary>
    private EventMedia? ReadMedia(TjsSlide slide)
    {
        if (slide.Media is not { Url: { } url } given)
            return null;
        if (WebAddress.Http(url) is not { } uri || uri.AbsoluteUri.Length > Limits.UrlLength)
        {
            dropped.Add(new ImportNote(slide.Entry, "The media is not an http(s) address (an embed code or a file name), so it is not kept."));
            return null;
        }
        if (given.Thumbnail is not null)
            dropped.Add(new ImportNote(slide.Entry, "The media thumbnail is not kept (the media is kept as a link)."));
        return new EventMedia
        {
            Kind = MediaKind.Link, Url = uri.AbsoluteUri,
            Caption = TextExcerpt.Shorten(HtmlToMarkdown.ToPlainText(given.Caption) is { Length: > 0 } caption ? caption : given.Alt ?? "", MediaInput.MaxCaptionLength),
            Credit = TextExcerpt.Shorten(HtmlToMarkdown.ToPlainText(given.Credit), Limits.NameLength),
        };
    }

    /// <summary>Its storyline: a storyline its group names, else the storyline its start falls in, else the main one.
    /// A group that names no storyline becomes a topic.</summary>
    private (string? Storyline, string[] Topics) StorylineAndTopics(TjsSlide slide, PartialDate start)
    {
        var group = HtmlToMarkdown.ToPlainText(slide.Group);
        var byGroup = storylines.FirstOrDefault(p => group.Length > 0 && string.Equals(p.Title, group, StringComparison.OrdinalIgnoreCase));
        var storyline = byGroup?.Slug
                        ?? (groupsNameStorylines ? null : storylines.FirstOrDefault(p => p.Start <= start && !p.End.EndsBefore(start))?.Slug)
                        ?? mainSlug;
        if (group.Length == 0 || byGroup is not null || string.Equals(group, mainTitle, StringComparison.OrdinalIgnoreCase))
            return (storyline, []);
        if (group.Length <= Limits.NameLength && Slugs.Slugify(group).Length > 0)
            return (storyline, [group]);
        dropped.Add(new ImportNote(slide.Entry, $"The group is not kept as a topic: a topic needs a letter or digit and at most {Limits.NameLength} characters."));
        return (storyline, []);
    }

    /// <summary>Earlier in the file, or on the timeline already (same title and start, any status, under whatever
    /// address it got): imported once.</summary>
    private bool IsAlreadyThere(TjsSlide slide, string title, PartialDate start)
    {
        if (!seen.Add((title, start)))
        {
            already.Add(new ImportNote(slide.Entry, $"\"{title}\" ({start.Format()}) appears earlier in the file; imported once."));
            return true;
        }
        if (store.EventsTitled(title).ToEnumerable().FirstOrDefault(e => e.Start == start) is not { } existing)
            return false;
        already.Add(new ImportNote(slide.Entry, $"\"{title}\" ({start.Format()}) is already on the timeline as {ReaderPaths.Event(existing.Slug)}" +
                                                (existing.Status == EventStatus.Deleted ? " (in the trash)" : "") + "."));
        return true;
    }

    /// <summary>Its address: a valid unique_id nothing else has, or one made from its date and title.</summary>
    private string Address(TjsSlide slide, string title, PartialDate start)
    {
        string slug;
        if (slide.UniqueId is { } uniqueId && Slugs.IsValid(uniqueId) && !slugsTaken.Contains(uniqueId) && store.Slugs.FindById(uniqueId) is null)
        {
            slug = uniqueId;
        }
        else
        {
            if (slide.UniqueId is { } id)
                dropped.Add(new ImportNote(slide.Entry, Slugs.IsValid(id)
                    ? $"The unique_id \"{TextExcerpt.Shorten(id, 60)}\" is already another event's address, so the event gets its own."
                    : $"The unique_id \"{TextExcerpt.Shorten(id, 60)}\" is not a valid address (lower-case letters, digits and hyphens), so the event gets its own."));
            slug = Slugs.MakeUnique(Slugs.ForEvent(start, title), c => slugsTaken.Contains(c) || store.Slugs.FindById(c) is not null);
        }
        slugsTaken.Add(slug);
        return slug;
    }

    /// <summary>The storyline made from the title slide, when events go into it; or the storyline picked, as stored.</summary>
    private void AddMainStoryline()
    {
        if (mainSlug is not null && picked is null && events.Any(e => e.StorylineSlug == mainSlug) && storylines.All(p => p.Slug != mainSlug))
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
        else if (picked is not null && mainSlug is not null)
        {
            storylines.Insert(0, PlannedImportStoryline.Of(store.StorylineBySlug(mainSlug).First()));
        }
    }
}
