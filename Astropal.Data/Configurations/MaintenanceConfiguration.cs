using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Astropal.Data.Configurations;

internal sealed class MaintenanceConfiguration : IEntityTypeConfiguration<Maintenance>
{
    public void Configure(EntityTypeBuilder<Maintenance> builder)
    {
        builder.ToTable("Maintenances");
        builder.Property(m => m.Title).HasMaxLength(200);
        builder.Property(m => m.Message).HasMaxLength(4000);
        builder.Property(m => m.CreatedBy).HasMaxLength(256);
        builder.HasIndex(m => new { m.StartsAt, m.EndsAt });
        builder.HasMany(m => m.Components).WithOne().HasForeignKey(c => c.MaintenanceId).OnDelete(DeleteBehavior.Cascade);
    }
}
