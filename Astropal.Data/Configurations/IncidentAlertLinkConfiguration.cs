using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Astropal.Data.Configurations;

internal sealed class IncidentAlertLinkConfiguration : IEntityTypeConfiguration<IncidentAlertLink>
{
    public void Configure(EntityTypeBuilder<IncidentAlertLink> builder)
    {
        builder.ToTable("IncidentAlertLinks");
        builder.HasKey(l => new { l.IncidentId, l.AlertEpisodeId });
        builder.HasIndex(l => l.AlertEpisodeId);
        builder.HasOne<AlertEpisode>().WithMany().HasForeignKey(l => l.AlertEpisodeId).OnDelete(DeleteBehavior.Cascade);
    }
}
