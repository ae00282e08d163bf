using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Astropal.Data.Configurations;

internal sealed class AlertEpisodeEventConfiguration : IEntityTypeConfiguration<AlertEpisodeEvent>
{
    public void Configure(EntityTypeBuilder<AlertEpisodeEvent> builder)
    {
        builder.ToTable("AlertEpisodeEvents");
        builder.Property(e => e.Kind).HasMaxLength(32);
        builder.Property(e => e.Actor).HasMaxLength(256);
        builder.Property(e => e.Detail).HasMaxLength(1024);
        builder.HasIndex(e => new { e.EpisodeId, e.At });
    }
}
