using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Astropal.Core.Places;

/// <summary>
/// Loads the gazetteer in the background when the host starts, so the first keystroke in the
/// birth-place picker does not wait for it (about 0.3 s warm, over 1 s on a cold process).
/// Startup is not delayed; a search before the load ends waits for it.
/// </summary>
public sealed partial class GazetteerPreloader(Gazetteer gazetteer, ILogger<GazetteerPreloader> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = Task.Run(Preload, CancellationToken.None);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Preload()
    {
        try
        {
            gazetteer.EnsureLoaded();
            LogLoaded(gazetteer.Count);
        }
#pragma warning disable CA1031 // A failed preload must not crash the host; the first search rethrows the same error.
        catch (Exception error)
#pragma warning restore CA1031
        {
            LogFailed(error);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Gazetteer loaded: {Count} cities")]
    private partial void LogLoaded(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Gazetteer failed to load")]
    private partial void LogFailed(Exception error);
}
