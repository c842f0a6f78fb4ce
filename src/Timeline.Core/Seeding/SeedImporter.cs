using LiteDB;
using Microsoft.Extensions.Logging;
using Timeline.Core.Domain;
using Timeline.Core.Storage;

namespace Timeline.Core.Seeding;

public sealed record SeedReport(int Storylines, int Articles, int Events, int Links);

/// <summary>
/// Writes a checked <see cref="SeedPlan"/> in one transaction. It adds only what is not there yet (storylines and events
/// by slug, articles by content hash, tags by kind and slug), so importing twice creates nothing twice, and a
/// failure leaves the store as it was.
/// </summary>
public sealed class SeedImporter(TimelineStore store, TimeProvider clock)
{
    public const string SeedUser = "seed";

    /// <summary>Fills an empty store from the seeds folder (the app's first start); a store that holds anything is
    /// left as it is, so a curator's changes survive every restart. Null when nothing was imported.</summary>
    public SeedReport? SeedIfEmpty(string seedsDirectory, ILogger logger)
    {
        var isEmpty = !store.Events.Exists(Query.All()) && !store.Articles.Exists(Query.All()) && !store.Storylines.Exists(Query.All());
        if (!isEmpty)
        {
            logger.LogInformation("The timeline store already holds data; the seeds are not imported.");
            return null;
        }
        var report = Import(SeedManifestLoader.Load(seedsDirectory));
        logger.LogInformation("Seeded the empty timeline store from {Seeds}: {Storylines} storylines, {Articles} articles, {Events} events, {Links} links.",
            seedsDirectory, report.Storylines, report.Articles, report.Events, report.Links);
        return report;
    }

    public SeedReport Import(SeedPlan plan) => store.Write(tx =>
    {
        var now = clock.GetUtcNow();
        var storylines = new Dictionary<string, Storyline>();
        var newStorylines = 0;
        foreach (var planned in plan.Storylines)
        {
            if (store.StorylineBySlug(planned.Slug).FirstOrDefault() is { } existing)
            {
                storylines[planned.Slug] = existing;
                continue;
            }
            var storyline = new Storyline
            {
                Id = tx.NextIntId("storylines"), Slug = planned.Slug, Title = planned.Title, Description = planned.Description,
                Colour = planned.Colour, Start = planned.Start, End = planned.End, OpensAtLatest = planned.OpensAtLatest,
            };
            store.Storylines.Insert(storyline);
            storylines[storyline.Slug] = storyline;
            newStorylines++;
        }

        var articlesByFile = new Dictionary<string, Article>();
        var newArticles = 0;
        foreach (var planned in plan.Articles)
        {
            var article = store.ArticleByHash(planned.ContentHash).FirstOrDefault();
            if (article is null)
            {
                article = tx.AddArticle(new Article
                {
                    Title = planned.Title, Outlet = planned.Outlet, Author = planned.Author, Url = planned.Url,
                    Published = planned.Published, Language = planned.Language, ContentHash = planned.ContentHash,
                    ImportOrigin = "seed:" + planned.File, ImportedAt = now,
                }, planned.Body);
                newArticles++;
            }
            articlesByFile[planned.File] = article;
        }

        var newEvents = 0;
        var newLinks = 0;
        foreach (var planned in plan.Events.Where(p => !tx.IsSlugTaken(p.Slug, null)))
        {
            var ev = new Event
            {
                Id = tx.NextIntId("events"), Slug = planned.Slug, Title = planned.Title, Summary = planned.Summary,
                Start = planned.Start, End = planned.End, StorylineId = planned.StorylineSlug is null ? null : storylines[planned.StorylineSlug].Id,
                Status = planned.Status, CreatedAt = now, CreatedBy = SeedUser, UpdatedAt = now, UpdatedBy = SeedUser,
                TagIds = [.. planned.Tags.DistinctBy(t => (t.Kind, t.Slug)).Select(t => tx.EnsureTag(t.Kind, t.Name, t.Slug).Id)],
                Differences = [.. planned.Differences.Select(d => new SourceDifference
                {
                    Aspect = d.Aspect,
                    Claims = [.. d.Claims.Select(c => new SourceClaim { ArticleId = articlesByFile[c.ArticleFile].Id, Quote = c.Quote, Value = c.Value })],
                })],
            };
            foreach (var former in planned.FormerSlugs.Where(s => !tx.IsSlugTaken(s, null)))
                tx.AddFormerSlug(ev.Id, former, now);
            tx.SetSlug(ev.Id, null, planned.Slug, now);
            tx.PutEvent(null, ev);
            foreach (var link in planned.Links)
            {
                tx.AddLink(new EventArticleLink
                {
                    EventId = ev.Id, ArticleId = articlesByFile[link.ArticleFile].Id, Role = link.Role, Passage = link.Passage, Note = link.Note,
                    SourceDate = link.SourceDate,
                });
                newLinks++;
            }
            foreach (var note in planned.Notes)
                tx.AddPublicNote(new PublicNote { Kind = note.Kind, Text = note.Text, At = note.At ?? now }, ev);
            newEvents++;
        }
        return new SeedReport(newStorylines, newArticles, newEvents, newLinks);
    });
}
