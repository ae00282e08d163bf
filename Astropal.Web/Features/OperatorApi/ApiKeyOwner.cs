using Astropal.Data;

namespace Astropal.Web.Features.OperatorApi;

/// <summary>The operator a presented key belongs to, with their roles, when the key and the operator are both usable.</summary>
public sealed record ApiKeyOwner(OperatorUser Operator, OperatorApiKey Key, IReadOnlyList<string> Roles);
