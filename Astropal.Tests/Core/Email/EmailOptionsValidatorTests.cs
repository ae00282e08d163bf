using Astropal.Core.Email;

namespace Astropal.Tests.Core.Email;

public sealed class EmailOptionsValidatorTests
{
    private static readonly EmailOptionsValidator Validator = new();

    [Fact]
    public void Defaults_are_valid_and_use_the_outbox()
    {
        var options = new EmailOptions();

        Assert.True(Validator.Validate(null, options).Succeeded);
        Assert.Equal(EmailTransport.Outbox, options.Transport);
        Assert.Equal(2, options.Smtp.PoolSize);
    }

    [Fact]
    public void Smtp_transport_requires_a_host()
    {
        var result = Validator.Validate(null, new EmailOptions { Transport = EmailTransport.Smtp });

        Assert.True(result.Failed);
        Assert.Contains("Email:Smtp:Host", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(65536)]
    public void Port_must_be_between_1_and_65535(int port)
    {
        var result = Validator.Validate(null, new EmailOptions { Smtp = { Port = port } });

        Assert.Contains("Email:Smtp:Port", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Dkim_is_all_or_nothing()
    {
        var result = Validator.Validate(null, new EmailOptions { Dkim = { Domain = "astropal.test" } });

        Assert.Contains("Email:Dkim:Domain, Email:Dkim:Selector and Email:Dkim:PrivateKeyPath", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Dkim_key_file_must_exist()
    {
        var missing = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".pem");
        var result = Validator.Validate(null, new EmailOptions { Dkim = { Domain = "astropal.test", Selector = "s1", PrivateKeyPath = missing } });

        Assert.Contains("Email:Dkim:PrivateKeyPath", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains(missing, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Negative_rate_and_half_credentials_are_rejected()
    {
        var result = Validator.Validate(null, new EmailOptions { MaxPerSecond = -1, Smtp = { Username = "user" } });

        Assert.Contains("Email:MaxPerSecond", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Email:Smtp:Username and Email:Smtp:Password", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("ZZ00000000000000000000000000000000000000000000000000000000000000")]
    public void A_pinned_certificate_must_be_a_sha256_fingerprint(string fingerprint)
    {
        var result = Validator.Validate(null, new EmailOptions { Smtp = { TrustedCertificateSha256 = fingerprint } });

        Assert.Contains("Email:Smtp:TrustedCertificateSha256", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pinned_fingerprint_may_be_written_with_colons_in_either_case()
    {
        var options = new EmailOptions { Smtp = { TrustedCertificateSha256 = string.Join(':', Enumerable.Repeat("ab", 32)) } };

        Assert.True(Validator.Validate(null, options).Succeeded);
        Assert.Equal(string.Concat(Enumerable.Repeat("AB", 32)), options.Smtp.TrustedFingerprint);
    }

    [Fact]
    public void Each_out_of_range_setting_is_named()
    {
        var missingFolder = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"));
        var options = new EmailOptions
        {
            Transport = (EmailTransport)9,
            MaxPerSecond = double.NaN,
            TemplateDirectory = missingFolder,
            Smtp = { Security = (SmtpSecurity)9, PoolSize = 33, TimeoutSeconds = 0, IdleCheckSeconds = -1 },
        };

        var result = Validator.Validate(null, options);

        Assert.Equal(
            [
                "Email:Transport must be Outbox or Smtp.",
                "Email:MaxPerSecond must be 0 (no limit) or a positive number.",
                $"Email:TemplateDirectory points to '{missingFolder}', which does not exist.",
                "Email:Smtp:Security must be None, StartTls or SslOnConnect.",
                "Email:Smtp:PoolSize must be between 1 and 32.",
                "Email:Smtp:TimeoutSeconds must be at least 1.",
                "Email:Smtp:IdleCheckSeconds must be 0 or more.",
            ],
            result.Failures);
    }

    [Fact]
    public void An_existing_template_folder_and_a_complete_dkim_setup_are_accepted()
    {
        var folder = Directory.CreateTempSubdirectory("astropal-email-");
        try
        {
            var key = Path.Combine(folder.FullName, "dkim.pem");
            File.WriteAllText(key, "not read by the validator");
            var options = new EmailOptions
            {
                TemplateDirectory = folder.FullName,
                Dkim = { Domain = "astropal.test", Selector = "s1", PrivateKeyPath = key },
            };

            Assert.True(options.Dkim.Enabled);
            Assert.True(Validator.Validate(null, options).Succeeded);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
