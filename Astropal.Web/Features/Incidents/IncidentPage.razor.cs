using System.Globalization;
using Astropal.Data;
using Astropal.Web.Features.Audit;
using Astropal.Web.Features.Status;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace Astropal.Web.Features.Incidents;

/// <summary>
/// One incident: the timeline of public updates, the update form (status forward only; reopening within 7 days of the
/// resolution), the reader notice panel, internal notes, linked alert episodes and the post-mortem editor after resolution.
/// </summary>
public sealed partial class IncidentPage : IDisposable
{
    private readonly CancellationTokenSource _cancellation = new();
    private readonly Dictionary<string, string> _states = [];
    private Incident? _incident;
    private IReadOnlyList<AlertEpisode> _episodes = [];
    private bool _loaded;
    private string _status = "";
    private string? _updateMessage;
    private string? _note;
    private string? _postMortem;
    private string? _link;
    private string? _message;
    private bool _failed;
    private bool _busy;

    [Parameter]
    public long Id { get; set; }

    [Inject]
    private IncidentService Incidents { get; set; } = default!;

    [Inject]
    private StatusComponentCatalog Catalog { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    protected override async Task OnParametersSetAsync() => await LoadAsync();

    /// <summary>The statuses an update may set: the current one and later ones; a resolved incident reopens to an open one.</summary>
    public static IEnumerable<IncidentStatus> NextStatuses(Incident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        return incident.Status == IncidentStatus.Resolved
            ? [IncidentStatus.Investigating, IncidentStatus.Identified, IncidentStatus.Monitoring]
            : Enum.GetValues<IncidentStatus>().Where(s => s >= incident.Status);
    }

    private async Task LoadAsync()
    {
        _incident = await Incidents.FindAsync(Id, _cancellation.Token);
        _episodes = _incident is null ? [] : await Incidents.LinkedEpisodesAsync(Id, _cancellation.Token);
        _loaded = true;
        _states.Clear();
        if (_incident is not null)
        {
            _status = NextStatuses(_incident).First().Wire();
            _postMortem = _incident.PostMortem;
        }
    }

    private Task PostUpdateAsync() => ActAsync(
        actor => Incidents.PostUpdateAsync(Id,
            new IncidentUpdateDraft(_status, _updateMessage, _states.Where(s => s.Value.Length > 0).ToDictionary(s => s.Key, s => s.Value), _incident?.Version),
            actor, _cancellation.Token),
        "Update posted.",
        () => _updateMessage = null);

    private Task AddNoteAsync() => ActAsync(actor => Incidents.AddNoteAsync(Id, _note, actor, _cancellation.Token), "Note added.", () => _note = null);

    private Task SavePostMortemAsync() => ActAsync(actor => Incidents.SavePostMortemAsync(Id, _postMortem, actor, _cancellation.Token), "Post-mortem saved.", () => { });

    private Task UnlinkAsync(long episodeId) => ActAsync(actor => Incidents.UnlinkAlertAsync(Id, episodeId, actor, _cancellation.Token), "Alert episode unlinked.", () => { });

    private async Task LinkAsync()
    {
        if (!long.TryParse(_link?.Trim().TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out var episodeId))
        {
            (_message, _failed) = ("Give the alert episode's number (as on the alerts page).", true);
            return;
        }

        await ActAsync(actor => Incidents.LinkAlertAsync(Id, episodeId, actor, _cancellation.Token), "Alert episode linked.", () => _link = null);
    }

    private async Task ActAsync(Func<string, Task<IncidentOutcome>> action, string done, Action cleared)
    {
        if (AuthenticationState is null || _busy)
        {
            return;
        }

        _busy = true;
        try
        {
            var outcome = await action(AuditLog.ActorOf((await AuthenticationState).User));
            (_message, _failed) = outcome.Succeeded ? (done, false) : (outcome.Message, true);
            if (outcome.Succeeded)
            {
                cleared();
                await LoadAsync();
            }
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
