namespace Astropal.Web.Features.Alerts;

/// <summary>What one evaluation changed.</summary>
public sealed class AlertEvaluation
{
    public int Opened { get; set; }

    public int Fired { get; set; }

    public int Reminded { get; set; }

    public int Resolved { get; set; }

    /// <summary>Rules skipped because another evaluator changed their episode at the same time.</summary>
    public int Skipped { get; set; }
}
