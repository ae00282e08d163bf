namespace Astropal.Web.Features.Delivery;

/// <summary>
/// This instance's ledger writes (claims and outcomes) one at a time: SQLite has one writer, and a second one in the
/// same process would only wait for it in Microsoft.Data.Sqlite's busy loop, which sleeps a thread-pool thread per retry.
/// </summary>
public sealed class LedgerWriteGate : IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);

    /// <summary>Waits for the gate; dispose the result to open it again.</summary>
    public async ValueTask<Releaser> EnterAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        return new Releaser(gate);
    }

    public void Dispose() => gate.Dispose();

    public readonly struct Releaser(SemaphoreSlim gate) : IDisposable
    {
        public void Dispose() => gate.Release();
    }
}
