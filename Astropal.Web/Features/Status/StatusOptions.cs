using Microsoft.Extensions.Options;

namespace Astropal.Web.Features.Status;

/// <summary>Settings of the <c>Status</c> section (the public status page).</summary>
public sealed class StatusOptions
{
    public const string SectionName = "Status";

    /// <summary>
    /// The components by key (<see cref="StatusComponentKeys"/>). Every key has a default name and order; configuration
    /// overrides either, e.g. <c>Status:Components:email-delivery:Name=Morning emails</c>.
    /// </summary>
    public Dictionary<string, StatusComponentOptions> Components { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        [StatusComponentKeys.Website] = new() { Name = "Website", Order = 1 },
        [StatusComponentKeys.SignUp] = new() { Name = "Sign-up", Order = 2 },
        [StatusComponentKeys.EmailDelivery] = new() { Name = "Email delivery", Order = 3 },
        [StatusComponentKeys.ContentGeneration] = new() { Name = "Content generation", Order = 4 },
        [StatusComponentKeys.Scheduler] = new() { Name = "Scheduler", Order = 5 },
        [StatusComponentKeys.Database] = new() { Name = "Database", Order = 6 },
    };

    /// <summary>The thresholds that derive each component's state from its health signals (<c>Status:Thresholds:*</c>).</summary>
    public StatusThresholds Thresholds { get; set; } = new();

    /// <summary>
    /// How old the in-memory public snapshot may get before a request rebuilds it in the background (other instances change
    /// the database too; this instance rebuilds at once after its own changes). Between 00:00:01 and 00:05:00.
    /// </summary>
    public TimeSpan SnapshotTtl { get; set; } = TimeSpan.FromSeconds(15);
}

/// <summary>Refuses unknown component keys, empty names and two components with the same name.</summary>
public sealed class StatusOptionsValidator : IValidateOptions<StatusOptions>
{
    public ValidateOptionsResult Validate(string? name, StatusOptions options)
    {
        var failures = new List<string>();
        foreach (var (key, component) in options.Components)
        {
            if (!StatusComponentKeys.All.Contains(key, StringComparer.OrdinalIgnoreCase))
            {
                failures.Add($"Status:Components:{key} is not a component; the components are {string.Join(", ", StatusComponentKeys.All)}.");
            }
            else if (string.IsNullOrWhiteSpace(component.Name))
            {
                failures.Add($"Status:Components:{key}:Name must not be empty.");
            }
            else if (component.Name.Length > 64)
            {
                failures.Add($"Status:Components:{key}:Name must be at most 64 characters.");
            }
        }

        if (options.SnapshotTtl < TimeSpan.FromSeconds(1) || options.SnapshotTtl > TimeSpan.FromMinutes(5))
        {
            failures.Add($"Status:SnapshotTtl must be between 00:00:01 and 00:05:00 (was {options.SnapshotTtl}).");
        }

        foreach (var (band, values, lowerIsWorse) in options.Thresholds.All())
        {
            var key = $"Status:Thresholds:{band}";
            if (!double.IsFinite(values.Degraded) || !double.IsFinite(values.Partial) || !double.IsFinite(values.Major) || values.Degraded < 0 || values.Partial < 0 || values.Major < 0)
            {
                failures.Add($"{key}: Degraded, Partial and Major must be numbers of at least 0.");
            }
            else if (lowerIsWorse && !(values.Degraded >= values.Partial && values.Partial >= values.Major && values.Degraded <= 1))
            {
                failures.Add($"{key}: a rate where lower is worse needs 1 >= Degraded >= Partial >= Major (was {values.Degraded}, {values.Partial}, {values.Major}).");
            }
            else if (!lowerIsWorse && !(values.Degraded <= values.Partial && values.Partial <= values.Major))
            {
                failures.Add($"{key}: needs Degraded <= Partial <= Major (was {values.Degraded}, {values.Partial}, {values.Major}).");
            }
        }

        foreach (var twice in options.Components.GroupBy(c => c.Value.Name.Trim(), StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            failures.Add($"Status:Components: the name '{twice.Key}' is given to {string.Join(" and ", twice.Select(c => c.Key))}; names must differ.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
