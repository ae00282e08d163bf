using Astropal.Data;

namespace Astropal.Web.Features.OperatorApi;

/// <summary>A new key: <see cref="Key"/> is shown once and never stored.</summary>
public sealed record CreatedApiKey(OperatorApiKey Record, string Key);
