using System.ComponentModel.DataAnnotations;
using Astropal.Core.Readers;

namespace Astropal.Tests.Core.Readers;

public sealed class PortalOptionsTests
{
    private static List<string?> Problems(PortalOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return [.. results.Select(r => r.ErrorMessage)];
    }

    [Fact]
    public void The_defaults_are_valid()
    {
        var options = new PortalOptions();

        Assert.Empty(Problems(options));
        Assert.Equal(TimeSpan.FromMinutes(30), options.SessionLifetime);
        Assert.Equal(TimeSpan.FromHours(1), options.SignInLinkLifetime);
        Assert.Equal(TimeSpan.FromDays(30), options.EmailLinkLifetime);
        Assert.Equal(30, options.BackupRetentionDays);
    }

    [Fact]
    public void Each_lifetime_out_of_range_names_its_setting_and_range()
    {
        var options = new PortalOptions
        {
            SessionLifetime = TimeSpan.FromMinutes(4),
            SignInLinkLifetime = TimeSpan.FromDays(3),
            EmailLinkLifetime = TimeSpan.FromHours(23),
            BackupRetentionDays = 366,
        };

        Assert.Equal(
            [
                "Portal:SessionLifetime must be between 00:05:00 and 1.00:00:00.",
                "Portal:SignInLinkLifetime must be between 00:05:00 and 2.00:00:00.",
                "Portal:EmailLinkLifetime must be between 1.00:00:00 and 365.00:00:00.",
                "Portal:BackupRetentionDays must be between 1 and 365.",
            ],
            Problems(options));
    }
}
