using Astropal.Core.Content;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Astropal.Data.Configurations;

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
