using System.Globalization;
using Astropal.Data;
using Astropal.Web.Features.Audit;
using Astropal.Web.Features.Metrics;
using Astropal.Web.Features.Ops;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace Astropal.Web.Features.Alerts;

/// <summary>
/// The alerts page: episodes grouped as firing, pending, acknowledged, silenced and resolved (last 7 days), each with
/// its timeline and the operator's actions, and the rules in force. Refreshes every 30 seconds.
/// </summary>
public sealed partial class AlertsPage : IDisposable
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(30);

    private static readonly (string Group, string Title, string Empty)[] Groups =
    [
        ("firing", "Firing", "Nothing is firing."),
        ("pending", "Pending", "No condition is holding without having fired yet."),
        ("acknowledged", "Acknowledged", "No acknowledged alert is open."),
        ("silenced", "Silenced", "No alert is silenced."),
        ("resolved", "Resolved in the last 7 days", "Nothing resolved in the last 7 days."),
    ];

    private readonly CancellationTokenSource _cancellation = new();
    private readonly Dictionary<long, string> _custom = [];
    private IReadOnlyList<AlertEpisode> _episodes = [];
    private IReadOnlyList<(AlertRule Rule, double? Threshold)> _rules = [];
    private DateTimeOffset _at;
    private string? _message;
    private bool _failed;

    [Inject]
    private AlertOperations Operations { get; set; } = default!;

    [Inject]
    private AlertRules Rules { get; set; } = default!;

    [Inject]
    private MetricsReport Report { get; set; } = default!;

    [Inject]
    private IOptionsMonitor<AlertsOptions> Options { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    private DateTimeOffset TomorrowAt8 => new DateTimeOffset(_at.UtcDateTime.Date, TimeSpan.Zero).AddDays(1).AddHours(8);

    protected override async Task OnInitializedAsync() => await LoadAsync();

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender)
        {
            _ = ConsoleRefresh.WhileOpenAsync(RefreshInterval, Time, () => InvokeAsync(async () =>
            {
                await LoadAsync();
                StateHasChanged();
            }), _cancellation.Token);
        }
    }

    private async Task LoadAsync()
    {
        _at = Time.GetUtcNow();
        _episodes = await Operations.EpisodesAsync(_cancellation.Token);
        var rules = Rules.All();
        var thresholds = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        foreach (var metric in rules.Where(r => r.Threshold is null).Select(r => r.Metric).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            thresholds[metric] = (await Report.TargetOfAsync(metric, _cancellation.Token)).AlertThreshold;
        }

        _rules = rules.Select(r => (r, r.Threshold ?? (thresholds.TryGetValue(r.Metric, out var t) ? t : (double?)null))).ToList();
    }

    private string GroupOf(AlertEpisode episode) => episode switch
    {
        { ResolvedAt: not null } => "resolved",
        { SilencedUntil: { } until } when until > _at => "silenced",
        { AcknowledgedAt: not null } => "acknowledged",
        { State: AlertEpisodeState.Pending } => "pending",
        _ => "firing",
    };

    private async Task<string?> ActorAsync() =>
        AuthenticationState is null ? null : AuditLog.ActorOf((await AuthenticationState).User);

    private Task AcknowledgeAsync(long id) => ActAsync(actor => Operations.AcknowledgeAsync(id, actor, _cancellation.Token), "Acknowledged.");

    private Task UnsilenceAsync(long id) => ActAsync(actor => Operations.UnsilenceAsync(id, actor, _cancellation.Token), "Unsilenced.");

    private Task SilenceAsync(long id, DateTimeOffset until) =>
        ActAsync(actor => Operations.SilenceAsync(id, until, actor, _cancellation.Token), $"Silenced until {Utc(until)} UTC.");

    private async Task SilenceCustomAsync(long id)
    {
        var text = _custom.GetValueOrDefault(id)?.Trim();
        if (!DateTimeOffset.TryParseExact(text, ["yyyy-MM-dd HH:mm", "yyyy-MM-ddTHH:mm", "yyyy-MM-dd HH:mm:ss"], CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var until))
        {
            (_message, _failed) = ("Give the end of the silence as yyyy-MM-dd HH:mm (UTC), e.g. " + Utc(_at.AddHours(2)) + ".", true);
            return;
        }

        await SilenceAsync(id, until);
    }

    private async Task ActAsync(Func<string, Task<AlertActionOutcome>> action, string done)
    {
        if (await ActorAsync() is not { } actor)
        {
            return;
        }

        var outcome = await action(actor);
        (_message, _failed) = outcome.Succeeded ? (done, false) : (outcome.Error, true);
        await LoadAsync();
    }

    private static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static string Value(double? value) => value is { } v ? v.ToString("0.####", CultureInfo.InvariantCulture) : "no data";

    private static string Times(AlertEpisode e)
    {
        var text = "started " + Utc(e.StartedAt);
        if (e.FiredAt is { } fired)
        {
            text += ", fired " + Utc(fired);
        }

        if (e.ResolvedAt is { } resolved)
        {
            text += ", resolved " + Utc(resolved);
        }

        return text;
    }

    /// <summary>An icon per severity (the chip keeps the theme's text colours, which meet the contrast rules).</summary>
    private static string SeverityIcon(string severity) => severity switch
    {
        AlertSeverity.Critical => Icons.Material.Filled.Error,
        AlertSeverity.High => Icons.Material.Filled.Warning,
        AlertSeverity.Medium => Icons.Material.Filled.Info,
        _ => Icons.Material.Outlined.Info,
    };

    public void Dispose()
    {
        _cancellation.Cancel();
        _cancellation.Dispose();
    }
}
