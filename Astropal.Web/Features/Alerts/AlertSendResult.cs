namespace Astropal.Web.Features.Alerts;

/// <summary>What a channel answered: sent, or the specific reason it was not (HTTP status and body, SMTP reply, exception).</summary>
public sealed record AlertSendResult(bool Succeeded, string? Error)
{
    public static AlertSendResult Sent { get; } = new(true, null);

    public static AlertSendResult Failure(string error) => new(false, error);
}
