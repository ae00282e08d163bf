using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Astropal.Data.Configurations;

internal sealed class JobRunRecordConfiguration : IEntityTypeConfiguration<JobRunRecord>
{
    public void Configure(EntityTypeBuilder<JobRunRecord> builder)
    {
        builder.ToTable("JobRuns");
        builder.HasKey(e => e.JobKey);
        builder.Property(e => e.JobKey).HasMaxLength(200);
        builder.Property(e => e.LastOutcome).HasMaxLength(16);
        builder.Property(e => e.LastError).HasMaxLength(2000);
    }
}
