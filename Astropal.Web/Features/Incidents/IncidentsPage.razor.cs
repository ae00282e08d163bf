using System.Globalization;
using Astropal.Data;
using Astropal.Web.Features.Alerts;
using Astropal.Web.Features.Audit;
using Astropal.Web.Features.Status;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace Astropal.Web.Features.Incidents;

/// <summary>
/// The incidents page: the new-incident form (severities with the launch plan's meanings, components and their state,
/// an optional reader notice; pre-filled from an alert episode with <c>?fromAlert=ID</c>) and the open and recently
/// resolved incidents.
/// </summary>
public sealed partial class IncidentsPage : IDisposable
{
    private readonly CancellationTokenSource _cancellation = new();
    private readonly Dictionary<string, string> _states = [];
    private IReadOnlyList<Incident> _open = [];
    private IReadOnlyList<Incident> _resolved = [];
    private AlertEpisode? _episode;
    private string? _title;
    private string _severity = nameof(IncidentSeverity.P3);
    private string _status = IncidentStatus.Investigating.Wire();
    private string? _message;
    private bool _notify;
    private bool _window;
    private string? _from;
    private string? _to;
    private string? _error;
    private bool _busy;

    [Inject]
    private IncidentService Incidents { get; set; } = default!;

    [Inject]
    private AlertOperations Alerts { get; set; } = default!;

    [Inject]
    private StatusComponentCatalog Catalog { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    /// <summary>The alert episode to open an incident from ("Open incident from this alert" on the alerts page).</summary>
    [SupplyParameterFromQuery(Name = "fromAlert")]
    public long? FromAlert { get; set; }

    protected override async Task OnInitializedAsync()
    {
        if (FromAlert is { } id && await Alerts.FindAsync(id, _cancellation.Token) is { } episode)
        {
            _episode = episode;
            _title = TitleOf(episode.Rule);
            _severity = IncidentSeverities.FromAlert(episode.Severity).ToString();
            if (ComponentOf(episode.Metric) is { } component)
            {
                _states[component] = ComponentState.PartialOutage.Wire();
            }
        }

        await LoadAsync();
    }

    /// <summary>A title from an alert rule's name: <c>email-delivery-issues</c> → "Email delivery issues".</summary>
    public static string TitleOf(string rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var words = rule.Replace('-', ' ').Replace('.', ' ').Replace('_', ' ').Trim();
        return words.Length == 0 ? rule : char.ToUpperInvariant(words[0]) + words[1..];
    }

    /// <summary>The component an alert's metric points at, if any (email → Email delivery, content/LLM → Content generation, registrations → Sign-up).</summary>
    public static string? ComponentOf(string metric) => metric switch
    {
        _ when metric.StartsWith("email.", StringComparison.OrdinalIgnoreCase) => StatusComponentKeys.EmailDelivery,
        _ when metric.StartsWith("content.", StringComparison.OrdinalIgnoreCase) || metric.StartsWith("llm.", StringComparison.OrdinalIgnoreCase) => StatusComponentKeys.ContentGeneration,
        _ when metric.StartsWith("user.registrations", StringComparison.OrdinalIgnoreCase) => StatusComponentKeys.SignUp,
        _ => null,
    };

    private async Task LoadAsync()
    {
        var all = await Incidents.ListAsync(IncidentListFilter.All, _cancellation.Token);
        _open = all.Where(i => i.ResolvedAt is null).ToList();
        _resolved = all.Where(i => i.ResolvedAt is not null).ToList();
    }

    private async Task OpenAsync()
    {
        if (AuthenticationState is null || _busy)
        {
            return;
        }

        ReaderNoticeAudience? audience = null;
        if (_notify)
        {
            if (!_window)
            {
                audience = ReaderNoticeAudience.AllActive;
            }
            else if (TimeOnly.TryParseExact(_from?.Trim(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
                     && TimeOnly.TryParseExact(_to?.Trim(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var to)
                     && from < to)
            {
                audience = new ReaderNoticeAudience(from, to);
            }
            else
            {
                _error = "Give the readers' delivery window as two local times, HH:mm, the first before the second (e.g. 06:00 and 06:30).";
                return;
            }
        }

        _busy = true;
        try
        {
            var actor = AuditLog.ActorOf((await AuthenticationState).User);
            var components = _states.Where(s => s.Value.Length > 0).ToDictionary(s => s.Key, s => s.Value);
            var outcome = await Incidents.OpenAsync(
                new IncidentDraft(_title, _severity, _status, _message, components, _episode is null ? null : [_episode.Id], audience),
                actor, _cancellation.Token);
            if (!outcome.Succeeded)
            {
                _error = outcome.Message;
                return;
            }

            Navigation.NavigateTo($"/ops/incidents/{outcome.Id}");
        }
        finally
        {
            _busy = false;
        }
    }

    private static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public void Dispose()
    {
        _cancellation.Cancel();
        _cancellation.Dispose();
    }
}
