using Astropal.Core.Readers;

namespace Astropal.Web.Features.Beta;

/// <summary>The beta page's data: every beta reader, and the perspectives no current beta reader has.</summary>
public sealed record BetaOverview(IReadOnlyList<BetaReaderRow> Readers, IReadOnlyList<PerspectiveId> MissingPerspectives);
