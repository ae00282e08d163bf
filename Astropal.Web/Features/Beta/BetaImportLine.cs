namespace Astropal.Web.Features.Beta;

/// <summary>One entry of an import: its index in the file (from 0), the address, and what happened or would happen.</summary>
public sealed record BetaImportLine(int Index, string Email, BetaImportOutcome Outcome, string? Detail = null);
