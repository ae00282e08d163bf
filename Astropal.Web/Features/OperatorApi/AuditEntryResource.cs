namespace Astropal.Web.Features.OperatorApi;

/// <summary>One audit log entry.</summary>
public sealed record AuditEntryResource(long Id, DateTimeOffset At, string Actor, string Action, string? Target, string? Detail);
