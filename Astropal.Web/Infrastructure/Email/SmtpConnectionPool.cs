using System.Collections.Concurrent;
using System.Net.Sockets;
using Astropal.Core.Email;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;

namespace Astropal.Web.Infrastructure.Email;

/// <summary>
/// Up to <c>Email:Smtp:PoolSize</c> connected, authenticated SMTP clients, reused across sends.
/// A client that failed is dropped and a new one opened on the next rent; one idle longer than
/// <c>Email:Smtp:IdleCheckSeconds</c> is checked with NOOP first (servers close idle sessions).
/// </summary>
internal sealed class SmtpConnectionPool : IAsyncDisposable
{
    private readonly EmailOptions.SmtpSettings settings;
    private readonly TimeProvider time;
    private readonly ILogger<SmtpConnectionPool> logger;
    private readonly SemaphoreSlim slots;
    private readonly ConcurrentQueue<PooledSmtpConnection> idle = new();
    private int opened;
    private bool disposed;

    public SmtpConnectionPool(IOptions<EmailOptions> options, TimeProvider time, ILogger<SmtpConnectionPool> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        settings = options.Value.Smtp;
        this.time = time;
        this.logger = logger;
        slots = new SemaphoreSlim(settings.PoolSize, settings.PoolSize);
    }

    /// <summary>How many connections this pool has opened since it started (reuse keeps it low).</summary>
    public int ConnectionsOpened => Volatile.Read(ref opened);

    /// <summary>Waits for a free slot and returns a usable connection; give it back with <see cref="Return"/>.</summary>
    public async Task<PooledSmtpConnection> RentAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        await slots.WaitAsync(cancellationToken);
        try
        {
            while (idle.TryDequeue(out var connection))
            {
                if (await IsUsableAsync(connection, cancellationToken))
                {
                    return connection;
                }

                await DiscardAsync(connection);
            }

            return await OpenAsync(cancellationToken);
        }
        catch
        {
            slots.Release();
            throw;
        }
    }

    /// <summary>Returns a rented connection; an unhealthy one is closed instead of reused.</summary>
    public void Return(PooledSmtpConnection connection, bool healthy)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (healthy && !disposed && connection.Client.IsConnected)
        {
            connection.LastUsed = time.GetTimestamp();
            idle.Enqueue(connection);
        }
        else
        {
            connection.Client.Dispose();
        }

        slots.Release();
    }

    public async ValueTask DisposeAsync()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        while (idle.TryDequeue(out var connection))
        {
            await DiscardAsync(connection);
        }

        // The semaphore is not disposed: a send still in flight at shutdown releases its slot into it.
    }

    private async Task<bool> IsUsableAsync(PooledSmtpConnection connection, CancellationToken cancellationToken)
    {
        if (!connection.Client.IsConnected)
        {
            return false;
        }

        if (time.GetElapsedTime(connection.LastUsed) < TimeSpan.FromSeconds(settings.IdleCheckSeconds))
        {
            return true;
        }

        try
        {
            await connection.Client.NoOpAsync(cancellationToken);
            return true;
        }
        catch (Exception ex) when (SmtpEmailSender.IsConnectionProblem(ex) && !cancellationToken.IsCancellationRequested)
        {
            EmailLog.NoOpFailed(logger, ex);
            return false;
        }
    }

    // A whole daily email (about 50 KB encoded) leaves in one send; below the large-object heap's 85 KB.
    private const int WriteBufferBytes = 64 * 1024;

    private async Task<PooledSmtpConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var client = new SmtpClient { Timeout = (int)TimeSpan.FromSeconds(settings.TimeoutSeconds).TotalMilliseconds };
        if (settings.TrustedFingerprint is { } pinned)
        {
            // A valid certificate, or exactly the pinned one (an internal relay's self-signed certificate).
            client.ServerCertificateValidationCallback = (_, certificate, _, errors) =>
                errors == System.Net.Security.SslPolicyErrors.None
                || (certificate is not null && string.Equals(
                    Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(certificate.GetRawCertData())), pinned, StringComparison.Ordinal));
        }

        try
        {
            var security = settings.Security switch
            {
                SmtpSecurity.None => SecureSocketOptions.None,
                SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
                _ => SecureSocketOptions.StartTls,
            };
            var host = settings.Host ?? throw new InvalidOperationException("Email:Smtp:Host is not set.");
            var timeout = TimeSpan.FromSeconds(settings.TimeoutSeconds);
            var socket = await ConnectSocketAsync(host, settings.Port, timeout, cancellationToken);
            // MailKit owns the stream from here (TLS goes over it; disconnecting disposes it and the socket).
            var stream = new CoalescingWriteStream(new NetworkStream(socket, ownsSocket: true), WriteBufferBytes, timeout, time);
            try
            {
                await client.ConnectAsync(stream, host, settings.Port, security, cancellationToken);
            }
            catch
            {
                await stream.DisposeAsync();
                throw;
            }

            if (!string.IsNullOrEmpty(settings.Username))
            {
                await client.AuthenticateAsync(settings.Username, settings.Password ?? string.Empty, cancellationToken);
            }

            Interlocked.Increment(ref opened);
            EmailLog.Opened(logger, settings.Host, settings.Port);
            return new PooledSmtpConnection(client) { LastUsed = time.GetTimestamp() };
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    // Nagle's algorithm holds back the small final write of each message until the server's
    // delayed ACK (~40 ms), capping a connection at ~20 messages/s; SMTP is request/response, so send at once.
    private async Task<Socket> ConnectSocketAsync(string host, int port, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        // A relay address that drops packets would otherwise take the operating system's connect timeout (minutes).
        using var timer = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        try
        {
            await socket.ConnectAsync(host, port, linked.Token);
            return socket;
        }
        catch (OperationCanceledException) when (timer.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            socket.Dispose();
            throw new TimeoutException($"No connection to {host}:{port} within {timeout.TotalSeconds:0.#} s (Email:Smtp:TimeoutSeconds).");
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static async Task DiscardAsync(PooledSmtpConnection connection)
    {
        try
        {
            if (connection.Client.IsConnected)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await connection.Client.DisconnectAsync(quit: true, timeout.Token);
            }
        }
        catch (Exception ex) when (SmtpEmailSender.IsConnectionProblem(ex))
        {
            // Closing a broken connection may fail too; it is disposed either way.
        }
        finally
        {
            connection.Client.Dispose();
        }
    }
}

internal sealed class PooledSmtpConnection(SmtpClient client)
{
    public SmtpClient Client { get; } = client;

    public long LastUsed { get; set; }
}
