using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Astropal.Web.Features.Readers;

/// <summary>"Email me a new link" requests per client IP per hour (<c>RateLimits:SignInLinkRequestsPerIpPerHour</c>).</summary>
public sealed class SignInLinkRequestLimiter(IOptions<RateLimitOptions> limits) : IDisposable
{
    private readonly PartitionedRateLimiter<string> limiter = PartitionedRateLimiter.Create<string, string>(ip =>
        RateLimitPartition.GetFixedWindowLimiter(ip, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limits.Value.SignInLinkRequestsPerIpPerHour,
            Window = TimeSpan.FromHours(1),
            QueueLimit = 0,
        }));

    public bool TryAcquire(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        using var lease = limiter.AttemptAcquire(context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        return lease.IsAcquired;
    }

    public void Dispose() => limiter.Dispose();
}
