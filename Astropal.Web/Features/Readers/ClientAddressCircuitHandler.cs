using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Astropal.Web.Features.Readers;

/// <summary>
/// Remembers the client IP of a Blazor circuit's connection (the SignalR request, after the forwarded
/// headers middleware) in the circuit's <see cref="ClientAddress"/>, at connection and on every call from
/// the browser, so the sign-up limits see the same address on <c>/start</c> as on the API.
/// </summary>
internal sealed class ClientAddressCircuitHandler(ClientAddress client, IHttpContextAccessor accessor) : CircuitHandler
{
    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        RememberCurrent();
        return Task.CompletedTask;
    }

    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        context =>
        {
            RememberCurrent();
            return next(context);
        };

    private void RememberCurrent() => client.Remember(accessor.HttpContext?.Connection.RemoteIpAddress?.ToString());
}
