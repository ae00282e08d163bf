using Astropal.Tests.TestSupport;
using Microsoft.Extensions.Options;

namespace Astropal.Tests.Integration.Hosting;

public sealed class StartupValidationTests
{
    [Theory]
    [InlineData("Brand:PrimaryColor", "purple", "Brand:PrimaryColor")]
    [InlineData("Brand:SiteUrl", "not a url", "Brand:SiteUrl")]
    [InlineData("Database:Provider", "SqlServer", "ConnectionStrings:Astropal")]
    [InlineData("Billing:TrialDays", "400", "Billing:TrialDays")]
    [InlineData("Billing:Pro:MonthlyPrice", "-1", "MonthlyPrice")]
    public async Task Invalid_settings_stop_startup_with_a_message_naming_the_setting(string key, string value, string named)
    {
        await using var app = AstropalAppFactory.WithSettings(new Dictionary<string, string?> { [key] = value });

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        var validation = error as OptionsValidationException ?? error.InnerException as OptionsValidationException;
        Assert.True(validation is not null, error.ToString());
        Assert.Contains(validation.Failures, f => f.Contains(named, StringComparison.Ordinal));
    }
}
