using Astropal.Core.Delivery;
using Astropal.Core.Readers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Astropal.Data.Configurations;

internal sealed class DeliveryRecordConfiguration : IEntityTypeConfiguration<DeliveryRecord>
{
    public void Configure(EntityTypeBuilder<DeliveryRecord> builder)
    {
        builder.ToTable("Deliveries");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Kind).HasConversion<string>().HasMaxLength(24);
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.LastError).HasMaxLength(1000);
        builder.Property(d => d.MessageId).HasMaxLength(200);

        builder.Property(d => d.Reference).HasMaxLength(64);

        // Exactly once: one row per reader, kind, local date and reference, enforced by the database. Reference is never
        // null ("" for the scheduled kinds) so that both providers compare it as a value in the unique index.
        builder.HasIndex(d => new { d.ReaderId, d.Kind, d.LocalDate, d.Reference }).IsUnique();
        builder.HasIndex(d => new { d.Status, d.TargetAt });
        // The one-off emails of one thing (an incident's notices), on any date: who already has it, and the console's counts.
        builder.HasIndex(d => new { d.Reference, d.Kind });
        // Covering for the launch metrics over the sent emails of a period (readers sent an email today, the open rate's
        // emails with their ids): read from the index alone, no row lookups (docs/observability.md, metrics benchmark).
        builder.HasIndex(d => new { d.Status, d.SentAt, d.ReaderId, d.Id });
        builder.HasIndex(d => d.LocalDate);
        builder.HasOne<Reader>().WithMany().HasForeignKey(d => d.ReaderId).OnDelete(DeleteBehavior.Cascade);
    }
}
