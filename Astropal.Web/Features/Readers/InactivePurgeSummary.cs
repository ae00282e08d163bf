namespace Astropal.Web.Features.Readers;

/// <summary>What one pass of <see cref="InactiveReaderPurge"/> did.</summary>
public sealed record InactivePurgeSummary(int NoticesQueued, int Purged);
