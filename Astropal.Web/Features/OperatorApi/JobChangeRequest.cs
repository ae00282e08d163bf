namespace Astropal.Web.Features.OperatorApi;

/// <summary>
/// Body of <c>POST /api/ops/jobs/pause</c> and <c>/resume</c>: <c>{"all": true}</c> or <c>{"job": "delivery-dispatch"}</c>,
/// and a <c>reason</c> to pause (as <c>jobs pause [--all | NAME] --reason TEXT</c>).
/// </summary>
public sealed record JobChangeRequest(string? Job, bool All, string? Reason);
