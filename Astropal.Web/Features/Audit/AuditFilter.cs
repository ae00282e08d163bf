namespace Astropal.Web.Features.Audit;

/// <summary>What the audit page narrows the log to: all optional; dates are UTC days, both ends included.</summary>
public sealed record AuditFilter(string? Actor = null, string? Action = null, DateOnly? From = null, DateOnly? To = null);
