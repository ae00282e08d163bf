using Astropal.Core.Content;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Astropal.Data.Configurations;

internal sealed class LlmBudgetEventConfiguration : IEntityTypeConfiguration<LlmBudgetEvent>
{
    public void Configure(EntityTypeBuilder<LlmBudgetEvent> builder)
    {
        builder.ToTable("LlmBudgetEvents");
        builder.Property(e => e.SpentUsd).HasPrecision(18, 6);
        builder.Property(e => e.BudgetUsd).HasPrecision(18, 6);
        builder.HasIndex(e => e.Day).IsUnique();
    }
}
