namespace Astropal.Web.Features.Billing;

/// <summary>What a billing job run did.</summary>
public sealed record BillingJobSummary(int TrialEndingQueued, int TrialsEnded, int GraceExpired);
