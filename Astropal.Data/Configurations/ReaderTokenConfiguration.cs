using Astropal.Core.Readers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Astropal.Data.Configurations;

internal sealed class ReaderTokenConfiguration : IEntityTypeConfiguration<ReaderToken>
{
    public void Configure(EntityTypeBuilder<ReaderToken> builder)
    {
        builder.ToTable("ReaderTokens");
        builder.Property(t => t.Purpose).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.TokenHash).HasMaxLength(64);
        builder.HasIndex(t => t.TokenHash).IsUnique();
        builder.HasIndex(t => new { t.ReaderId, t.Purpose, t.CreatedAt });
        builder.HasOne<Reader>().WithMany().HasForeignKey(t => t.ReaderId).OnDelete(DeleteBehavior.Cascade);
    }
}
