using System.Collections.Concurrent;
using Sentry.Extensibility;
using Sentry.Protocol.Envelopes;

namespace Astropal.Tests.TestSupport;

/// <summary>A Sentry transport that keeps each envelope as sent (serialized JSON), for tests of what leaves the app.</summary>
internal sealed class CapturingSentryTransport : ITransport
{
    private readonly ConcurrentQueue<string> envelopes = new();

    public async Task SendEnvelopeAsync(Envelope envelope, CancellationToken cancellationToken = default)
    {
        using var stream = new MemoryStream();
        await envelope.SerializeAsync(stream, null, cancellationToken);
        envelopes.Enqueue(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    /// <summary>The first envelope holding an event (optionally one containing <paramref name="marker"/>), waiting up to 30 s for it.</summary>
    public async Task<string> WaitForEventAsync(string? marker = null)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            if (envelopes.FirstOrDefault(e => e.Contains("\"type\":\"event\"", StringComparison.Ordinal)
                    && (marker is null || e.Contains(marker, StringComparison.Ordinal))) is { } sent)
            {
                return sent;
            }

            await Task.Delay(20, timeout.Token);
        }
    }
}
