using System.Buffers;
using System.Collections.Concurrent;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using SmtpServer;
using SmtpServer.IO;
using SmtpServer.Net;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Astropal.Benchmarks.Delivery;

/// <summary>
/// A real SMTP server (SmtpServer) on a loopback port that keeps nothing: it counts messages and
/// the Message-IDs it has seen, to report duplicates. Modelled on the tests' in-process server.
/// </summary>
internal sealed class SmtpSink : IAsyncDisposable
{
    private static readonly byte[] MessageIdHeader = Encoding.ASCII.GetBytes("\r\nMessage-Id:");

    private readonly CancellationTokenSource stop = new();
    private readonly SmtpServer.SmtpServer server;
    private readonly Task running;
    private readonly ConcurrentDictionary<string, byte> messageIds = new(StringComparer.Ordinal);
    private int receivedCount;
    private int duplicates;
    private int withoutMessageId;

    private SmtpSink(int port)
    {
        Port = port;
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(b => b.Endpoint(new IPEndPoint(IPAddress.Loopback, port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new NoDelayListenerFactory());
        services.Add(new Store(this));
        server = new SmtpServer.SmtpServer(options, services);
        running = server.StartAsync(stop.Token);
    }

    public int Port { get; }

    public int Received => Volatile.Read(ref receivedCount);

    /// <summary>Messages whose Message-ID the sink had already accepted.</summary>
    public int Duplicates => Volatile.Read(ref duplicates);

    public int WithoutMessageId => Volatile.Read(ref withoutMessageId);

    public static async Task<SmtpSink> StartAsync()
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        var sink = new SmtpSink(port);
        for (var attempt = 0; attempt < 100; attempt++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return sink;
            }
            catch (SocketException)
            {
                await Task.Delay(20);
            }
        }

        await sink.DisposeAsync();
        throw new InvalidOperationException($"The SMTP sink did not listen on port {port}.");
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        server.Shutdown();
        await Task.WhenAny(running, Task.Delay(TimeSpan.FromSeconds(5)));
        stop.Dispose();
    }

    /// <summary>The Message-ID header's value (headers only; case-insensitive name), or null.</summary>
    internal static string? FindMessageId(ReadOnlySequence<byte> buffer)
    {
        // Headers end at the first blank line; search a bounded prefix with a leading CRLF so the first line matches too.
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

        for (var i = 0; i + MessageIdHeader.Length <= span.Length; i++)
        {
            var at = span[i..].IndexOf((byte)'\r');
            if (at < 0)
            {
                break;
            }

            i += at;
            var candidate = span[i..];
            if (candidate.Length >= MessageIdHeader.Length
                && Ascii.EqualsIgnoreCase(candidate[..MessageIdHeader.Length], MessageIdHeader))
            {
                var value = candidate[MessageIdHeader.Length..];
                var lineEnd = value.IndexOf("\r\n"u8);
                if (lineEnd >= 0)
                {
                    value = value[..lineEnd];
                }

                return Encoding.ASCII.GetString(value).Trim();
            }
        }

        return null;
    }

    private sealed class Store(SmtpSink owner) : MessageStore
    {
        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref owner.receivedCount);
            var id = FindMessageId(buffer);
            if (id is null)
            {
                Interlocked.Increment(ref owner.withoutMessageId);
            }
            else if (!owner.messageIds.TryAdd(id, 0))
            {
                Interlocked.Increment(ref owner.duplicates);
            }

            return Task.FromResult(SmtpResponse.Ok);
        }
    }

    // Replies go out at once (TCP_NODELAY), as in the tests' server: with Nagle on, pipelined replies wait for delayed ACKs.
    private sealed class NoDelayListenerFactory : IEndpointListenerFactory
    {
        public IEndpointListener CreateListener(IEndpointDefinition endpointDefinition)
        {
            var listener = new TcpListener(endpointDefinition.Endpoint);
            listener.Start();
            return new NoDelayListener(listener);
        }
    }

    private sealed class NoDelayListener(TcpListener listener) : IEndpointListener
    {
        public async Task<ISecurableDuplexPipe> GetPipeAsync(ISessionContext context, CancellationToken cancellationToken)
        {
            var client = await listener.AcceptTcpClientAsync(cancellationToken);
            client.NoDelay = true;
            context.Properties[EndpointListener.LocalEndPointKey] = client.Client.LocalEndPoint!;
            context.Properties[EndpointListener.RemoteEndPointKey] = client.Client.RemoteEndPoint!;
            return new PlainPipe(client);
        }

        public void Dispose() => listener.Stop();
    }

    private sealed class PlainPipe : ISecurableDuplexPipe
    {
        private readonly TcpClient client;

        public PlainPipe(TcpClient client)
        {
            this.client = client;
            var stream = client.GetStream();
            Input = PipeReader.Create(stream);
            Output = PipeWriter.Create(stream);
        }

        public PipeReader Input { get; }

        public PipeWriter Output { get; }

        public bool IsSecure => false;

        public SslProtocols SslProtocol => SslProtocols.None;

        public Task UpgradeAsync(X509Certificate certificate, SslProtocols protocols, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException("The benchmark sink speaks plain SMTP only.");

        public void Dispose() => client.Dispose();
    }
}
