using System.Globalization;

namespace Astropal.Web.Features.Alerts;

/// <summary>The human wording of an alert message, shared by the email and Slack channels.</summary>
public static class AlertMessageText
{
    /// <summary>e.g. <c>[HIGH] email.delivery.rate firing: 0.91 &lt; 0.95</c>.</summary>
    public static string Subject(AlertPayload payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        if (IsIncident(payload))
        {
            return $"[{payload.Severity.ToUpperInvariant()}] Incident opened: {payload.Title}";
        }

        return $"[{payload.Severity.ToUpperInvariant()}] {payload.Rule} {payload.State}: {Comparison(payload)}";
    }

    /// <summary><c>0.91 &lt; 0.95</c>: the value against the threshold, or "no data".</summary>
    public static string Comparison(AlertPayload payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        if (payload.Value is not { } value)
        {
            return $"no data (threshold {Number(payload.Threshold)})";
        }

        var sign = value < payload.Threshold ? "<" : value > payload.Threshold ? ">" : "=";
        return $"{Number(value)} {sign} {Number(payload.Threshold)}";
    }

    public static string Number(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    public static string Time(DateTimeOffset? at) =>
        at is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) : "—";

    /// <summary>Whether the message is an incident's (state <c>incident</c>) rather than an alert episode's.</summary>
    public static bool IsIncident(AlertPayload payload) =>
        payload?.State == AlertPayload.StateOf(AlertMessageKinds.Incident);

    /// <summary>The lines of the message body (label, value), in order.</summary>
    public static IReadOnlyList<(string Label, string Value)> Lines(AlertPayload payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        if (IsIncident(payload))
        {
            return
            [
                ("Incident", payload.Title ?? payload.Id),
                ("Severity", payload.Severity),
                ("Opened", Time(payload.StartedAt)),
                ("Console", payload.ConsoleUrl),
            ];
        }

        var lines = new List<(string, string)>
        {
            ("Rule", payload.Rule),
            ("Metric", payload.Metric),
            ("Severity", payload.Severity),
            ("State", payload.State),
            ("Value", payload.Value is { } v ? Number(v) : "no data"),
            ("Threshold", Number(payload.Threshold)),
            ("Started", Time(payload.StartedAt)),
        };
        if (payload.ResolvedAt is not null)
        {
            lines.Add(("Resolved", Time(payload.ResolvedAt)));
        }

        lines.Add(("Runbook", string.IsNullOrWhiteSpace(payload.Runbook) ? "—" : payload.Runbook));
        lines.Add(("Console", payload.ConsoleUrl));
        return lines;
    }
}
