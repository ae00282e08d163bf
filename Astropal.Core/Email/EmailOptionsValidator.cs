using Microsoft.Extensions.Options;

namespace Astropal.Core.Email;

/// <summary>Startup validation of <see cref="EmailOptions"/>; every message names the setting.</summary>
public sealed class EmailOptionsValidator : IValidateOptions<EmailOptions>
{
    public ValidateOptionsResult Validate(string? name, EmailOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();

        if (!Enum.IsDefined(options.Transport))
        {
            failures.Add("Email:Transport must be Outbox or Smtp.");
        }

        if (options.MaxPerSecond < 0 || double.IsNaN(options.MaxPerSecond))
        {
            failures.Add("Email:MaxPerSecond must be 0 (no limit) or a positive number.");
        }

        if (!string.IsNullOrWhiteSpace(options.TemplateDirectory) && !Directory.Exists(options.TemplateDirectory))
        {
            failures.Add($"Email:TemplateDirectory points to '{options.TemplateDirectory}', which does not exist.");
        }

        var smtp = options.Smtp;
        if (options.Transport == EmailTransport.Smtp && string.IsNullOrWhiteSpace(smtp.Host))
        {
            failures.Add("Email:Smtp:Host is required when Email:Transport is Smtp.");
        }

        if (smtp.Port is < 1 or > 65535)
        {
            failures.Add("Email:Smtp:Port must be between 1 and 65535.");
        }

        if (!Enum.IsDefined(smtp.Security))
        {
            failures.Add("Email:Smtp:Security must be None, StartTls or SslOnConnect.");
        }

        if (string.IsNullOrEmpty(smtp.Username) != string.IsNullOrEmpty(smtp.Password))
        {
            failures.Add("Email:Smtp:Username and Email:Smtp:Password must be set together.");
        }

        if (smtp.PoolSize is < 1 or > 32)
        {
            failures.Add("Email:Smtp:PoolSize must be between 1 and 32.");
        }

        if (smtp.TimeoutSeconds < 1)
        {
            failures.Add("Email:Smtp:TimeoutSeconds must be at least 1.");
        }

        if (smtp.IdleCheckSeconds < 0)
        {
            failures.Add("Email:Smtp:IdleCheckSeconds must be 0 or more.");
        }

        if (smtp.TrustedFingerprint is { } fingerprint && (fingerprint.Length != 64 || !fingerprint.All(char.IsAsciiHexDigit)))
        {
            failures.Add("Email:Smtp:TrustedCertificateSha256 must be a SHA-256 fingerprint: 64 hexadecimal digits (colons allowed).");
        }

        var dkim = options.Dkim;
        if (dkim.Enabled)
        {
            if (string.IsNullOrWhiteSpace(dkim.Domain) || string.IsNullOrWhiteSpace(dkim.Selector) || string.IsNullOrWhiteSpace(dkim.PrivateKeyPath))
            {
                failures.Add("Email:Dkim:Domain, Email:Dkim:Selector and Email:Dkim:PrivateKeyPath must be set together (or none of them).");
            }
            else if (!File.Exists(dkim.PrivateKeyPath))
            {
                failures.Add($"Email:Dkim:PrivateKeyPath points to '{dkim.PrivateKeyPath}', which does not exist.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
