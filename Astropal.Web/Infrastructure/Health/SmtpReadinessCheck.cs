using Astropal.Core.Email;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Astropal.Web.Infrastructure.Health;

/// <summary>
/// Ready when the SMTP relay answers: a connection and its EHLO (MailKit's connect), without signing in or sending.
/// The answer is kept for <see cref="CacheFor"/> so that frequent probes do not open a connection each time;
/// concurrent probes share one attempt. Registered only when <c>Email:Transport</c> is <c>Smtp</c>.
/// </summary>
internal sealed class SmtpReadinessCheck(IOptions<EmailOptions> options, TimeProvider time) : IHealthCheck, IDisposable
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(60);

    /// <summary>Longest a probe waits for the relay, however long Email:Smtp:TimeoutSeconds is.</summary>
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(10);

    private readonly SemaphoreSlim gate = new(1, 1);
    private (HealthCheckResult Result, DateTimeOffset At)? last;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (Fresh() is { } cached)
        {
            return cached;
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            if (Fresh() is { } justProbed)
            {
                return justProbed;
            }

            var result = await ProbeAsync(cancellationToken);
            last = (result, time.GetUtcNow());
            return result;
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose() => gate.Dispose();

    private HealthCheckResult? Fresh() =>
        last is { } l && time.GetUtcNow() - l.At < CacheFor ? l.Result : null;

    private async Task<HealthCheckResult> ProbeAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value.Smtp;
        if (string.IsNullOrWhiteSpace(settings.Host))
        {
            return HealthCheckResult.Unhealthy("Email:Smtp:Host is not set.");
        }

        var timeout = TimeSpan.FromSeconds(Math.Min(settings.TimeoutSeconds, ProbeTimeout.TotalSeconds));
        using var timer = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        using var client = new SmtpClient { Timeout = (int)timeout.TotalMilliseconds };
        if (settings.TrustedFingerprint is { } pinned)
        {
            client.ServerCertificateValidationCallback = (_, certificate, _, errors) =>
                errors == System.Net.Security.SslPolicyErrors.None
                || (certificate is not null && string.Equals(
                    Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(certificate.GetRawCertData())), pinned, StringComparison.Ordinal));
        }

        var security = settings.Security switch
        {
            SmtpSecurity.None => SecureSocketOptions.None,
            SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.StartTls,
        };
        var relay = $"{settings.Host}:{settings.Port}";
        try
        {
            // Connecting reads the greeting and sends EHLO (and STARTTLS when configured).
            await client.ConnectAsync(settings.Host, settings.Port, security, linked.Token);
            await client.DisconnectAsync(quit: true, linked.Token);
            return HealthCheckResult.Healthy($"The SMTP relay {relay} answered EHLO.");
        }
        catch (OperationCanceledException) when (timer.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"The SMTP relay {relay} did not answer within {timeout.TotalSeconds:0.#} s.");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"The SMTP relay {relay} does not answer: {e.GetType().Name}: {e.Message}");
        }
    }
}
