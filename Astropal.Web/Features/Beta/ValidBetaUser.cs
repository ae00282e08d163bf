using Astropal.Core.Readers;

namespace Astropal.Web.Features.Beta;

/// <summary>An entry of a beta file that passed every rule, with its values parsed (address lower-cased).</summary>
public sealed record ValidBetaUser(int Index, string Email, string? Name, PerspectiveId Perspective, IReadOnlyList<FocusAreaId> FocusAreas, string Locale);
