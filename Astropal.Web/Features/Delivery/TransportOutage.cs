namespace Astropal.Web.Features.Delivery;

/// <summary>Set by the first send of a run that finds the transport unavailable; read by every other send of the run.</summary>
internal sealed class TransportOutage
{
    private string? reason;

    public string? Reason => Volatile.Read(ref reason);

    public void Trip(string why) => Interlocked.CompareExchange(ref reason, why, null);
}
