using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Timeline.Core.Domain;
using static Timeline.Core.Domain.Limits;

namespace Timeline.Core.Data.Configurations;

internal sealed class EraConfiguration : IEntityTypeConfiguration<Era>
{
    public void Configure(EntityTypeBuilder<Era> e)
    {
        e.Ignore(x => x.Start);
        e.Ignore(x => x.End);
        e.Property(x => x.Slug).HasMaxLength(SlugLength);
        e.HasIndex(x => x.Slug).IsUnique();
        e.Property(x => x.Title).HasMaxLength(TitleLength);
        e.Property(x => x.Description).HasMaxLength(SummaryLength);
        e.Property(x => x.Colour).HasMaxLength(7);
    }
}

internal sealed class TagConfiguration : IEntityTypeConfiguration<Tag>
{
    public void Configure(EntityTypeBuilder<Tag> e)
    {
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.Name).HasMaxLength(NameLength);
        e.Property(x => x.Slug).HasMaxLength(SlugLength);
        e.HasIndex(x => new { x.Kind, x.Slug }).IsUnique();
    }
}

internal sealed class EventMonthCountConfiguration : IEntityTypeConfiguration<EventMonthCount>
{
    public void Configure(EntityTypeBuilder<EventMonthCount> e)
    {
        e.HasKey(x => new { x.Month, x.EraId });
        e.Property(x => x.Month).HasMaxLength(7);
    }
}
