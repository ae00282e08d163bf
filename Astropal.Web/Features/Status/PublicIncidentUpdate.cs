using Astropal.Data;

namespace Astropal.Web.Features.Status;

/// <summary>A public update of an incident (never a note or anything operator-only).</summary>
public sealed record PublicIncidentUpdate(long Id, IncidentStatus Status, string Body, DateTimeOffset CreatedAt);
