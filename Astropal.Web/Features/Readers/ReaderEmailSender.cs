using Astropal.Core.Email;

namespace Astropal.Web.Features.Readers;

/// <summary>
/// Sends the backlog's emails (sign-up confirmations, sign-in links): a transient failure or an
/// unreachable transport is tried again after each pause of <see cref="Backoff"/>; a permanent one is
/// not. The backlog is worked off one job at a time, so while the relay is away the next jobs wait too.
/// </summary>
public sealed class ReaderEmailSender(IEmailSender sender, TimeProvider clock)
{
    public static readonly IReadOnlyList<TimeSpan> DefaultBackoff = [TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30)];

    /// <summary>The pauses before each further attempt; their count is the number of retries.</summary>
    public IReadOnlyList<TimeSpan> Backoff { get; init; } = DefaultBackoff;

    public async Task<EmailSendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var result = await sender.SendAsync(message, cancellationToken);
        foreach (var pause in Backoff)
        {
            if (result.Status is not (EmailSendStatus.TransientFailure or EmailSendStatus.TransportUnavailable))
            {
                break;
            }

            await Task.Delay(pause, clock, cancellationToken);
            result = await sender.SendAsync(message, cancellationToken);
        }

        return result;
    }
}
