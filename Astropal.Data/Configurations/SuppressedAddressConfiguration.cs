using Astropal.Core.Delivery;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Astropal.Data.Configurations;

internal sealed class SuppressedAddressConfiguration : IEntityTypeConfiguration<SuppressedAddress>
{
    public void Configure(EntityTypeBuilder<SuppressedAddress> builder)
    {
        builder.ToTable("SuppressedAddresses");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.AddressHash).HasMaxLength(64);
        builder.HasIndex(s => s.AddressHash).IsUnique();
        builder.Property(s => s.Reason).HasMaxLength(500);
    }
}
