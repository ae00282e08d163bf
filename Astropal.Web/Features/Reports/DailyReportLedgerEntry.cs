namespace Astropal.Web.Features.Reports;

/// <summary>
/// Whether a day's report went out: <c>sent</c> (to <see cref="Recipients"/> operators), <c>not-sent</c> (claimed at
/// <see cref="StartedAt"/> but never finished: a crash between the claim and the end; not retried) or <c>due</c> (not
/// claimed yet: the day's run has not come).
/// </summary>
public sealed record DailyReportLedgerEntry(DateOnly Day, string State, DateTimeOffset? StartedAt, DateTimeOffset? SentAt, int Recipients)
{
    public const string Sent = "sent";
    public const string NotSent = "not-sent";
    public const string Due = "due";
}
