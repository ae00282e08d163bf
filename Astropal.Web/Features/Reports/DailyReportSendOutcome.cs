namespace Astropal.Web.Features.Reports;

/// <summary>What one attempt to send a day's report did.</summary>
public enum DailyReportSendOutcome
{
    /// <summary>This attempt claimed the day and sent the report (to <c>Recipients</c> operators, possibly none).</summary>
    Sent,

    /// <summary>The day was already claimed (sent, or being sent, by another run or instance): nothing done.</summary>
    AlreadyClaimed,
}
