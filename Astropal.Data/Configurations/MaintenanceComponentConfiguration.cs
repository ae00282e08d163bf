using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Astropal.Data.Configurations;

internal sealed class MaintenanceComponentConfiguration : IEntityTypeConfiguration<MaintenanceComponent>
{
    public void Configure(EntityTypeBuilder<MaintenanceComponent> builder)
    {
        builder.ToTable("MaintenanceComponents");
        builder.HasKey(c => new { c.MaintenanceId, c.Component });
        builder.Property(c => c.Component).HasMaxLength(64);
    }
}
