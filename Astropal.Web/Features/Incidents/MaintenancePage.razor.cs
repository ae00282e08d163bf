using System.Globalization;
using Astropal.Data;
using Astropal.Web.Features.Audit;
using Astropal.Web.Features.Status;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace Astropal.Web.Features.Incidents;

/// <summary>The maintenance page: schedule a window (UTC, end after start, components), the active, upcoming and past windows, cancel.</summary>
public sealed partial class MaintenancePage : IDisposable
{
    private static readonly (string Group, string Title, string Empty)[] Groups =
    [
        ("active", "In progress", "No window is in progress."),
        ("upcoming", "Upcoming", "No window is scheduled."),
        ("past", "Past and cancelled (last 90 days)", "No window in the last 90 days."),
    ];

    private static readonly string[] TimeFormats = ["yyyy-MM-dd HH:mm", "yyyy-MM-ddTHH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm:ssZ", "yyyy-MM-ddTHH:mmZ"];

    private readonly CancellationTokenSource _cancellation = new();
    private readonly HashSet<string> _components = [];
    private IReadOnlyList<Maintenance> _windows = [];
    private DateTimeOffset _at;
    private string? _title;
    private string? _text;
    private string? _start;
    private string? _end;
    private string? _message;
    private bool _failed;
    private bool _busy;

    [Inject]
    private MaintenanceService Maintenance { get; set; } = default!;

    [Inject]
    private StatusComponentCatalog Catalog { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    protected override async Task OnInitializedAsync() => await LoadAsync();

    private async Task LoadAsync()
    {
        _at = Time.GetUtcNow();
        _windows = await Maintenance.ListAsync(_cancellation.Token);
    }

    private string GroupOf(Maintenance window) => MaintenanceService.PhaseOf(window, _at) switch
    {
        MaintenancePhase.Active => "active",
        MaintenancePhase.Upcoming => "upcoming",
        _ => "past",
    };

    private void Toggle(string key, bool on)
    {
        if (on)
        {
            _components.Add(key);
        }
        else
        {
            _components.Remove(key);
        }
    }

    private static DateTimeOffset? Parse(string? text) =>
        DateTimeOffset.TryParseExact(text?.Trim(), TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
            ? at
            : null;

    private async Task ScheduleAsync()
    {
        var start = Parse(_start);
        var end = Parse(_end);
        if (start is null || end is null)
        {
            (_message, _failed) = ($"Give the start and the end as yyyy-MM-dd HH:mm (UTC), e.g. {Utc(_at.AddDays(1))}.", true);
            return;
        }

        var components = Catalog.All.Where(c => _components.Contains(c.Key)).Select(c => c.Key).ToList();
        await ActAsync(actor => Maintenance.ScheduleAsync(new MaintenanceDraft(_title, _text, start, end, components), actor, _cancellation.Token), "Maintenance scheduled.", () =>
        {
            (_title, _text, _start, _end) = (null, null, null, null);
            _components.Clear();
        });
    }

    private Task CancelAsync(long id) => ActAsync(actor => Maintenance.CancelAsync(id, actor, _cancellation.Token), "Maintenance cancelled.", () => { });

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
            }

            await LoadAsync();
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
