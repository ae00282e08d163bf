namespace Astropal.Web.Features.Incidents;

/// <summary>
/// Which readers an incident notice goes to: every active reader (both bounds null), or those whose morning email's local
/// delivery time falls in [<see cref="From"/>, <see cref="To"/>] today (e.g. 06:00–06:30: the readers whose 06:00 email is late).
/// </summary>
public sealed record ReaderNoticeAudience(TimeOnly? From, TimeOnly? To)
{
    public static ReaderNoticeAudience AllActive { get; } = new(null, null);

    public bool IsWindow => From is not null && To is not null;
}
