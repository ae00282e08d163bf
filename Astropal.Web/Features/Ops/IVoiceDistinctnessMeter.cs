using Astropal.Core.Content;
using Astropal.Core.Readers;

namespace Astropal.Web.Features.Ops;

/// <summary>Measures the voice-distinctness figure for some readers over some of their local days (the overview's "four voices distinct").</summary>
public interface IVoiceDistinctnessMeter
{
    Task<VoiceDistinctnessFigure> MeasureAsync(IReadOnlyList<(Reader Reader, DateOnly Day)> samples, CancellationToken cancellationToken);
}
