using Astropal.Core.Billing;
using Astropal.Core.Readers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Astropal.Data.Configurations;

internal sealed class ReaderBillingConfiguration : IEntityTypeConfiguration<ReaderBilling>
{
    public void Configure(EntityTypeBuilder<ReaderBilling> builder)
    {
        builder.ToTable("ReaderBillings");
        builder.HasKey(b => b.ReaderId);
        builder.Property(b => b.StripeCustomerId).HasMaxLength(64);
        builder.HasIndex(b => b.StripeCustomerId).IsUnique().HasFilter("[StripeCustomerId] IS NOT NULL");
        builder.Property(b => b.SubscriptionId).HasMaxLength(64);
        builder.HasIndex(b => b.SubscriptionId);
        builder.Property(b => b.SubscriptionStatus).HasMaxLength(32);
        builder.HasIndex(b => b.SubscriptionStatus);
        builder.Property(b => b.PriceId).HasMaxLength(64);
        builder.Property(b => b.PlanTier).HasConversion<string>().HasMaxLength(16);
        builder.Property(b => b.Version).IsConcurrencyToken();
        builder.HasOne<Reader>().WithOne().HasForeignKey<ReaderBilling>(b => b.ReaderId).OnDelete(DeleteBehavior.Cascade);
    }
}
