using Astropal.Core.Delivery;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Astropal.Data.Configurations;

internal sealed class EngagementEventConfiguration : IEntityTypeConfiguration<EngagementEvent>
{
    public void Configure(EntityTypeBuilder<EngagementEvent> builder)
    {
        builder.ToTable("EngagementEvents");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(8);
        builder.Property(e => e.Link).HasMaxLength(2000);
        // IsFirst included: "has this email a first open" (the open rate) is answered from the index alone.
        builder.HasIndex(e => new { e.DeliveryId, e.Kind, e.IsFirst });

        // At most one first open and one first click per delivery, whatever arrives at once: the loser of a race
        // is refused here and stored as not first. Brackets quote the column in both SQL Server and SQLite.
        builder.HasIndex(e => new { e.DeliveryId, e.Kind }, "IX_EngagementEvents_FirstOfKind").IsUnique().HasFilter("[IsFirst] = 1");
        builder.HasIndex(e => new { e.ReaderId, e.At });
        builder.HasIndex(e => e.At);
        builder.HasOne<DeliveryRecord>().WithMany().HasForeignKey(e => e.DeliveryId).OnDelete(DeleteBehavior.Cascade);
    }
}
