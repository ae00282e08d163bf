using Astropal.Core.Content;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Astropal.Data.Configurations;

internal sealed class SegmentConfiguration : IEntityTypeConfiguration<Segment>
{
    public void Configure(EntityTypeBuilder<Segment> builder)
    {
        builder.ToTable("Segments");
        builder.Property(s => s.Locale).HasMaxLength(10);
        builder.Property(s => s.Perspective).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.Tier).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.SubjectKey).HasMaxLength(64);
        builder.Property(s => s.Provider).HasMaxLength(32);
        builder.Property(s => s.Model).HasMaxLength(64);
        builder.HasIndex(s => new { s.LocalDate, s.Locale, s.Perspective, s.Tier, s.SubjectKey }).IsUnique();
        builder.HasIndex(s => s.CreatedAt);
    }
}
