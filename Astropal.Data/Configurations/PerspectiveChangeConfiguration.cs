using Astropal.Core.Readers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Astropal.Data.Configurations;

internal sealed class PerspectiveChangeConfiguration : IEntityTypeConfiguration<PerspectiveChange>
{
    public void Configure(EntityTypeBuilder<PerspectiveChange> builder)
    {
        builder.ToTable("PerspectiveChanges");
        builder.Property(c => c.From).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.To).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Source).HasMaxLength(16);
        builder.HasIndex(c => new { c.ReaderId, c.At });
    }
}
