using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Astropal.Data.Configurations;

internal sealed class MetricTargetOverrideConfiguration : IEntityTypeConfiguration<MetricTargetOverride>
{
    public void Configure(EntityTypeBuilder<MetricTargetOverride> builder)
    {
        builder.ToTable("MetricTargetOverrides");
        builder.Property(e => e.Metric).HasMaxLength(64);
        builder.Property(e => e.ChangedBy).HasMaxLength(256);
        builder.HasIndex(e => e.Metric).IsUnique();
    }
}
