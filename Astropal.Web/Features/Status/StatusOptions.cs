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

        foreach (var twice in options.Components.GroupBy(c => c.Value.Name.Trim(), StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            failures.Add($"Status:Components: the name '{twice.Key}' is given to {string.Join(" and ", twice.Select(c => c.Key))}; names must differ.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
