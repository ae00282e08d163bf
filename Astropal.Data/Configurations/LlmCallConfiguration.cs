using Astropal.Core.Content;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Astropal.Data.Configurations;

internal sealed class LlmCallConfiguration : IEntityTypeConfiguration<LlmCall>
{
    public void Configure(EntityTypeBuilder<LlmCall> builder)
    {
        builder.ToTable("LlmCalls");
        builder.Property(c => c.Provider).HasMaxLength(32);
        builder.Property(c => c.Model).HasMaxLength(64);
        builder.Property(c => c.SegmentKey).HasMaxLength(200);
        builder.Property(c => c.CostUsd).HasPrecision(18, 6);
        builder.Property(c => c.Outcome).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Detail).HasMaxLength(1000);
        builder.HasIndex(c => c.At);
        builder.HasIndex(c => new { c.Provider, c.At });
    }
}
