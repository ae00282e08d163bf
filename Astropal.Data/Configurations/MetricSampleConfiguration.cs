using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Astropal.Data.Configurations;

internal sealed class MetricSampleConfiguration : IEntityTypeConfiguration<MetricSample>
{
    public void Configure(EntityTypeBuilder<MetricSample> builder)
    {
        builder.ToTable("MetricSamples");
        builder.Property(e => e.Metric).HasMaxLength(64);
        builder.HasIndex(e => new { e.Metric, e.PeriodMinutes, e.At }).IsUnique();
        builder.HasIndex(e => e.At);
    }
}
