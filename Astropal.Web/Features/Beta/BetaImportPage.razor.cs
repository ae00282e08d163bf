using Astropal.Web.Features.Audit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;

namespace Astropal.Web.Features.Beta;

/// <summary>The console's import: upload, preview (a dry run), then confirm (the import, audited as the signed-in operator).</summary>
public sealed partial class BetaImportPage
{
    private readonly CancellationTokenSource _cancellation = new();
    private byte[]? _file;
    private string? _fileName;
    private BetaImportResult? _result;
    private BetaImportError? _error;
    private bool _busy;

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    private async Task ChooseAsync(InputFileChangeEventArgs e)
    {
        Reset();
        if (e.File.Size > BetaFile.MaxBytes)
        {
            _error = new BetaImportError(null, null, $"The file is larger than {BetaFile.MaxBytes / 1024} KB.");
            return;
        }

        _busy = true;
        try
        {
            using var buffer = new MemoryStream();
            await using (var upload = e.File.OpenReadStream(BetaFile.MaxBytes, _cancellation.Token))
            {
                await upload.CopyToAsync(buffer, _cancellation.Token);
            }

            _file = buffer.ToArray();
            _fileName = e.File.Name;
            await RunAsync(dryRun: true);
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task ConfirmAsync()
    {
        if (_file is null)
        {
            return;
        }

        _busy = true;
        try
        {
            await RunAsync(dryRun: false);
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task RunAsync(bool dryRun)
    {
        var actor = AuthenticationState is null ? "unknown" : AuditLog.ActorOf((await AuthenticationState).User);
        using var stream = new MemoryStream(_file!, writable: false);
        _result = await Import.ImportAsync(stream, _fileName, dryRun, actor, _cancellation.Token);
        _error = _result.Error;
    }

    private void Reset()
    {
        _file = null;
        _fileName = null;
        _result = null;
        _error = null;
    }

    public void Dispose()
    {
        _cancellation.Cancel();
        _cancellation.Dispose();
    }
}
