using Astropal.Core.Readers;

namespace Astropal.Web.Features.Beta;

/// <summary>One beta reader as the beta page shows it.</summary>
public sealed record BetaReaderRow(
    Guid ReaderId,
    string Email,
    string? Name,
    ReaderStatus Status,
    PerspectiveId Perspective,
    IReadOnlyList<FocusAreaId> FocusAreas,
    string Locale,
    DateTimeOffset? InvitedAt,
    DateTimeOffset? InvitationAcceptedAt,
    IReadOnlyList<(DateOnly Date, DayMark Mark)> LastSevenDays,
    int Opens,
    int Clicks);
