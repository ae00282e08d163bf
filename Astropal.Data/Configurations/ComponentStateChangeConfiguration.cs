using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Astropal.Data.Configurations;

internal sealed class ComponentStateChangeConfiguration : IEntityTypeConfiguration<ComponentStateChange>
{
    public void Configure(EntityTypeBuilder<ComponentStateChange> builder)
    {
        builder.ToTable("ComponentStateChanges");
        builder.Property(c => c.Component).HasMaxLength(64);
        builder.Property(c => c.State).HasConversion<string>().HasMaxLength(24);
        builder.Property(c => c.Source).HasMaxLength(16);
        builder.Property(c => c.Reason).HasMaxLength(500);
        builder.HasIndex(c => new { c.Component, c.At });
    }
}
