using System.Diagnostics.Metrics;

namespace Astropal.Web.Infrastructure.Metrics;

/// <summary>The <c>Astropal.Readers</c> meter: sign-ups, confirmations and unsubscribes (docs/observability.md).</summary>
public sealed class ReaderMetrics
{
    public const string MeterName = "Astropal.Readers";

    private readonly Counter<long> signups;
    private readonly Counter<long> confirmations;
    private readonly Counter<long> unsubscribes;

    public ReaderMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        signups = meter.CreateCounter<long>("astropal.readers.signups", "{signup}", "Sign-ups that issued a confirmation link (new or returning address).");
        confirmations = meter.CreateCounter<long>("astropal.readers.confirmations", "{reader}", "Confirmation links used: the reader became active.");
        unsubscribes = meter.CreateCounter<long>("astropal.readers.unsubscribes", "{reader}", "Readers who unsubscribed, by the way they did (link, portal).");
    }

    /// <summary>A sign-up stored with its confirmation link; <paramref name="returning"/> when the address was known.</summary>
    public void SignedUp(bool returning) =>
        signups.Add(1, new KeyValuePair<string, object?>("kind", returning ? "returning" : "new"));

    public void Confirmed() => confirmations.Add(1);

    /// <summary><paramref name="via"/>: <c>link</c> (the List-Unsubscribe link) or <c>portal</c>.</summary>
    public void Unsubscribed(string via) => unsubscribes.Add(1, new KeyValuePair<string, object?>("via", via));
}
