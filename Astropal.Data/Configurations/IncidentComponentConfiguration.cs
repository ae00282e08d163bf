using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Astropal.Data.Configurations;

internal sealed class IncidentComponentConfiguration : IEntityTypeConfiguration<IncidentComponent>
{
    public void Configure(EntityTypeBuilder<IncidentComponent> builder)
    {
        builder.ToTable("IncidentComponents");
        builder.HasKey(c => new { c.IncidentId, c.Component });
        builder.Property(c => c.Component).HasMaxLength(64);
        builder.Property(c => c.State).HasConversion<string>().HasMaxLength(24);
    }
}
