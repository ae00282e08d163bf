namespace Astropal.Data;

/// <summary>
/// The HTTP requests one app instance served in one completed minute: a count, the 5xx count and a duration histogram
/// with fixed bucket bounds, so that rates and the p95 can be computed across instances by summing rows.
/// (Instance, Minute) is unique: a retried flush cannot count a minute twice.
/// </summary>
public sealed class RequestMinute
{
    public long Id { get; set; }

    /// <summary>The instance's id, fixed for the life of its process.</summary>
    public required string Instance { get; set; }

    /// <summary>The start of the minute, UTC.</summary>
    public DateTimeOffset Minute { get; set; }

    public int Requests { get; set; }

    public int ServerErrors { get; set; }

    /// <summary>Sign-ups submitted in the minute (the form and <c>POST /api/readers</c>), for the status page's Sign-up component.</summary>
    public int SignupAttempts { get; set; }

    /// <summary>Sign-ups that failed on our side in the minute (an exception, a full queue, a confirmation email not sent).</summary>
    public int SignupErrors { get; set; }

    /// <summary>Requests per duration bucket, comma-separated, in the order of the app's fixed bucket bounds.</summary>
    public required string DurationBuckets { get; set; }
}
