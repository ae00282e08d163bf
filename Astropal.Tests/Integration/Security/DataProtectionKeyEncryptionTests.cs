using Astropal.Data;
using Astropal.Tests.TestSupport;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Astropal.Tests.Integration.Security;

public sealed class DataProtectionKeyEncryptionTests : IDisposable
{
    private const string Password = "correct horse battery staple";

    private readonly TempDirectory folder = new("astropal-dpcert");

    [Fact]
    public async Task With_a_certificate_the_key_ring_in_the_database_is_encrypted_and_a_second_instance_still_reads_it()
    {
        var pfx = TestCertificates.WritePfx(folder.File("keyring.pfx"), Password);
        await using var first = AstropalAppFactory.WithSettings(new Dictionary<string, string?>
        {
            ["DataProtection:CertificatePath"] = pfx,
            ["DataProtection:CertificatePassword"] = Password,
        });
        var protectedText = first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("reader-42");

        List<DataProtectionKey> keys;
        await using (var scope = first.Services.CreateAsyncScope())
        {
            keys = await scope.ServiceProvider.GetRequiredService<AstropalDbContext>().DataProtectionKeys.ToListAsync();
        }

        Assert.NotEmpty(keys);
        foreach (var key in keys)
        {
            Assert.Contains("<EncryptedData", key.Xml, StringComparison.Ordinal);
            Assert.Contains("EncryptedXmlDecryptor", key.Xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<value>", key.Xml, StringComparison.Ordinal); // the raw master key
            Assert.DoesNotContain("unencrypted form", key.Xml, StringComparison.Ordinal);
        }

        await using var second = AstropalAppFactory.WithSettings(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Astropal"] = $"Data Source={first.DataDirectory.File("astropal.db")}",
            ["DataProtection:CertificatePath"] = pfx,
            ["DataProtection:CertificatePassword"] = Password,
        });
        Assert.Equal("reader-42", second.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(protectedText));
    }

    [Fact]
    public async Task Outside_Development_startup_stops_without_a_certificate_naming_the_settings()
    {
        await using var app = new AstropalAppFactory { EnvironmentName = "Production" };

        var failures = ValidationFailures(Assert.ThrowsAny<Exception>(() => app.CreateClient()));

        Assert.Contains(failures, f => f.Contains("DataProtection:CertificatePath is required outside Development", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("DataProtection:CertificatePassword is required outside Development", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_wrong_certificate_password_stops_startup_naming_the_setting()
    {
        var pfx = TestCertificates.WritePfx(folder.File("keyring.pfx"), Password);
        await using var app = AstropalAppFactory.WithSettings(new Dictionary<string, string?>
        {
            ["DataProtection:CertificatePath"] = pfx,
            ["DataProtection:CertificatePassword"] = "not the password",
        });

        var failures = ValidationFailures(Assert.ThrowsAny<Exception>(() => app.CreateClient()));

        Assert.Contains(failures, f => f.Contains("DataProtection:CertificatePath", StringComparison.Ordinal) && f.Contains("could not be read", StringComparison.Ordinal));
    }

    [Fact]
    public async Task In_Development_without_a_certificate_the_app_says_plainly_that_the_keys_are_not_encrypted()
    {
        var logs = new CapturedLogs();
        await using var app = new AstropalAppFactory { TestServices = s => s.AddSingleton<ILoggerProvider>(logs) };

        using var client = app.CreateClient();

        Assert.Contains(logs.At(LogLevel.Warning), m => m.Contains("Data Protection keys are NOT encrypted", StringComparison.Ordinal));
    }

    public void Dispose() => folder.Dispose();

    private static List<string> ValidationFailures(Exception error)
    {
        var all = error is AggregateException aggregate ? aggregate.Flatten().InnerExceptions.ToList() : [error, .. error.InnerException is null ? [] : new[] { error.InnerException }];
        var validation = all.OfType<OptionsValidationException>()
            .Concat(all.OfType<AggregateException>().SelectMany(a => a.InnerExceptions.OfType<OptionsValidationException>()))
            .SelectMany(v => v.Failures)
            .ToList();
        Assert.True(validation.Count > 0, error.ToString());
        return validation;
    }
}
