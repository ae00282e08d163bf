namespace Astropal.Web.Features.Readers;

/// <summary>
/// The client IP the sign-up limits count against, whatever the entrance: the HTTP request of
/// <c>POST /api/readers</c>, or the circuit of the interactive <c>/start</c> page, where
/// <see cref="ClientAddressCircuitHandler"/> remembers the address of the SignalR connection. Behind a
/// proxy it is the forwarded address (only trusted proxies are believed). Without any address every
/// such client shares the one bucket <see cref="Unknown"/>, so a missing address never escapes the limit.
/// </summary>
public sealed class ClientAddress(IHttpContextAccessor accessor)
{
    public const string Unknown = "unknown";

    private string? remembered;

    public string Current =>
        accessor.HttpContext?.Connection.RemoteIpAddress?.ToString() ?? remembered ?? Unknown;

    /// <summary>Keeps the address of the circuit's connection for calls that run without an HTTP context.</summary>
    public void Remember(string? address)
    {
        if (!string.IsNullOrEmpty(address))
        {
            remembered = address;
        }
    }
}
