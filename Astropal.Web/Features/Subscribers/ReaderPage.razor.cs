using System.Globalization;
using System.Text;
using System.Text.Json;
using Astropal.Core.Billing;
using Astropal.Web.Features.Audit;
using Astropal.Web.Features.Readers;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace Astropal.Web.Features.Subscribers;

/// <summary>One reader for operators: profile (birth data only on an audited reveal), consents, deliveries with engagement, and the actions of <see cref="ReaderOperations"/>.</summary>
public sealed partial class ReaderPage : IDisposable
{
    private readonly CancellationTokenSource _cancellation = new();
    private bool _loaded;
    private ReaderDetail? _reader;
    private RevealedBirthData? _birth;
    private ReaderActionResult? _message;
    private ReaderEmailPreview? _preview;
    private string? _exportJson;
    private bool _confirmDelete;
    private Tier _tier;
    private string? _dateText;

    [Parameter]
    public Guid Id { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    [Inject]
    private ReaderOperations Operations { get; set; } = null!;

    private string ExportHref => "data:application/json;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes(_exportJson ?? ""));

    protected override async Task OnParametersSetAsync()
    {
        await LoadAsync();
        _dateText = _reader?.LocalToday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    private async Task LoadAsync()
    {
        _reader = await Operations.DetailAsync(Id, _cancellation.Token);
        _tier = _reader?.Tier ?? Tier.Trial;
        _loaded = true;
    }

    private async Task<string> ActorAsync() =>
        AuthenticationState is null ? "unknown" : AuditLog.ActorOf((await AuthenticationState).User);

    private async Task RunAsync(Func<string, CancellationToken, Task<ReaderActionResult>> action)
    {
        _message = await action(await ActorAsync(), _cancellation.Token);
        await LoadAsync();
    }

    private Task PauseAsync() => RunAsync((actor, ct) => Operations.PauseAsync(Id, actor, ct));

    private Task ResumeAsync() => RunAsync((actor, ct) => Operations.ResumeAsync(Id, actor, ct));

    private Task SuppressAsync() => RunAsync((actor, ct) => Operations.SuppressAsync(Id, actor, ct));

    private Task UnsuppressAsync() => RunAsync((actor, ct) => Operations.UnsuppressAsync(Id, actor, ct));

    private Task SendPortalLinkAsync() => RunAsync((actor, ct) => Operations.SendPortalLinkAsync(Id, actor, ct));

    private Task ChangeTierAsync() => RunAsync((actor, ct) => Operations.ChangeTierAsync(Id, _tier, actor, ct));

    private async Task DeleteAsync()
    {
        _confirmDelete = false;
        await RunAsync((actor, ct) => Operations.DeleteAsync(Id, actor, ct));
    }

    private async Task ResendAsync()
    {
        if (ParseDate() is not { } date)
        {
            return;
        }

        await RunAsync((actor, ct) => Operations.ResendDayAsync(Id, date, actor, ct));
    }

    private async Task PreviewAsync()
    {
        if (ParseDate() is not { } date)
        {
            return;
        }

        _message = null;
        _preview = await Operations.PreviewDayAsync(Id, date, await ActorAsync(), _cancellation.Token);
    }

    private async Task ExportAsync()
    {
        var export = await Operations.ExportAsync(Id, await ActorAsync(), _cancellation.Token);
        _exportJson = export is null ? null : JsonSerializer.Serialize(export, ReaderData.Json);
        _message = export is null ? ReaderActionResult.NoSuchReader : ReaderActionResult.Ok("Export ready: download it below.");
    }

    private async Task RevealAsync() =>
        _birth = await Operations.RevealBirthDataAsync(Id, await ActorAsync(), _cancellation.Token);

    private DateOnly? ParseDate()
    {
        if (DateOnly.TryParseExact(_dateText?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        _message = ReaderActionResult.Refused($"The local date must be written yyyy-MM-dd (got '{_dateText}').");
        return null;
    }

    private static string When(DateTimeOffset? at) =>
        at?.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "";

    public void Dispose()
    {
        _cancellation.Cancel();
        _cancellation.Dispose();
    }
}
