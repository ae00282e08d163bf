using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Astropal.Data.Configurations;

internal sealed class OperatorApiKeyConfiguration : IEntityTypeConfiguration<OperatorApiKey>
{
    public void Configure(EntityTypeBuilder<OperatorApiKey> builder)
    {
        builder.ToTable("OperatorApiKeys");
        builder.Property(e => e.OperatorId).HasMaxLength(450);
        builder.Property(e => e.Name).HasMaxLength(100);
        builder.Property(e => e.Prefix).HasMaxLength(16);
        builder.Property(e => e.Hash).HasMaxLength(64);
        builder.HasIndex(e => e.Hash).IsUnique();
        builder.HasIndex(e => e.OperatorId);
        builder.HasOne<OperatorUser>().WithMany().HasForeignKey(e => e.OperatorId).OnDelete(DeleteBehavior.Cascade);
    }
}
