using Astropal.Core.Readers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Astropal.Data.Configurations;

internal sealed class ReaderConfiguration : IEntityTypeConfiguration<Reader>
{
    public void Configure(EntityTypeBuilder<Reader> builder)
    {
        builder.ToTable("Readers");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Email).HasMaxLength(254);
        builder.HasIndex(r => r.Email).IsUnique();
        builder.Property(r => r.Name).HasMaxLength(50);
        builder.Property(r => r.BirthPlaceName).HasMaxLength(200);
        builder.Property(r => r.BirthTimeZone).HasMaxLength(64);
        builder.Property(r => r.TimeZone).HasMaxLength(64);
        builder.Property(r => r.Locale).HasMaxLength(10);
        builder.Property(r => r.Perspective).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Tier).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        // Status first: serves status lookups, and the subscribers list filtered by status in sign-up order.
        builder.HasIndex(r => new { r.Status, r.CreatedAt });
        builder.Property(r => r.ReferralCode).HasMaxLength(16);
        builder.HasIndex(r => r.ReferralCode).IsUnique();
        builder.Property(r => r.ReferredBy).HasMaxLength(16);
        builder.Property(r => r.Cohort).HasMaxLength(32);
        // Only readers in a cohort (a few): SQLite's statistics then see how selective it is (with the NULLs of everyone
        // else counted, it preferred the status index and scanned the active readers for user.registrations).
        builder.HasIndex(r => r.Cohort).HasFilter("[Cohort] IS NOT NULL");

        // The console's subscribers list pages in sign-up or last-activity order (with a tie-breaker) over every reader.
        builder.HasIndex(r => new { r.CreatedAt, r.Id });
        builder.HasIndex(r => new { r.LastActivityAt, r.CreatedAt });

        // Ordered list stored as "career,wellness": order is meaning (50/30/20 % weights).
        builder.Property(r => r.FocusAreas)
            .HasConversion(
                list => string.Join(',', list.Select(f => FocusArea.Get(f).Slug)),
                text => text.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(ParseFocus).ToList(),
                new ValueComparer<List<FocusAreaId>>(
                    (a, b) => (a ?? new()).SequenceEqual(b ?? new()),
                    list => list.Aggregate(17, (hash, f) => (hash * 31) + (int)f),
                    list => list.ToList()))
            .HasMaxLength(64);

        builder.HasMany(r => r.PerspectiveChanges).WithOne().HasForeignKey(c => c.ReaderId).OnDelete(DeleteBehavior.Cascade);
    }

    private static FocusAreaId ParseFocus(string slug) =>
        FocusArea.TryParse(slug, out var focus) ? focus.Id : throw new InvalidOperationException($"Unknown focus area '{slug}' in the database.");
}
