namespace Astropal.Web.Features.Delivery;

/// <summary>
/// Makes the container build the delivery engine when the host starts, in every environment (Development hosts also
/// validate the whole container when it is built): a dependency that is not registered, such as the content feature's
/// composer, then stops the start with the container's message instead of failing the first delivery run at 06:00.
/// </summary>
internal sealed class DeliveryStartupCheck(DeliveryDispatcher dispatcher) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        GC.KeepAlive(dispatcher);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
