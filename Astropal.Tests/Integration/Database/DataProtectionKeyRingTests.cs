using Astropal.Data;
using Astropal.Tests.TestSupport;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Astropal.Tests.Integration.Database;

public sealed class DataProtectionKeyRingTests
{
    [Fact]
    public async Task The_key_ring_lives_in_the_database_so_a_second_instance_reads_what_the_first_signed()
    {
        await using var first = new AstropalAppFactory();
        var protectedText = first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("reader-42");
        await using (var scope = first.Services.CreateAsyncScope())
        {
            Assert.NotEmpty(await scope.ServiceProvider.GetRequiredService<AstropalDbContext>().DataProtectionKeys.ToListAsync());
        }

        // A second host on the same database (another instance, or the same one after a restart).
        await using var second = AstropalAppFactory.WithSettings(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Astropal"] = $"Data Source={first.DataDirectory.File("astropal.db")}",
        });

        Assert.Equal("reader-42", second.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(protectedText));
    }
}
