using System.Globalization;
using Astropal.Data;
using Astropal.Web.Features.Status;

namespace Astropal.Web.Features.Incidents;

/// <summary>
/// The checks shared by incidents and maintenance windows: field lengths, component names (key or shown name) and
/// states in the Statuspage spellings, and the forward-only status rule. Each failure is added under the API field name.
/// </summary>
public sealed class IncidentRules(StatusComponentCatalog catalog)
{
    public const int TitleLength = 200;
    public const int MessageLength = 4000;
    public const int NoteLength = 4000;
    public const int PostMortemLength = 50_000;

    /// <summary>A resolved incident can be reopened for this long after its resolution.</summary>
    public static readonly TimeSpan ReopenWithin = TimeSpan.FromDays(7);

    public StatusComponentCatalog Catalog => catalog;

    public static void Add(Dictionary<string, List<string>> errors, string field, string reason)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (!errors.TryGetValue(field, out var list))
        {
            errors[field] = list = [];
        }

        list.Add(reason);
    }

    public static IReadOnlyDictionary<string, string[]> Freeze(Dictionary<string, List<string>> errors) =>
        errors.ToDictionary(e => e.Key, e => e.Value.ToArray());

    /// <summary>Required text of at most <paramref name="length"/> characters; returns it trimmed.</summary>
    public static string Text(Dictionary<string, List<string>> errors, string field, string label, string? value, int length)
    {
        var text = value?.Trim() ?? "";
        if (text.Length == 0)
        {
            Add(errors, field, $"{label} is required.");
        }
        else if (text.Length > length)
        {
            Add(errors, field, string.Create(CultureInfo.InvariantCulture, $"{label} is {text.Length} characters long; at most {length} are allowed."));
        }

        return text;
    }

    public static IncidentSeverity Severity(Dictionary<string, List<string>> errors, string? value)
    {
        if (!IncidentSeverities.TryParse(value, out var severity))
        {
            Add(errors, "severity", string.IsNullOrWhiteSpace(value)
                ? "severity is required: P1, P2, P3 or P4."
                : $"'{value}' is not a severity; use P1 (critical), P2 (high), P3 (medium) or P4 (low).");
        }

        return severity;
    }

    /// <summary>An incident status in the Statuspage spelling; <paramref name="fallback"/> when none is given (null: required).</summary>
    public static IncidentStatus Status(Dictionary<string, List<string>> errors, string? value, IncidentStatus? fallback)
    {
        if (string.IsNullOrWhiteSpace(value) && fallback is { } given)
        {
            return given;
        }

        if (!StatusWireNames.TryParseIncidentStatus(value, out var status))
        {
            Add(errors, "status", string.IsNullOrWhiteSpace(value)
                ? $"status is required: one of {string.Join(", ", StatusWireNames.IncidentStatusNames)}."
                : $"'{value}' is not an incident status; use one of {string.Join(", ", StatusWireNames.IncidentStatusNames)}.");
        }

        return status;
    }

    /// <summary>Components by key or name with their state; each resolved to its key, each once.</summary>
    public Dictionary<string, ComponentState> ComponentStates(Dictionary<string, List<string>> errors, IReadOnlyDictionary<string, string>? given)
    {
        var result = new Dictionary<string, ComponentState>(StringComparer.Ordinal);
        foreach (var (name, stateText) in given ?? new Dictionary<string, string>())
        {
            if (!catalog.TryFind(name ?? "", out var component))
            {
                Add(errors, "components", UnknownComponent(name));
                continue;
            }

            if (!StatusWireNames.TryParseComponentState(stateText, out var state))
            {
                Add(errors, "components." + component.Name,
                    $"'{stateText}' is not a component status for {component.Name}; use one of {string.Join(", ", StatusWireNames.ComponentStateNames)}.");
                continue;
            }

            if (!result.TryAdd(component.Key, state))
            {
                Add(errors, "components", $"{component.Name} is given twice.");
            }
        }

        return result;
    }

    /// <summary>Component keys from keys or names, each once; at least one when <paramref name="required"/>.</summary>
    public List<string> Components(Dictionary<string, List<string>> errors, IReadOnlyList<string>? given, bool required)
    {
        var keys = new List<string>();
        foreach (var name in given ?? [])
        {
            if (!catalog.TryFind(name ?? "", out var component))
            {
                Add(errors, "components", UnknownComponent(name));
            }
            else if (keys.Contains(component.Key))
            {
                Add(errors, "components", $"{component.Name} is given twice.");
            }
            else
            {
                keys.Add(component.Key);
            }
        }

        if (required && keys.Count == 0 && !errors.ContainsKey("components"))
        {
            Add(errors, "components", $"Name at least one component: {Names}.");
        }

        return keys;
    }

    /// <summary>
    /// Whether an incident at <paramref name="current"/> may take <paramref name="next"/>: only forward (or the same); from
    /// resolved back to an open status within <see cref="ReopenWithin"/> of its resolution. Null: allowed; else the reason.
    /// </summary>
    public static string? Transition(IncidentStatus current, DateTimeOffset? resolvedAt, IncidentStatus next, DateTimeOffset now)
    {
        if (current == IncidentStatus.Resolved && next != IncidentStatus.Resolved)
        {
            return resolvedAt is { } at && now - at > ReopenWithin
                ? $"This incident was resolved on {at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC, more than 7 days ago; it can no longer be reopened. Open a new incident."
                : null;
        }

        return next < current
            ? $"The status can only move forward (investigating → identified → monitoring → resolved); this incident is {current.Wire()}, so it cannot go back to {next.Wire()}."
            : null;
    }

    private string Names => string.Join(", ", catalog.All.Select(c => c.Name));

    private string UnknownComponent(string? name) =>
        $"'{name}' is not a component; the components are {Names} (or their keys: {string.Join(", ", catalog.All.Select(c => c.Key))}).";
}
