using Astropal.Web.Features.Audit;
using Astropal.Web.Features.Ops;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace Astropal.Web.Features.Metrics;

/// <summary>The live metrics page: a card per metric with its state and chart, the breakdowns, and the Admin's target edit.</summary>
public sealed partial class MetricsPage
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(30);

    private readonly CancellationTokenSource _cancellation = new();
    private IReadOnlyList<MetricReading> _readings = [];
    private Dictionary<string, MetricChart> _charts = [];
    private MetricBreakdowns? _breakdowns;
    private DateTimeOffset _at;
    private bool _week;
    private string? _editMetric = MetricNames.EmailOpenRate;
    private double _editTarget;
    private double _editAlert;
    private string? _editMessage;
    private bool _editFailed;

    [Inject]
    private MetricsReport Report { get; set; } = default!;

    [Inject]
    private MetricTargets Targets { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    protected override async Task OnInitializedAsync()
    {
        await LoadAsync();
        if (_readings.FirstOrDefault(r => r.Definition.Name == _editMetric) is { } first)
        {
            (_editTarget, _editAlert) = (first.Target.Target, first.Target.AlertThreshold);
        }
    }

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
        var token = _cancellation.Token;
        _at = Time.GetUtcNow();
        _readings = await Report.CurrentAsync(token);
        var from = _at - (_week ? TimeSpan.FromDays(7) : TimeSpan.FromHours(24));
        var charts = new Dictionary<string, MetricChart>();
        foreach (var reading in _readings)
        {
            var points = await Report.SeriesAsync(reading.Definition.Name, from, _at, token);
            charts[reading.Definition.Name] = MetricChart.Build(points, reading.Target, _at, _week);
        }

        _charts = charts;
        _breakdowns = await Report.BreakdownsAsync(token);
    }

    private async Task RangeAsync(bool week)
    {
        _week = week;
        await LoadAsync();
    }

    private async Task SaveTargetAsync()
    {
        var user = AuthenticationState is null ? null : (await AuthenticationState).User;
        if (user is null || _editMetric is null)
        {
            return;
        }

        var problem = await Targets.SetAsync(_editMetric, _editTarget, _editAlert, AuditLog.ActorOf(user), _cancellation.Token);
        _editFailed = problem is not null;
        _editMessage = problem ?? $"Saved: {_editMetric} now has target {_editTarget} and alert threshold {_editAlert}.";
        await LoadAsync();
    }

    private static string Sign(MetricTarget target, bool alert) => (target.Direction, alert) switch
    {
        (MetricDirection.HigherIsBetter, false) => "≥",
        (MetricDirection.HigherIsBetter, true) => "<",
        (MetricDirection.LowerIsBetter, false) => "≤",
        _ => ">",
    };

    // Outlined chips in the text colour with an icon per state: the filled success/warning colours fail WCAG contrast.
    private static string StateIcon(MetricState state) => state switch
    {
        MetricState.Ok => Icons.Material.Filled.CheckCircle,
        MetricState.Warning => Icons.Material.Filled.Warning,
        MetricState.Alert => Icons.Material.Filled.Error,
        _ => Icons.Material.Outlined.HelpOutline,
    };

    private static string StateText(MetricState state) => state switch
    {
        MetricState.Ok => "OK",
        MetricState.Warning => "Warning",
        MetricState.Alert => "Alert",
        _ => "No data",
    };

    public void Dispose()
    {
        _cancellation.Cancel();
        _cancellation.Dispose();
    }
}
