using System.Net;
using Astropal.Web.Features.Operators;
using Microsoft.Extensions.Options;

namespace Astropal.Web.Features.Account;

/// <summary>
/// Failed operator sign-in attempts per client IP in a sliding window (<c>Operators:SignInAttemptsPerIp</c> per
/// <c>Operators:SignInWindow</c>). Identity's per-account lockout alone lets anyone lock an operator out and try
/// one password on every account; this bounds what one address can try at all. Kept in memory: a restart
/// forgets it, and several instances each count their own.
/// </summary>
public sealed class SignInThrottle(IOptions<OperatorOptions> options, TimeProvider clock)
{
    /// <summary>Addresses tracked at most; past it, addresses whose failures have all expired are forgotten first.</summary>
    internal const int MaxTrackedAddresses = 50_000;

    private readonly Dictionary<string, Queue<DateTimeOffset>> _failures = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>True when <paramref name="address"/> has used up its failed attempts in the window.</summary>
    public bool IsBlocked(IPAddress? address) => RetryAfter(address) is not null;

    /// <summary>How long until the oldest counted failure leaves the window, or null when the address may try.</summary>
    public TimeSpan? RetryAfter(IPAddress? address)
    {
        var now = clock.GetUtcNow();
        var window = options.Value.SignInWindow;
        lock (_gate)
        {
            if (!_failures.TryGetValue(Key(address), out var failures))
            {
                return null;
            }

            Expire(failures, now - window);
            return failures.Count >= options.Value.SignInAttemptsPerIp ? failures.Peek() + window - now : null;
        }
    }

    public void RecordFailure(IPAddress? address)
    {
        var now = clock.GetUtcNow();
        var cutoff = now - options.Value.SignInWindow;
        lock (_gate)
        {
            if (!_failures.TryGetValue(Key(address), out var failures))
            {
                if (_failures.Count >= MaxTrackedAddresses)
                {
                    Prune(cutoff);
                }

                failures = new Queue<DateTimeOffset>();
                _failures[Key(address)] = failures;
            }

            Expire(failures, cutoff);
            failures.Enqueue(now);
        }
    }

    private void Prune(DateTimeOffset cutoff)
    {
        foreach (var (key, failures) in _failures.ToList())
        {
            Expire(failures, cutoff);
            if (failures.Count == 0)
            {
                _failures.Remove(key);
            }
        }

        // Still full (a spread-out attack): forget the quietest addresses rather than grow without bound.
        if (_failures.Count >= MaxTrackedAddresses)
        {
            foreach (var key in _failures.OrderBy(p => p.Value.Count).Take(_failures.Count / 10 + 1).Select(p => p.Key).ToList())
            {
                _failures.Remove(key);
            }
        }
    }

    private static void Expire(Queue<DateTimeOffset> failures, DateTimeOffset cutoff)
    {
        while (failures.Count > 0 && failures.Peek() <= cutoff)
        {
            failures.Dequeue();
        }
    }

    private static string Key(IPAddress? address) =>
        address is null ? "unknown" : (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();
}
