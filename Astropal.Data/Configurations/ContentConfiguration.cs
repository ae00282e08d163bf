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

internal sealed class LlmBudgetEventConfiguration : IEntityTypeConfiguration<LlmBudgetEvent>
{
    public void Configure(EntityTypeBuilder<LlmBudgetEvent> builder)
    {
        builder.ToTable("LlmBudgetEvents");
        builder.Property(e => e.SpentUsd).HasPrecision(18, 6);
        builder.Property(e => e.BudgetUsd).HasPrecision(18, 6);
        builder.HasIndex(e => e.Day).IsUnique();
    }
}

internal sealed class NewsHeadlineConfiguration : IEntityTypeConfiguration<NewsHeadline>
{
    public void Configure(EntityTypeBuilder<NewsHeadline> builder)
    {
        builder.ToTable("NewsHeadlines");
        builder.Property(h => h.Category).HasMaxLength(32);
        builder.Property(h => h.Title).HasMaxLength(500);
        builder.Property(h => h.Source).HasMaxLength(200);
        // 800 characters keep the unique key under SQL Server's 1700-byte index limit; longer links are not stored.
        builder.Property(h => h.Url).HasMaxLength(NewsHeadline.MaxUrlLength);
        builder.HasIndex(h => new { h.FetchedOn, h.Category });
        // One row per link and day, however often and by however many instances the day is fetched.
        builder.HasIndex(h => new { h.FetchedOn, h.Url }).IsUnique();
    }
}
