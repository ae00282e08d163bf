using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Astropal.Data.Configurations;

internal sealed class RequestMinuteConfiguration : IEntityTypeConfiguration<RequestMinute>
{
    public void Configure(EntityTypeBuilder<RequestMinute> builder)
    {
        builder.ToTable("RequestMinutes");
        builder.Property(e => e.Instance).HasMaxLength(100);
        builder.Property(e => e.DurationBuckets).HasMaxLength(400);
        builder.HasIndex(e => new { e.Instance, e.Minute }).IsUnique();
        builder.HasIndex(e => e.Minute);
    }
}
