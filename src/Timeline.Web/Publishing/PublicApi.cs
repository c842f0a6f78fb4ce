using Timeline.Web.Caching;
using Timeline.Web.Addresses;
using Timeline.Core.Addresses;
using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OutputCaching;
using Timeline.Core.Dates;
using Timeline.Core.Domain;
using Timeline.Core.Reading;
using Timeline.Core.Search;
using Timeline.Core.Text;
using Timeline.Web.Hosting;

namespace Timeline.Web.Publishing;

/// <summary>A date as the API writes it: ISO text with only the parts its precision knows, the precision, the
/// approximate flag, and the reader's wording.</summary>
public sealed record ApiDate(string Date, string Precision, bool Approximate, string Text)
{
    public static ApiDate Of(PartialDate date) =>
        new(date.ToIsoString(), date.Precision.ToString().ToLowerInvariant(), date.Approximate, date.Format());

    public static ApiDate? Of(PartialDate? date) => date is { } d ? Of(d) : null;
}

/// <summary>An event in a list; <paramref name="SourcesDiffer"/> when it lists differences between its sources,
/// <paramref name="SingleSource"/> when it rests on one outlet's articles.</summary>
public sealed record ApiEventListItem(
    string Slug, string Title, string Excerpt, ApiDate Start, ApiDate? End, string? Storyline,
    IReadOnlyList<string> Outlets, int SourceCount, string Url, bool SourcesDiffer, bool SingleSource);

public sealed record ApiEventList(IReadOnlyList<ApiEventListItem> Events, string? NextCursor, string? Next);

public sealed record ApiStoryline(string Slug, string Title, string Description, string Colour, ApiDate Start, ApiDate End, string Url);

public sealed record ApiTag(string Kind, string Name, string Slug);

public sealed record ApiArticle(int Id, string Title, string Outlet, string? Author, string? OriginalUrl, ApiDate Published, string Url);

/// <summary>A source's own date for the event, with its words ("on Wednesday").</summary>
public sealed record ApiSourceDate(ApiDate Date, string? Words);

public sealed record ApiSource(string Role, string Passage, string? Note, ApiArticle Article, ApiSourceDate? SourceDate);

/// <summary>What one source says on an aspect: its words (found in the article), a short value, and where they are.</summary>
public sealed record ApiClaim(int ArticleId, string Outlet, string Quote, string? Value, string Url);

public sealed record ApiDifference(string Aspect, IReadOnlyList<ApiClaim> Sources);

/// <summary>A public correction or update: <paramref name="Kind"/> "correction" or "update".</summary>
public sealed record ApiNote(string Kind, string Text, DateTimeOffset At);

/// <summary>An event's media: <paramref name="Kind"/> "image" (served by the site at <paramref name="Url"/>) or "link".</summary>
public sealed record ApiMedia(string Kind, string Url, string Caption, string Credit, string? AltText);

public sealed record ApiEvent(
    string Slug, string Title, string Summary, string SummaryHtml, ApiDate Start, ApiDate? End, ApiStoryline? Storyline,
    IReadOnlyList<ApiTag> Tags, IReadOnlyList<ApiSource> Sources, string? Previous, string? Next, DateTimeOffset UpdatedAt, string Url,
    ApiMedia? Media, IReadOnlyList<ApiDifference> Differences, bool SourcesDifferOnDate, bool SingleSource, IReadOnlyList<ApiNote> Notes);

public sealed record ApiSearchHit(string Kind, string Title, string Snippet, ApiDate Date, string? Outlet, string Url);

public sealed record ApiSearchResults(string Query, int Page, IReadOnlyList<ApiSearchHit> Hits, bool HasMore);

/// <summary>
/// The public read API, /api/v1: JSON with stable names, published content only. Answers are reader pages for
/// caching (the output cache, ETag and 304 of <see cref="ReaderCaching"/>), open to every origin for GET (CORS),
/// and rate-limited per client address. Parameters are checked here, so a bad one is a 400 that names it.
/// </summary>
public static class PublicApi
{
    public const string CorsPolicy = "public-read";
    public const string RateLimitPolicy = "public-read";
    public const string ExportRateLimitPolicy = "public-export";
    public const int MaxLimit = 100;
    public const int DefaultLimit = 50;

    public static IEndpointRouteBuilder MapPublicApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1")
            .WithTags("Timeline")
            .RequireCors(CorsPolicy)
            .RequireRateLimiting(RateLimitPolicy)
            .WithMetadata(new OutputCacheAttribute { PolicyName = TimelineApp.PublicPagePolicy });

        api.MapGet("/events", ListEvents)
            .WithSummary("Published events in timeline order, a page at a time")
            .WithDescription("The timeline's filters (era, tag, actor, place, outlet, differ, single, from, to, q) select the events; `differ=1` keeps " +
                             "those whose sources differ, `single=1` those that rest on one outlet; `limit` (1–100, default 50) " +
                             "sets the page size; pass the answer's `nextCursor` as `cursor` for the next page.")
            .ProducesValidationProblem();
        api.MapGet("/events/{slug}", GetEvent)
            .WithSummary("One published event with its sources and the passages they support it with")
            .WithDescription("A former slug answers 301 to the event's current address. `differences` sets out where its sources differ: " +
                             "each an `aspect` and, for two or more sources, their `quote` (word for word from the article, at `url`) and a " +
                             "short `value`; each source's `sourceDate` is the date that article gives for the event, with its `words`, and " +
                             "`sourcesDifferOnDate` says whether those dates (or the event's own) disagree; `singleSource` whether one outlet's " +
                             "reporting is all it rests on; `notes` are its public corrections and updates (`kind` correction or update).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/eras", ListStorylines).WithSummary("Storylines with published events, in date order");
        api.MapGet("/search", Search)
            .WithSummary("Full-text search over published events and the articles that back them")
            .ProducesValidationProblem();
        // Anything else under /api/v1 is a JSON 404, not the site's HTML page.
        api.MapFallback((HttpRequest request) => TypedResults.Problem($"There is no {request.Method} {request.Path} in this API: see /api.",
            statusCode: StatusCodes.Status404NotFound, title: "Not found")).ExcludeFromDescription();
        return app;
    }

    private static Results<Ok<ApiEventList>, ValidationProblem> ListEvents(
        HttpRequest request, TimelineQueries queries, SiteUrls urls, SearchIndex index,
        [Microsoft.AspNetCore.Mvc.FromQuery(Name = "era")] string? storyline, string? tag, string? actor, string? place, string? outlet, string? from, string? to, string? q,
        string? cursor, string? limit, string? differ, string? single)
    {
        var state = new TimelineViewState
        {
            Storyline = storyline, Tag = tag, Actor = actor, Place = place, Outlet = outlet, From = from, To = to, Q = q, After = cursor,
            Differ = TimelineViewState.Flag(differ), Single = TimelineViewState.Flag(single),
        };
        var facets = queries.GetFacets();
        var errors = ViewErrors(state, facets, index.Analyzer);
        foreach (var (name, value) in new[] { ("differ", differ), ("single", single) })
        {
            if (value is not null && value.ToLowerInvariant() is not ("1" or "0" or "true" or "false"))
                errors[name] = ["Give 1 (only these events) or 0."];
        }
        if (cursor is not null && state.Cursor.After is null)
            errors["cursor"] = ["Not a cursor this API wrote: pass the nextCursor of an earlier answer, unchanged."];
        var size = DefaultLimit;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size is < 1 or > MaxLimit))
            errors["limit"] = [$"Give a whole number from 1 to {MaxLimit}."];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors, title: "Some parameters were not understood.");

        var page = queries.List(state, size);
        var links = urls.Links(request);
        var storylines = facets.Storylines.ToDictionary(e => e.Id, e => e.Slug);
        var items = page.Items.Select(i => new ApiEventListItem(i.Slug, i.Title, i.Excerpt, ApiDate.Of(i.Start), ApiDate.Of(i.End),
            i.StorylineId is { } id ? storylines.GetValueOrDefault(id) : null, i.Outlets, i.SourceCount, links.Event(i.Slug).AbsoluteUri,
            i.SourcesDiffer, i.SingleSourced)).ToList();
        string? next = null;
        if (page.Next is { } nextCursor)
        {
            var query = QueryString.Create(request.Query.Where(p => !p.Key.Equals("cursor", StringComparison.OrdinalIgnoreCase)).Append(new("cursor", nextCursor)));
            next = links.Absolute("/api/v1/events" + query).AbsoluteUri;
        }
        return TypedResults.Ok(new ApiEventList(items, page.Next, next));
    }

    /// <summary>The filters a reader page shrugs off with a note are errors here: a program should know.</summary>
    private static Dictionary<string, string[]> ViewErrors(TimelineViewState state, TimelineFacets facets, TimelineAnalyzer analyzer)
    {
        var errors = new Dictionary<string, string[]>();
        if (state.From is not null && state.FromDate is null)
            errors["from"] = ["Not a date: write YYYY, YYYY-MM or YYYY-MM-DD."];
        if (state.To is not null && state.ToDate is null)
            errors["to"] = ["Not a date: write YYYY, YYYY-MM or YYYY-MM-DD."];
        if (state.FromDate is { } start && state.ToDate is { } end && end.End <= start.Value)
            errors["to"] = ["The end of the window is before its start."];
        if (state.Storyline is { } storyline && facets.Storylines.All(e => e.Slug != storyline))
            errors["era"] = [$"There is no storyline \"{TextExcerpt.Shorten(storyline, 60)}\" with published events (see /api/v1/eras)."];
        foreach (var (name, value, options, what) in new[]
                 {
                     ("tag", state.Tag, facets.Tags, "topic"), ("actor", state.Actor, facets.Actors, "actor"),
                     ("place", state.Place, facets.Places, "place"), ("outlet", state.Outlet, facets.Outlets, "outlet"),
                 })
        {
            if (value is not null && options.All(o => o.Value != value))
                errors[name] = [$"No published event has the {what} \"{TextExcerpt.Shorten(value, 60)}\"" +
                                (name == "outlet" ? " (give the outlet's name as it is written)." : " (give its slug, as the timeline's links do).")];
        }
        if (state.Q is { } q && SearchQuery.Parse(q, analyzer).Problem is { } problem)
            errors["q"] = [problem];
        return errors;
    }

    private static Results<Ok<ApiEvent>, RedirectHttpResult, ProblemHttpResult> GetEvent(
        string slug, HttpRequest request, TimelineQueries queries, SiteUrls urls)
    {
        var lookup = queries.FindEvent(slug);
        if (lookup.MovedTo is { } current)
            return TypedResults.Redirect($"{request.PathBase}/api/v1/events/{Uri.EscapeDataString(current)}{request.QueryString}", permanent: true);
        if (lookup.Page is not { } ev)
            return TypedResults.Problem($"No published event has the address \"{TextExcerpt.Shorten(slug, 60)}\".", statusCode: StatusCodes.Status404NotFound, title: "Not found");
        var links = urls.Links(request);
        ApiArticle Article(EventSource s) => new(s.ArticleId, s.ArticleTitle, s.Outlet, s.Author, SiteUrls.External(s.Url), ApiDate.Of(s.Published),
            links.Absolute(ReaderPaths.Article(s.ArticleId)).AbsoluteUri);
        return TypedResults.Ok(new ApiEvent(ev.Slug, ev.Title, ev.Summary, SafeMarkdown.ToHtml(ev.Summary), ApiDate.Of(ev.Start), ApiDate.Of(ev.End),
            ev.Storyline is { } storyline ? Storyline(storyline, links) : null,
            [.. ev.Tags.Select(t => new ApiTag(t.Kind.ToString().ToLowerInvariant(), t.Name, t.Slug))],
            [.. ev.Sources.Select(s => new ApiSource(LinkRoleName(s.Role), s.Passage, s.Note, Article(s),
                s.SourceDate is { } given ? new ApiSourceDate(ApiDate.Of(given.Date), given.Words) : null))],
            ev.Previous?.Slug, ev.Next?.Slug, ev.UpdatedAt, links.Event(ev.Slug).AbsoluteUri,
            ev.Media is { } media ? new ApiMedia(media.Kind == MediaKind.Image ? "image" : "link",
                media.Kind == MediaKind.Image ? links.Image(media.FileId!).AbsoluteUri : media.Url!, media.Caption, media.Credit,
                media.Kind == MediaKind.Image ? media.AltText : null) : null,
            [.. ev.Differences.Select((d, i) => new ApiDifference(d.Aspect, [.. d.Claims.Select(c => new ApiClaim(c.Source.ArticleId, c.Source.Outlet, c.Quote, c.Value,
                links.Absolute(ReaderPaths.Quote(c.Source.ArticleId, ev.Id, i)).AbsoluteUri))]))],
            ev.DatedSources.Count > 0, ev.SingleSourced,
            [.. ev.Notes.Select(n => new ApiNote(n.Kind.ToString().ToLowerInvariant(), n.Text, n.At))]));
    }

    private static Ok<IReadOnlyList<ApiStoryline>> ListStorylines(HttpRequest request, TimelineQueries queries, SiteUrls urls)
    {
        var links = urls.Links(request);
        IReadOnlyList<ApiStoryline> storylines = [.. queries.GetStorylines().Select(e => Storyline(e, links))];
        return TypedResults.Ok(storylines);
    }

    private static Results<Ok<ApiSearchResults>, ValidationProblem> Search(
        HttpRequest request, SearchService search, SearchIndex index, SiteUrls urls, string? q, string? page)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(q))
            errors["q"] = ["Say what to search for."];
        else if (SearchQuery.Parse(q, index.Analyzer).Problem is { } problem)
            errors["q"] = [problem];
        var number = 1;
        if (page is not null && (!int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out number) || number is < 1 or > SearchService.MaxPage))
            errors["page"] = [$"Give a whole number from 1 to {SearchService.MaxPage}."];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors, title: "Some parameters were not understood.");
        var results = search.Search(q, SearchOrder.Relevance, number);
        var links = urls.Links(request);
        return TypedResults.Ok(new ApiSearchResults(results.Query, results.Page,
            [.. results.Hits.Select(h => new ApiSearchHit(h.Kind.ToString().ToLowerInvariant(), Highlighted.ToPlainText(h.Title),
                Highlighted.ToPlainText(h.Snippet), ApiDate.Of(h.Date), h.Outlet, links.Absolute(h.Href).AbsoluteUri))],
            results.HasMore));
    }

    private static ApiStoryline Storyline(StorylineSummary storyline, SiteLinks links) =>
        new(storyline.Slug, storyline.Title, storyline.Description, storyline.Colour, ApiDate.Of(storyline.Start), ApiDate.Of(storyline.End), links.Absolute(ReaderPaths.Storyline(storyline.Slug)).AbsoluteUri);

    /// <summary>"first-report", "confirmation": the role's name as the API's stable value.</summary>
    private static string LinkRoleName(LinkRole role) => Slugs.Slugify(System.Text.RegularExpressions.Regex.Replace(role.ToString(), "(?<=[a-z])(?=[A-Z])", " "));
}
