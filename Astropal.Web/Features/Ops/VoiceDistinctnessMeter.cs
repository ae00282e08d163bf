using Astropal.Core.Content;
using Astropal.Core.Readers;

namespace Astropal.Web.Features.Ops;

/// <summary>The content feature's figure (<see cref="VoiceDistinctness"/>), composed through the path the emails take.</summary>
public sealed class VoiceDistinctnessMeter(ReaderEmailComposer composer) : IVoiceDistinctnessMeter
{
    public Task<VoiceDistinctnessFigure> MeasureAsync(IReadOnlyList<(Reader Reader, DateOnly Day)> samples, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var requests = samples.Select(s => composer.RequestFor(s.Reader, s.Day)).ToList();
        return Task.Run(() => VoiceDistinctness.MeasureAsync(requests, composer.ContentAsync, cancellationToken), cancellationToken);
    }
}
