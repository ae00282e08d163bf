using System.Globalization;
using Astropal.Core.Readers;
using Astropal.Web.Features.Audit;
using Astropal.Web.Features.Subscribers;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace Astropal.Web.Features.Beta;

public sealed partial class BetaPage
{
    private readonly CancellationTokenSource _cancellation = new();
    private BetaOverview? _overview;
    private string? _message;
    private Severity _messageSeverity = Severity.Success;
    private bool _busy;
    private ReaderEmailPreview? _preview;
    private string? _previewFor;

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    protected override Task OnInitializedAsync() => LoadAsync();

    private async Task LoadAsync() => _overview = await Beta.LoadAsync(_cancellation.Token);

    private async Task ResendAsync(BetaReaderRow row)
    {
        _busy = true;
        try
        {
            var actor = await ActorAsync();
            var result = await Invitations.ResendAsync(row.ReaderId, actor, _cancellation.Token);
            (_message, _messageSeverity) = result switch
            {
                InvitationResend.Sent => ($"A new invitation is on its way to {row.Email}.", Severity.Success),
                InvitationResend.NotInvited => ($"{row.Email} is no longer invited; nothing was sent.", Severity.Info),
                _ => ($"The invitation to {row.Email} could not be sent. Try again in a few minutes.", Severity.Error),
            };
            await LoadAsync();
        }
        finally
        {
            _busy = false;
        }
    }

    /// <summary>The reader's own today: the newest day of their 7-day strip, computed in their time zone.</summary>
    private static DateOnly TodayOf(BetaReaderRow row) => row.LastSevenDays[^1].Date;

    private async Task<string> ActorAsync() =>
        AuthenticationState is null ? "unknown" : AuditLog.ActorOf((await AuthenticationState).User);

    private async Task PreviewTodayAsync(BetaReaderRow row)
    {
        _busy = true;
        try
        {
            _preview = await Operations.PreviewDayAsync(row.ReaderId, TodayOf(row), await ActorAsync(), _cancellation.Token);
            _previewFor = row.Email;
        }
        finally
        {
            _busy = false;
        }
    }

    private Task ResendTodayAsync(BetaReaderRow row) =>
        ActAsync(async actor => await Operations.ResendDayAsync(row.ReaderId, TodayOf(row), actor, _cancellation.Token));

    private Task PauseAsync(BetaReaderRow row, bool pause) =>
        ActAsync(async actor => pause
            ? await Operations.PauseAsync(row.ReaderId, actor, _cancellation.Token)
            : await Operations.ResumeAsync(row.ReaderId, actor, _cancellation.Token));

    private async Task ActAsync(Func<string, Task<ReaderActionResult>> action)
    {
        _busy = true;
        try
        {
            var result = await action(await ActorAsync());
            (_message, _messageSeverity) = (result.Message, result.Done ? Severity.Success : Severity.Warning);
            await LoadAsync();
        }
        finally
        {
            _busy = false;
        }
    }

    internal static string StatusName(ReaderStatus status) => status.ToString().ToLowerInvariant();

    internal static string MarkName(DayMark mark) => mark switch
    {
        DayMark.NotDue => "not due",
        _ => mark.ToString().ToLowerInvariant(),
    };

    private static string Symbol(DayMark mark) => mark switch
    {
        DayMark.Sent => "✓",
        DayMark.Failed => "✗",
        DayMark.Skipped => "–",
        DayMark.Pending => "…",
        _ => "·",
    };

    private static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public void Dispose()
    {
        _cancellation.Cancel();
        _cancellation.Dispose();
    }
}
