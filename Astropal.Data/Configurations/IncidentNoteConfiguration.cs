using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Astropal.Data.Configurations;

internal sealed class IncidentNoteConfiguration : IEntityTypeConfiguration<IncidentNote>
{
    public void Configure(EntityTypeBuilder<IncidentNote> builder)
    {
        builder.ToTable("IncidentNotes");
        builder.Property(n => n.Text).HasMaxLength(4000);
        builder.Property(n => n.CreatedBy).HasMaxLength(256);
        builder.HasIndex(n => n.IncidentId);
    }
}
