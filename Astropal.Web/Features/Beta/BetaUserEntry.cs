namespace Astropal.Web.Features.Beta;

/// <summary>
/// One entry of a beta file in the launch plan's <c>BETA_USERS</c> shape: <c>email</c>, <c>perspective</c>,
/// <c>focusAreas</c>, <c>locale</c> and the optional <c>name</c>. Values stay text until validated; other
/// fields of the file are ignored.
/// </summary>
public sealed record BetaUserEntry(string? Email, string? Perspective, IReadOnlyList<string>? FocusAreas, string? Locale, string? Name = null);
