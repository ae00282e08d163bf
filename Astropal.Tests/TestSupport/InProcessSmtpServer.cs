using System.Buffers;
using System.Collections.Concurrent;
using System.IO.Pipelines;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Authentication;
using SmtpServer.IO;
using SmtpServer.Mail;
using SmtpServer.Net;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Astropal.Tests.TestSupport;

/// <summary>What the in-process server accepted: the raw bytes as sent (parsed on first use) and the envelope.</summary>
internal sealed record ReceivedEmail(byte[] Raw, string MailFrom, IReadOnlyList<string> RcptTo)
{
    private readonly Lazy<MimeMessage> message = new(() =>
    {
        using var stream = new MemoryStream(Raw);
        return MimeMessage.Load(stream);
    });

    public MimeMessage Message => message.Value;
}

/// <summary>
/// A real SMTP server (SmtpServer 11.1.0) on a loopback port, for tests that send over a socket.
/// <see cref="RejectRecipient"/> lets a test answer RCPT TO with any reply code. It counts every Message-ID it
/// accepts, so a load run (the delivery benchmark links this file) can use it as a sink that reports duplicates.
/// </summary>
internal sealed class InProcessSmtpServer : IAsyncDisposable
{
    private static readonly byte[] MessageIdHeader = System.Text.Encoding.ASCII.GetBytes("\r\nMessage-Id:");

    private readonly CancellationTokenSource stop = new();
    private readonly SmtpServer.SmtpServer server;
    private readonly Task running;
    private readonly TcpListener listener;
    private readonly ConcurrentQueue<ReceivedEmail> received = new();
    private readonly ConcurrentDictionary<string, int> messageIds = new(StringComparer.Ordinal);
    private readonly Lock arrivalLock = new();
    private TaskCompletionSource arrival = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int sessions;
    private int openSessions;
    private int receivedCount;
    private int duplicates;
    private int withoutMessageId;
    private int authentications;

    private InProcessSmtpServer(int port, string? username, string? password, X509Certificate2? certificate = null, bool implicitTls = false)
    {
        // Bound here, before SmtpServer starts: the socket accepts connections (into its backlog) as soon as the
        // constructor returns, so nobody polls for readiness, and port 0 takes a free port without a race.
        listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(b =>
            {
                b.Endpoint(new IPEndPoint(IPAddress.Loopback, Port))
                    .AuthenticationRequired(username is not null)
                    .AllowUnsecureAuthentication(username is not null);
                if (certificate is not null)
                {
                    // With a certificate the server offers STARTTLS, or (implicit TLS) speaks TLS from the first byte.
                    b.Certificate(certificate).IsSecure(implicitTls);
                }
            })
            .Build();

        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new NoDelayListenerFactory(listener));
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
        server.SessionCreated += (_, _) => Interlocked.Increment(ref openSessions);
        server.SessionCompleted += (_, _) => Interlocked.Decrement(ref openSessions);
        server.SessionFaulted += (_, _) => Interlocked.Decrement(ref openSessions);
        server.SessionCancelled += (_, _) => Interlocked.Decrement(ref openSessions);
        running = server.StartAsync(stop.Token);
    }

    public int Port { get; }

    /// <summary>SMTP sessions (connections that said EHLO or HELO) so far.</summary>
    public int Sessions => Volatile.Read(ref sessions);

    /// <summary>Connections the server is still serving (a message being read or stored keeps its session open).</summary>
    public int OpenSessions => Volatile.Read(ref openSessions);

    public int Authentications => Volatile.Read(ref authentications);

    public IReadOnlyList<ReceivedEmail> Received => received.ToArray();

    /// <summary>Messages accepted so far (also counted when <see cref="KeepMessages"/> is off).</summary>
    public int ReceivedCount => Volatile.Read(ref receivedCount);

    /// <summary>
    /// The kept messages once there are at least <paramref name="count"/>: woken by each arrival, no polling.
    /// <paramref name="limit"/> only bounds a failing test.
    /// </summary>
    public async Task<IReadOnlyList<ReceivedEmail>> WaitForMessagesAsync(int count, TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        while (true)
        {
            Task next;
            lock (arrivalLock)
            {
                next = arrival.Task;
            }

            var now = Received;
            if (now.Count >= count)
            {
                return now;
            }

            try
            {
                await next.WaitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Expected {count} messages over SMTP within {limit}, got {Received.Count}.");
            }
        }
    }

    private void SignalArrival()
    {
        TaskCompletionSource arrived;
        lock (arrivalLock)
        {
            arrived = arrival;
            arrival = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        arrived.TrySetResult();
    }

    /// <summary>Keep each message's bytes (tests); turn off to use the server as a sink for load runs.</summary>
    public bool KeepMessages { get; set; } = true;

    /// <summary>Messages whose Message-ID the server had already accepted (a resend of the same email).</summary>
    public int Duplicates => Volatile.Read(ref duplicates);

    /// <summary>Messages accepted without a Message-ID header.</summary>
    public int WithoutMessageId => Volatile.Read(ref withoutMessageId);

    /// <summary>How many times each Message-ID (without angle brackets) was accepted.</summary>
    public IReadOnlyDictionary<string, int> MessageIdCounts => new Dictionary<string, int>(messageIds, StringComparer.Ordinal);

    /// <summary>How long the server takes to store a message before it answers the DATA (a slow relay).</summary>
    public TimeSpan MessageDelay { get; set; } = TimeSpan.Zero;

    /// <summary>Return a reply to reject RCPT TO for that address, or null to accept it.</summary>
    public Func<string, SmtpResponse?> RejectRecipient { get; set; } = _ => null;

    public static Task<InProcessSmtpServer> StartAsync(int? port = null, string? username = null, string? password = null) =>
        Task.FromResult(new InProcessSmtpServer(port ?? 0, username, password));

    /// <summary>A server with a TLS certificate: STARTTLS offered, or with <paramref name="implicitTls"/> TLS from the first byte (port 465 style).</summary>
    public static Task<InProcessSmtpServer> StartWithTlsAsync(X509Certificate2 certificate, bool implicitTls) =>
        Task.FromResult(new InProcessSmtpServer(0, null, null, certificate, implicitTls));

    /// <summary>A self-signed certificate for <c>localhost</c> and 127.0.0.1, with its private key.</summary>
    public static X509Certificate2 SelfSignedCertificate()
    {
        using var key = System.Security.Cryptography.RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new System.Security.Cryptography.Oid("1.3.6.1.5.5.7.3.1")], false));
        // Validity against the real clock: TLS checks it with the machine's time.
        var now = TimeProvider.System.GetUtcNow();
        using var created = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(30));
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
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
        listener.Stop(); // also when the server never took it, so the port is free for a restart on it
        stop.Dispose();
    }

    // Replies go out at once: with Nagle on, pipelined replies wait for the client's delayed ACK
    // (~40 ms a message). The library's own listener does not set TCP_NODELAY, so this one does.
    private sealed class NoDelayListenerFactory(TcpListener listener) : IEndpointListenerFactory
    {
        public IEndpointListener CreateListener(IEndpointDefinition endpointDefinition) => new NoDelayListener(listener);
    }

    private sealed class NoDelayListener(TcpListener listener) : IEndpointListener
    {
        public async Task<ISecurableDuplexPipe> GetPipeAsync(ISessionContext context, CancellationToken cancellationToken)
        {
            var client = await listener.AcceptTcpClientAsync(cancellationToken);
            client.NoDelay = true;
            context.Properties[EndpointListener.LocalEndPointKey] = client.Client.LocalEndPoint!;
            context.Properties[EndpointListener.RemoteEndPointKey] = client.Client.RemoteEndPoint!;
            return new SocketPipe(client);
        }

        public void Dispose() => listener.Stop();
    }

    private sealed class SocketPipe : ISecurableDuplexPipe
    {
        private readonly TcpClient client;
        private System.Net.Security.SslStream? tls;

        public SocketPipe(TcpClient client)
        {
            this.client = client;
            (Input, Output) = Pipes(client.GetStream());
        }

        public PipeReader Input { get; private set; }

        public PipeWriter Output { get; private set; }

        public bool IsSecure => tls is not null;

        public SslProtocols SslProtocol => tls?.SslProtocol ?? SslProtocols.None;

        /// <summary>STARTTLS, or the start of an implicit-TLS session: the rest of the session runs over TLS.</summary>
        public async Task UpgradeAsync(X509Certificate certificate, SslProtocols protocols, CancellationToken cancellationToken = default)
        {
            tls = new System.Net.Security.SslStream(client.GetStream(), leaveInnerStreamOpen: true);
            await tls.AuthenticateAsServerAsync(
                new System.Net.Security.SslServerAuthenticationOptions { ServerCertificate = certificate, EnabledSslProtocols = protocols },
                cancellationToken);
            (Input, Output) = Pipes(tls);
        }

        public void Dispose()
        {
            tls?.Dispose();
            client.Dispose();
        }

        // Reads of up to 64 KB, as a mail server's: a message arrives in a few receives rather than one per 4 KB.
        private static (PipeReader, PipeWriter) Pipes(Stream stream) =>
            (PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: 64 * 1024, minimumReadSize: 16 * 1024)), PipeWriter.Create(stream));
    }

    private sealed class Store(InProcessSmtpServer owner) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref owner.receivedCount);
            if (FindMessageId(buffer) is { } id)
            {
                if (owner.messageIds.AddOrUpdate(id, 1, (_, n) => n + 1) > 1)
                {
                    Interlocked.Increment(ref owner.duplicates);
                }
            }
            else
            {
                Interlocked.Increment(ref owner.withoutMessageId);
            }

            if (owner.KeepMessages)
            {
                owner.received.Enqueue(new ReceivedEmail(buffer.ToArray(), transaction.From.AsAddress(), transaction.To.Select(t => t.AsAddress()).ToList()));
            }

            owner.SignalArrival();

            if (owner.MessageDelay > TimeSpan.Zero)
            {
                await Task.Delay(owner.MessageDelay, cancellationToken);
            }

            return SmtpResponse.Ok;
        }
    }

    /// <summary>The Message-ID header's value without angle brackets (headers only; name case-insensitive), or null.</summary>
    internal static string? FindMessageId(ReadOnlySequence<byte> buffer)
    {
        // Headers end at the first blank line; search a bounded prefix, with a leading CRLF so the first line matches too.
        var length = (int)Math.Min(buffer.Length, 16 * 1024);
        var bytes = new byte[length + 2];
        bytes[0] = (byte)'\r';
        bytes[1] = (byte)'\n';
        buffer.Slice(0, length).CopyTo(bytes.AsSpan(2));
        var span = bytes.AsSpan();
        var end = span.IndexOf("\r\n\r\n"u8);
        if (end >= 0)
        {
            span = span[..(end + 2)];
        }

        for (var at = span.IndexOf((byte)'\r'); at >= 0 && at + MessageIdHeader.Length <= span.Length; at = span.IndexOf((byte)'\r'))
        {
            var candidate = span[at..];
            if (System.Text.Ascii.EqualsIgnoreCase(candidate[..MessageIdHeader.Length], MessageIdHeader))
            {
                // The value runs to the first line break not followed by folding whitespace.
                var value = candidate[MessageIdHeader.Length..];
                var lineEnd = value.IndexOf("\r\n"u8);
                while (lineEnd >= 0 && lineEnd + 2 < value.Length && value[lineEnd + 2] is (byte)' ' or (byte)'\t')
                {
                    var next = value[(lineEnd + 2)..].IndexOf("\r\n"u8);
                    lineEnd = next < 0 ? -1 : lineEnd + 2 + next;
                }

                var text = System.Text.Encoding.ASCII.GetString(lineEnd >= 0 ? value[..lineEnd] : value);
                return text.Replace("\r\n", string.Empty, StringComparison.Ordinal).Trim().Trim('<', '>');
            }

            span = span[(at + 1)..];
        }

        return null;
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
