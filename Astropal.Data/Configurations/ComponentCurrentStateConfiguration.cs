using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Astropal.Data.Configurations;

internal sealed class ComponentCurrentStateConfiguration : IEntityTypeConfiguration<ComponentCurrentState>
{
    public void Configure(EntityTypeBuilder<ComponentCurrentState> builder)
    {
        builder.ToTable("ComponentStates");
        builder.HasKey(c => c.Component);
        builder.Property(c => c.Component).HasMaxLength(64);
        builder.Property(c => c.DerivedState).HasConversion<string>().HasMaxLength(24);
        builder.Property(c => c.State).HasConversion<string>().HasMaxLength(24);
        builder.Property(c => c.DerivedReason).HasMaxLength(500);
        builder.Property(c => c.Version).IsConcurrencyToken();
    }
}
