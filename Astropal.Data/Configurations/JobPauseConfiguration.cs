using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Astropal.Data.Configurations;

internal sealed class JobPauseConfiguration : IEntityTypeConfiguration<JobPause>
{
    public void Configure(EntityTypeBuilder<JobPause> builder)
    {
        builder.ToTable("JobPauses");
        builder.Property(e => e.JobKey).HasMaxLength(200);
        builder.Property(e => e.Reason).HasMaxLength(500);
        builder.Property(e => e.PausedBy).HasMaxLength(256);
        builder.HasIndex(e => e.JobKey).IsUnique();
    }
}
