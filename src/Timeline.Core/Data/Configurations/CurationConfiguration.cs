using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Timeline.Core.Domain;
using static Timeline.Core.Domain.Limits;

namespace Timeline.Core.Data.Configurations;

internal sealed class CuratorAccountConfiguration : IEntityTypeConfiguration<CuratorAccount>
{
    public void Configure(EntityTypeBuilder<CuratorAccount> e)
    {
        e.Property(x => x.UserName).HasMaxLength(UserNameLength);
        e.Property(x => x.NormalizedUserName).HasMaxLength(UserNameLength);
        e.HasIndex(x => x.NormalizedUserName).IsUnique();
        e.Property(x => x.Role).HasMaxLength(16);
        e.Property(x => x.SecurityStamp).HasMaxLength(64);
    }
}

internal sealed class RevisionConfiguration : IEntityTypeConfiguration<Revision>
{
    public void Configure(EntityTypeBuilder<Revision> e)
    {
        e.Property(x => x.Subject).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.Action).HasMaxLength(32);
        e.Property(x => x.Description).HasMaxLength(TitleLength);
        e.Property(x => x.ChangedBy).HasMaxLength(UserNameLength);
        // An event's or an article's history, newest first, reads one of these indexes.
        e.HasIndex(x => new { x.EventId, x.Id });
        e.HasIndex(x => new { x.ArticleId, x.Id });
    }
}
