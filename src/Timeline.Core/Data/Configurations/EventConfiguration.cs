using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Timeline.Core.Domain;
using static Timeline.Core.Domain.Limits;

namespace Timeline.Core.Data.Configurations;

internal sealed class EventConfiguration : IEntityTypeConfiguration<Event>
{
    public void Configure(EntityTypeBuilder<Event> e)
    {
        e.Ignore(x => x.Start);
        e.Ignore(x => x.End);
        e.Property(x => x.Slug).HasMaxLength(SlugLength);
        e.HasIndex(x => x.Slug).IsUnique();
        e.Property(x => x.Title).HasMaxLength(TitleLength);
        e.Property(x => x.Summary).HasMaxLength(SummaryLength);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.CreatedBy).HasMaxLength(NameLength);
        e.Property(x => x.UpdatedBy).HasMaxLength(NameLength);
        e.Property(x => x.Version).IsConcurrencyToken();
        // The timeline's order: (start, precision, id) among published events.
        e.HasIndex(x => new { x.Status, x.StartsAt, x.StartPrecision, x.Id });
        e.HasOne(x => x.Era).WithMany(x => x.Events).HasForeignKey(x => x.EraId).OnDelete(DeleteBehavior.SetNull);
        e.HasMany(x => x.Tags).WithMany(x => x.Events).UsingEntity("EventTags");
    }
}

internal sealed class EventSlugAliasConfiguration : IEntityTypeConfiguration<EventSlugAlias>
{
    public void Configure(EntityTypeBuilder<EventSlugAlias> e)
    {
        e.Property(x => x.Slug).HasMaxLength(SlugLength);
        e.HasIndex(x => x.Slug).IsUnique();
        e.HasOne(x => x.Event).WithMany(x => x.SlugHistory).HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
    }
}
