namespace Astropal.Core.Email.Models;

/// <summary>A plan as listed in the trial emails; the price comes from configuration.</summary>
public sealed record PlanSummary(string Name, string Price, string Description);
