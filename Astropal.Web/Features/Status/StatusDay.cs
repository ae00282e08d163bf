using Astropal.Data;

namespace Astropal.Web.Features.Status;

/// <summary>One UTC day of a component's uptime bar: the worst state shown that day (null: no record yet) and the minutes not operational.</summary>
public sealed record StatusDay(DateOnly Day, ComponentState? Worst, int MinutesNotOperational);
