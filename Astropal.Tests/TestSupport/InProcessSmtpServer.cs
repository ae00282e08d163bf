using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Authentication;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Astropal.Tests.TestSupport;

/// <summary>What the in-process server accepted: the raw bytes as sent, parsed, and the envelope.</summary>
internal sealed record ReceivedEmail(byte[] Raw, MimeMessage Message, string MailFrom, IReadOnlyList<string> RcptTo);

/// <summary>
/// A real SMTP server (SmtpServer 11.1.0) on a loopback port, for tests that send over a socket.
/// <see cref="RejectRecipient"/> lets a test answer RCPT TO with any reply code.
/// </summary>
internal sealed class InProcessSmtpServer : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly SmtpServer.SmtpServer server;
    private readonly Task running;
    private readonly ConcurrentQueue<ReceivedEmail> received = new();
    private int sessions;
    private int authentications;

    private InProcessSmtpServer(int port, string? username, string? password)
    {
        Port = port;
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(b => b
                .Endpoint(new IPEndPoint(IPAddress.Loopback, port))
                .AuthenticationRequired(username is not null)
                .AllowUnsecureAuthentication(username is not null))
            .Build();

        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        services.Add(new Filter(this));
        if (username is not null)
        {
            services.Add(new Authenticator(this, username, password ?? string.Empty));
        }

        server = new SmtpServer.SmtpServer(options, services);
        // A session counts once it greets (EHLO/HELO), so the readiness probe is not counted.
        server.SessionCreated += (_, e) => e.Context.CommandExecuting += (_, c) =>
        {
            if (c.Command is EhloCommand or HeloCommand)
            {
                Interlocked.Increment(ref sessions);
            }
        };
        running = server.StartAsync(stop.Token);
    }

    public int Port { get; }

    /// <summary>SMTP sessions (connections that said EHLO or HELO) so far.</summary>
    public int Sessions => Volatile.Read(ref sessions);

    public int Authentications => Volatile.Read(ref authentications);

    public IReadOnlyList<ReceivedEmail> Received => received.ToArray();

    /// <summary>Return a reply to reject RCPT TO for that address, or null to accept it.</summary>
    public Func<string, SmtpResponse?> RejectRecipient { get; set; } = _ => null;

    public static async Task<InProcessSmtpServer> StartAsync(int? port = null, string? username = null, string? password = null)
    {
        var server = new InProcessSmtpServer(port ?? FreePort(), username, password);
        await server.WaitUntilListeningAsync();
        return server;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        server.Shutdown();
        await Task.WhenAny(running, Task.Delay(TimeSpan.FromSeconds(5)));
        stop.Dispose();
    }

    private async Task WaitUntilListeningAsync()
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(20);
            }
        }

        throw new InvalidOperationException($"The in-process SMTP server did not listen on port {Port}.");
    }

    private sealed class Store(InProcessSmtpServer owner) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            var raw = buffer.ToArray();
            using var stream = new MemoryStream(raw);
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            owner.received.Enqueue(new ReceivedEmail(raw, message, transaction.From.AsAddress(), transaction.To.Select(t => t.AsAddress()).ToList()));
            return SmtpResponse.Ok;
        }
    }

    private sealed class Filter(InProcessSmtpServer owner) : IMailboxFilter
    {
        public Task<bool> CanAcceptFromAsync(ISessionContext context, IMailbox from, int size, CancellationToken cancellationToken) =>
            Task.FromResult(true);

        public Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken)
        {
            if (owner.RejectRecipient(to.AsAddress()) is { } response)
            {
                throw new SmtpResponseException(response);
            }

            return Task.FromResult(true);
        }
    }

    private sealed class Authenticator(InProcessSmtpServer owner, string username, string password) : IUserAuthenticator
    {
        public Task<bool> AuthenticateAsync(ISessionContext context, string user, string pass, CancellationToken cancellationToken)
        {
            var ok = user == username && pass == password;
            if (ok)
            {
                Interlocked.Increment(ref owner.authentications);
            }

            return Task.FromResult(ok);
        }
    }
}
