using System.Text.Json;
using System.Text.Json.Serialization;

namespace Astropal.Web.Features.Alerts;

/// <summary>
/// The webhook body of an alert message (issue 13): exactly these fields. Every channel type renders from it; it is
/// stored as <see cref="Astropal.Data.AlertNotification.Payload"/> and posted byte for byte by the webhook channel.
/// </summary>
public sealed record AlertPayload(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("rule")] string Rule,
    [property: JsonPropertyName("metric")] string Metric,
    [property: JsonPropertyName("severity")] string Severity,
    [property: JsonPropertyName("state")] string State,
    [property: JsonPropertyName("value")] double? Value,
    [property: JsonPropertyName("threshold")] double Threshold,
    [property: JsonPropertyName("startedAt")] DateTimeOffset StartedAt,
    [property: JsonPropertyName("resolvedAt")] DateTimeOffset? ResolvedAt,
    [property: JsonPropertyName("runbook")] string? Runbook,
    [property: JsonPropertyName("consoleUrl")] string ConsoleUrl,
    [property: JsonPropertyName("title"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Title = null)
{
    /// <summary>The <c>state</c> of the body: firing (also for reminders), resolved, test or incident.</summary>
    public static string StateOf(string kind) => kind switch
    {
        AlertMessageKinds.Resolved => "resolved",
        AlertMessageKinds.Test => "test",
        AlertMessageKinds.Incident => "incident",
        _ => "firing",
    };

    public string ToJson() => JsonSerializer.Serialize(this);

    /// <summary>Reads a stored payload.</summary>
    /// <exception cref="JsonException">The text is not a payload.</exception>
    public static AlertPayload Parse(string json) =>
        JsonSerializer.Deserialize<AlertPayload>(json) ?? throw new JsonException("The alert payload is empty.");
}
