using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Timeline.Core.Domain;
using static Timeline.Core.Domain.Limits;

namespace Timeline.Core.Data.Configurations;

internal sealed class ArticleConfiguration : IEntityTypeConfiguration<Article>
{
    public void Configure(EntityTypeBuilder<Article> e)
    {
        e.Ignore(x => x.Published);
        e.Property(x => x.Title).HasMaxLength(TitleLength);
        e.Property(x => x.Outlet).HasMaxLength(NameLength);
        e.Property(x => x.Author).HasMaxLength(NameLength);
        e.Property(x => x.Url).HasMaxLength(UrlLength);
        e.Property(x => x.Language).HasMaxLength(35);
        e.Property(x => x.ContentHash).HasMaxLength(64);
        e.HasIndex(x => x.ContentHash).IsUnique();
        e.HasIndex(x => x.PublishedAt);
        // The outlet filter and the list of outlets read this index instead of every article's row (and body).
        e.HasIndex(x => x.Outlet);
        e.Property(x => x.ImportOrigin).HasMaxLength(UrlLength);
    }
}

internal sealed class EventArticleLinkConfiguration : IEntityTypeConfiguration<EventArticleLink>
{
    public void Configure(EntityTypeBuilder<EventArticleLink> e)
    {
        e.ToTable("Links");
        e.Property(x => x.Role).HasConversion<string>().HasMaxLength(32);
        e.Property(x => x.Passage).HasMaxLength(PassageLength);
        e.Property(x => x.Note).HasMaxLength(SummaryLength);
        // One link per event and article: the outlets are compared side by side, one passage each.
        e.HasIndex(x => new { x.EventId, x.ArticleId }).IsUnique();
        e.HasIndex(x => x.ArticleId);
        e.HasOne(x => x.Event).WithMany(x => x.Links).HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(x => x.Article).WithMany(x => x.Links).HasForeignKey(x => x.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}
