using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Astropal.Data.Configurations;

internal sealed class DailyReportSendConfiguration : IEntityTypeConfiguration<DailyReportSend>
{
    public void Configure(EntityTypeBuilder<DailyReportSend> builder)
    {
        builder.ToTable("DailyReportSends");
        builder.HasIndex(e => e.Day).IsUnique();
    }
}
