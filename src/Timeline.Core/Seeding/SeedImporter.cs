using Microsoft.EntityFrameworkCore;
using Timeline.Core.Data;
using Timeline.Core.Domain;

namespace Timeline.Core.Seeding;

public sealed record SeedReport(int Eras, int Articles, int Events, int Links);

/// <summary>
/// Writes a checked <see cref="SeedPlan"/> in one transaction. It adds only what is not there yet
/// (eras and events by slug, articles by content hash, tags by kind and slug), so importing twice
/// creates nothing twice, and a failure leaves the database as it was.
/// </summary>
public sealed class SeedImporter(IDbContextFactory<TimelineDbContext> contexts, TimeProvider clock)
{
    public const string SeedUser = "seed";

    public async Task<SeedReport> ImportAsync(SeedPlan plan, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow();

        var eras = await db.Eras.ToDictionaryAsync(e => e.Slug, cancellationToken);
        var newEras = 0;
        foreach (var planned in plan.Eras.Where(p => !eras.ContainsKey(p.Slug)))
        {
            var era = new Era { Slug = planned.Slug, Title = planned.Title, Description = planned.Description, Colour = planned.Colour, Start = planned.Start, End = planned.End };
            db.Eras.Add(era);
            eras[era.Slug] = era;
            newEras++;
        }

        var hashes = plan.Articles.Select(a => a.ContentHash).ToList();
        var articlesByHash = await db.Articles.Where(a => hashes.Contains(a.ContentHash)).ToDictionaryAsync(a => a.ContentHash, cancellationToken);
        var articlesByFile = new Dictionary<string, Article>();
        var newArticles = 0;
        foreach (var planned in plan.Articles)
        {
            if (!articlesByHash.TryGetValue(planned.ContentHash, out var article))
            {
                article = new Article
                {
                    Title = planned.Title, Outlet = planned.Outlet, Author = planned.Author, Url = planned.Url,
                    Published = planned.Published, Language = planned.Language, Body = planned.Body,
                    ContentHash = planned.ContentHash, ImportOrigin = "seed:" + planned.File, ImportedAt = now,
                };
                db.Articles.Add(article);
                articlesByHash[planned.ContentHash] = article;
                newArticles++;
            }
            articlesByFile[planned.File] = article;
        }

        var tags = await db.Tags.ToDictionaryAsync(t => (t.Kind, t.Slug), cancellationToken);
        var takenSlugs = (await db.Events.Select(e => e.Slug).ToListAsync(cancellationToken))
            .Concat(await db.EventSlugAliases.Select(a => a.Slug).ToListAsync(cancellationToken))
            .ToHashSet();
        var newEvents = 0;
        var newLinks = 0;
        foreach (var planned in plan.Events.Where(p => !takenSlugs.Contains(p.Slug)))
        {
            var ev = new Event
            {
                Slug = planned.Slug, Title = planned.Title, Summary = planned.Summary, Start = planned.Start, End = planned.End,
                Era = planned.EraSlug is null ? null : eras[planned.EraSlug], Status = planned.Status,
                CreatedAt = now, CreatedBy = SeedUser, UpdatedAt = now, UpdatedBy = SeedUser,
            };
            foreach (var plannedTag in planned.Tags.DistinctBy(t => (t.Kind, t.Slug)))
            {
                if (!tags.TryGetValue((plannedTag.Kind, plannedTag.Slug), out var tag))
                {
                    tag = new Tag { Kind = plannedTag.Kind, Name = plannedTag.Name, Slug = plannedTag.Slug };
                    tags[(tag.Kind, tag.Slug)] = tag;
                }
                ev.Tags.Add(tag);
            }
            foreach (var link in planned.Links)
            {
                ev.Links.Add(new EventArticleLink { Article = articlesByFile[link.ArticleFile], Role = link.Role, Passage = link.Passage, Note = link.Note });
                newLinks++;
            }
            db.Events.Add(ev);
            takenSlugs.Add(ev.Slug);
            newEvents++;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new SeedReport(newEras, newArticles, newEvents, newLinks);
    }
}
