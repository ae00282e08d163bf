using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Astropal.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace Astropal.Web.Infrastructure.Security;

/// <summary>
/// One Data Protection key ring in the database for every instance (tokens signed by one instance —
/// unsubscribe, tracking, portal links, antiforgery, sign-in cookies — are read by the others), encrypted at
/// rest with the certificate of <c>DataProtection:CertificatePath</c>: a copy of the database alone does
/// not let anyone forge those tokens. Outside Development the certificate is required; in Development,
/// without one, the keys are stored in clear and the app says so at startup.
/// </summary>
public static partial class DataProtectionSetup
{
    public const string CertificatePathKey = DataProtectionKeyOptions.SectionName + ":" + nameof(DataProtectionKeyOptions.CertificatePath);
    public const string CertificatePasswordKey = DataProtectionKeyOptions.SectionName + ":" + nameof(DataProtectionKeyOptions.CertificatePassword);

    public static IHostApplicationBuilder AddAstropalDataProtection(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var dataProtection = builder.Services.AddDataProtection()
            .SetApplicationName("Astropal")
            .PersistKeysToDbContext<AstropalDbContext>();

        // The certificate is read here because the key ring's encryptor is fixed when services are built; a file
        // that cannot be read is reported by the options validation below, naming the setting, at startup.
        var path = builder.Configuration[CertificatePathKey];
        string? loadError = null;
        if (!string.IsNullOrWhiteSpace(path))
        {
            var file = Path.GetFullPath(Path.Combine(builder.Environment.ContentRootPath, path));
            try
            {
                var certificate = X509CertificateLoader.LoadPkcs12FromFile(file, builder.Configuration[CertificatePasswordKey]);
                if (!certificate.HasPrivateKey)
                {
                    loadError = $"{CertificatePathKey} '{file}' has no private key: the key ring could be encrypted but never read back.";
                }
                else
                {
                    dataProtection.ProtectKeysWithCertificate(certificate);
                }
            }
            catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
            {
                loadError = $"{CertificatePathKey} '{file}' could not be read with {CertificatePasswordKey}: {e.Message}";
            }
        }

        builder.Services.AddOptions<DataProtectionKeyOptions>()
            .BindConfiguration(DataProtectionKeyOptions.SectionName)
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<DataProtectionKeyOptions>>(
            new CertificateRequired(builder.Environment.IsDevelopment(), loadError));
        builder.Services.AddHostedService<UnencryptedKeysWarning>();
        return builder;
    }

    private sealed class CertificateRequired(bool isDevelopment, string? loadError) : IValidateOptions<DataProtectionKeyOptions>
    {
        public ValidateOptionsResult Validate(string? name, DataProtectionKeyOptions options)
        {
            if (loadError is not null)
            {
                return ValidateOptionsResult.Fail(loadError);
            }

            if (isDevelopment)
            {
                return ValidateOptionsResult.Success;
            }

            var failures = new List<string>();
            if (string.IsNullOrWhiteSpace(options.CertificatePath))
            {
                failures.Add($"{CertificatePathKey} is required outside Development: the Data Protection keys in the database must be encrypted with a certificate (.pfx).");
            }

            if (string.IsNullOrWhiteSpace(options.CertificatePassword))
            {
                failures.Add($"{CertificatePasswordKey} is required outside Development (the password of {CertificatePathKey}).");
            }

            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }
    }

    /// <summary>Says plainly, once at startup, that the key ring is not encrypted (only possible in Development).</summary>
    private sealed partial class UnencryptedKeysWarning(IOptions<DataProtectionKeyOptions> options, ILogger<UnencryptedKeysWarning> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            if (string.IsNullOrWhiteSpace(options.Value.CertificatePath))
            {
                KeysNotEncrypted(logger, CertificatePathKey);
            }

            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        [LoggerMessage(Level = LogLevel.Warning, Message = "Data Protection keys are NOT encrypted: they are stored in clear in the database (Development only; set {Setting} to a .pfx to encrypt them).")]
        private static partial void KeysNotEncrypted(ILogger logger, string setting);
    }
}
