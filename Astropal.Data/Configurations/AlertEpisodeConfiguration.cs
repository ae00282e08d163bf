using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Astropal.Data.Configurations;

internal sealed class AlertEpisodeConfiguration : IEntityTypeConfiguration<AlertEpisode>
{
    public void Configure(EntityTypeBuilder<AlertEpisode> builder)
    {
        builder.ToTable("AlertEpisodes");
        builder.Property(e => e.Rule).HasMaxLength(64);
        builder.Property(e => e.Metric).HasMaxLength(64);
        builder.Property(e => e.Severity).HasMaxLength(16);
        builder.Property(e => e.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.Runbook).HasMaxLength(512);
        builder.Property(e => e.AcknowledgedBy).HasMaxLength(256);
        builder.Property(e => e.SilencedBy).HasMaxLength(256);
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.HasIndex(e => e.Rule, "IX_AlertEpisodes_OpenPerRule").IsUnique().HasFilter("[ResolvedAt] IS NULL");
        builder.HasIndex(e => e.StartedAt);
        builder.HasMany(e => e.Events).WithOne().HasForeignKey(e => e.EpisodeId).OnDelete(DeleteBehavior.Cascade);
    }
}
