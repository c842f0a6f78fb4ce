using Microsoft.EntityFrameworkCore;
using Timeline.Core.Domain;

namespace Timeline.Core.Data;

public class TimelineDbContext(DbContextOptions<TimelineDbContext> options) : DbContext(options)
{
    public DbSet<Event> Events => Set<Event>();
    public DbSet<EventSlugAlias> EventSlugAliases => Set<EventSlugAlias>();
    public DbSet<Article> Articles => Set<Article>();
    public DbSet<EventArticleLink> Links => Set<EventArticleLink>();
    public DbSet<Era> Eras => Set<Era>();
    public DbSet<Tag> Tags => Set<Tag>();
    public DbSet<EventMonthCount> EventMonthCounts => Set<EventMonthCount>();
    public DbSet<CuratorAccount> CuratorAccounts => Set<CuratorAccount>();
    public DbSet<Revision> Revisions => Set<Revision>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(TimelineDbContext).Assembly);

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        BumpEventVersions();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        BumpEventVersions();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    // SQLite has no rowversion, so the concurrency token is an integer the context increments itself.
    private void BumpEventVersions()
    {
        foreach (var entry in ChangeTracker.Entries<Event>())
        {
            if (entry.State == EntityState.Modified)
                entry.Entity.Version++;
        }
    }
}
