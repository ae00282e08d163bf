using System.Globalization;
using Astropal.Core.Branding;
using Astropal.Core.Email;
using Astropal.Core.Email.Models;
using Astropal.Data;
using Astropal.Web.Features.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Astropal.Web.Features.Reports;

/// <summary>
/// Sends a day's report to every enabled operator, at most once per day across runs and instances: the
/// <see cref="DailyReportSend"/> row (unique day) is inserted first and whoever fails to insert it does nothing; then
/// the emails go out through the configured email transport (never the reader delivery ledger) and the row gets
/// <c>SentAt</c> and <c>Recipients</c>. A crash between the insert and the end leaves the row without <c>SentAt</c>:
/// the console shows the day as "not sent" and it is not retried (at most once rather than twice).
/// </summary>
public sealed partial class DailyReportSender(
    IDbContextFactory<AstropalDbContext> dbFactory,
    DailyReportBuilder builder,
    EmailTemplateRenderer renderer,
    IEmailSender sender,
    IOptions<BrandOptions> brand,
    TimeProvider clock,
    ILogger<DailyReportSender> logger)
{
    public async Task<(DailyReportSendOutcome Outcome, int Recipients)> SendAsync(DateOnly day, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var claim = new DailyReportSend { Day = day, StartedAt = clock.GetUtcNow() };
        db.DailyReportSends.Add(claim);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            Log.AlreadyClaimed(logger, day);
            return (DailyReportSendOutcome.AlreadyClaimed, 0);
        }

        var operators = await db.Users.AsNoTracking()
            .Where(u => u.DisabledAt == null && u.Email != null)
            .OrderBy(u => u.Email)
            .Select(u => new { u.Id, u.Email })
            .ToListAsync(cancellationToken);
        var report = await builder.BuildAsync(day, cancellationToken);
        var email = renderer.Render(EmailModelOf(report, brand.Value.Absolute(DailyReportPaths.Page(day))));
        var sent = 0;
        foreach (var op in operators)
        {
            var message = EmailMessage.FromRendered(email, op.Email!, null,
                EmailMessage.StableMessageId($"daily-report-{day:yyyy-MM-dd}-{op.Id}", brand.Value.FromAddress), unsubscribeUrl: null);
            var result = await sender.SendAsync(message, cancellationToken);
            if (result.IsSent)
            {
                sent++;
            }
            else
            {
                Log.NotSent(logger, day, op.Id, result.Status);
            }
        }

        claim.SentAt = clock.GetUtcNow();
        claim.Recipients = sent;
        // Not cancelled: the emails are out, the ledger must say so.
        await db.SaveChangesAsync(CancellationToken.None);
        Log.Sent(logger, day, sent, operators.Count);
        return (DailyReportSendOutcome.Sent, sent);
    }

    /// <summary>The send state of the <paramref name="days"/> days up to today, newest first.</summary>
    public async Task<IReadOnlyList<DailyReportLedgerEntry>> LedgerAsync(int days, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var from = today.AddDays(1 - days);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.DailyReportSends.AsNoTracking().Where(r => r.Day >= from && r.Day <= today).ToListAsync(cancellationToken);
        var byDay = rows.ToDictionary(r => r.Day);
        return Enumerable.Range(0, days)
            .Select(i => today.AddDays(-i))
            .Select(d => byDay.TryGetValue(d, out var r)
                ? new DailyReportLedgerEntry(d, r.SentAt is null ? DailyReportLedgerEntry.NotSent : DailyReportLedgerEntry.Sent, r.StartedAt, r.SentAt, r.Recipients)
                : new DailyReportLedgerEntry(d, DailyReportLedgerEntry.Due, null, null, 0))
            .ToList();
    }

    /// <summary>The email's model: the report's figures formatted in English.</summary>
    public static DailyReportEmailModel EmailModelOf(DailyReport report, string reportUrl)
    {
        ArgumentNullException.ThrowIfNull(report);
        var inv = CultureInfo.InvariantCulture;
        return new DailyReportEmailModel(
            report.Day.ToString("yyyy-MM-dd", inv),
            report.GeneratedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", inv) + " UTC",
            reportUrl,
            report.MetricsInAlert,
            report.Metrics.Select(m => new DailyReportMetricRow(
                m.Title, MetricFormat.Value(m.Unit, m.Value), m.State, MetricFormat.Value(m.Unit, m.Yesterday), m.YesterdayState,
                MetricFormat.Value(m.Unit, m.Target), MetricFormat.Value(m.Unit, m.AlertThreshold))).ToList(),
            report.DeliveriesByStatus.Select(d => new LabelledFact(d.Status, d.Count.ToString("N0", inv))).ToList(),
            report.LateEmails,
            report.SpendByProvider.Select(s => new LabelledFact(s.Provider,
                string.Create(inv, $"${s.CostUsd:N2} ({s.Calls:N0} calls, {s.Tokens:N0} tokens)"))).ToList(),
            string.Create(inv, $"${report.SpendUsd:N2}"),
            Alerts(report.AlertsFired),
            Alerts(report.AlertsResolved),
            report.NewReaders,
            report.ActivatedReaders,
            report.Unsubscribes,
            DailyReportText.Voices(report.Voices));
    }

    private static string Alerts(IReadOnlyList<DailyReportAlert> alerts) =>
        alerts.Count == 0 ? "none" : string.Join(", ", alerts.Select(a => $"{a.Rule} ({a.Severity})"));

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Daily report of {Day} already claimed: not sent again")]
        public static partial void AlreadyClaimed(ILogger logger, DateOnly day);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Daily report of {Day} not sent to operator {OperatorId}: {Status}")]
        public static partial void NotSent(ILogger logger, DateOnly day, string operatorId, EmailSendStatus status);

        [LoggerMessage(Level = LogLevel.Information, Message = "Daily report of {Day} sent to {Sent} of {Operators} operator(s)")]
        public static partial void Sent(ILogger logger, DateOnly day, int sent, int operators);
    }
}
