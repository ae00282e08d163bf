using System.Globalization;
using Astropal.Core.Email;
using Astropal.Web.Features.Audit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace Astropal.Web.Features.Content;

public sealed partial class ContentPage
{
    private const int SegmentRows = 500;
    private readonly CancellationTokenSource _cancellation = new();
    private ContentToday? _today;
    private DistinctnessReport? _distinctness;
    private string? _distinctnessError;
    private bool _measuring;
    private string? _query;
    private string? _date;
    private bool _searched;
    private IReadOnlyList<PreviewReader> _matches = [];
    private RenderedEmail? _preview;
    private string? _previewLabel;
    private string? _previewError;

    [Inject]
    private ContentConsole Console { get; set; } = default!;

    [Inject]
    private AuditLog Audit { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    protected override async Task OnInitializedAsync() =>
        _today = await Console.TodayAsync(SegmentRows, _cancellation.Token);

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            await MeasureAsync();
        }
    }

    private async Task MeasureAsync()
    {
        _measuring = true;
        _distinctnessError = null;
        try
        {
            _distinctness = await Console.DistinctnessAsync(_cancellation.Token);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _distinctness = null;
            _distinctnessError = "The figure could not be measured: " + ex.Message;
        }
        finally
        {
            _measuring = false;
        }

        StateHasChanged();
    }

    private async Task FindAsync()
    {
        _matches = await Console.FindReadersAsync(_query ?? "", _cancellation.Token);
        _searched = true;
        if (_matches.Count == 1 && string.IsNullOrWhiteSpace(_date))
        {
            _date = Day(_matches[0].LocalToday);
        }
    }

    private async Task PreviewAsync(PreviewReader reader, EmailTemplate kind)
    {
        _preview = null;
        _previewError = null;
        var date = reader.LocalToday;
        if (!string.IsNullOrWhiteSpace(_date)
            && !DateOnly.TryParseExact(_date.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            _previewError = $"“{_date}” is not a date: write it as yyyy-MM-dd, e.g. 2026-12-01.";
            return;
        }

        var result = await Console.PreviewAsync(reader.Id, kind, date, _cancellation.Token);
        if (result.Email is not null)
        {
            // Seeing a reader's email is seeing their data: recorded like any other operator action.
            var user = AuthenticationState is null ? null : (await AuthenticationState).User;
            await Audit.RecordAsync(user is null ? "unknown" : AuditLog.ActorOf(user), "content.previewed", $"reader {reader.Id}", $"{kind} email for {Day(date)}", _cancellation.Token);
        }

        _preview = result.Email;
        _previewError = result.Error;
        _previewLabel = $"{kind} email of {reader.Email ?? reader.Id.ToString()} for {Day(date)}";
    }

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Usd(decimal amount) => "$" + amount.ToString(amount < 1 ? "0.0000" : "N2", CultureInfo.InvariantCulture);

    private static string Ratio(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);

    public void Dispose()
    {
        _cancellation.Cancel();
        _cancellation.Dispose();
    }
}
