using Astropal.Data;

namespace Astropal.Web.Features.Status;

/// <summary>A component as the public page shows it: its shown state since when, and its 90-day bar (oldest day first).</summary>
public sealed record StatusComponentView(string Key, string Name, int Position, ComponentState State, DateTimeOffset UpdatedAt, IReadOnlyList<StatusDay> Days);
