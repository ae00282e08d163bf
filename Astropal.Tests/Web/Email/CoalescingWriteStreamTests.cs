using System.Text;
using Astropal.Web.Infrastructure.Email;

namespace Astropal.Tests.Web.Email;

/// <summary>The write-gathering stream under each pooled SMTP connection.</summary>
public sealed class CoalescingWriteStreamTests
{
    [Fact]
    public async Task Many_small_writes_reach_the_socket_as_one_write_on_flush()
    {
        var socket = new RecordingStream();
        await using var stream = new CoalescingWriteStream(socket, 64 * 1024, TimeSpan.FromSeconds(30), TimeProvider.System);

        for (var i = 0; i < 12; i++)
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes($"line {i}\r\n"));
        }

        Assert.Empty(socket.Writes);
        await stream.FlushAsync();

        var write = Assert.Single(socket.Writes);
        Assert.StartsWith("line 0\r\n", write, StringComparison.Ordinal);
        Assert.EndsWith("line 11\r\n", write, StringComparison.Ordinal);
        Assert.Equal(1, socket.Flushes);
    }

    [Fact]
    public async Task A_read_sends_what_was_written_before_waiting_for_the_reply()
    {
        var socket = new RecordingStream(reply: "250 OK\r\n");
        await using var stream = new CoalescingWriteStream(socket, 64 * 1024, TimeSpan.FromSeconds(30), TimeProvider.System);

        await stream.WriteAsync("MAIL FROM:<a@b.test>\r\nRCPT TO:<c@d.test>\r\nDATA\r\n"u8.ToArray());
        var reply = new byte[64];
        var read = await stream.ReadAsync(reply);

        Assert.Equal("MAIL FROM:<a@b.test>\r\nRCPT TO:<c@d.test>\r\nDATA\r\n", Assert.Single(socket.Writes));
        Assert.Equal(["write", "read"], socket.Order);
        Assert.Equal("250 OK\r\n", Encoding.ASCII.GetString(reply, 0, read));
    }

    [Fact]
    public void A_read_without_pending_writes_writes_nothing_and_sync_calls_gather_too()
    {
        var socket = new RecordingStream(reply: "220 ready\r\n");
        using var stream = new CoalescingWriteStream(socket, 1024, TimeSpan.FromSeconds(30), TimeProvider.System);

        Assert.Equal(11, stream.Read(new byte[64], 0, 64));
        stream.Write("EHLO x\r\n"u8);
        stream.Write("NOOP\r\n"u8);
        stream.Flush();

        Assert.Equal("EHLO x\r\nNOOP\r\n", Assert.Single(socket.Writes));
    }

    [Fact]
    public async Task Data_beyond_the_buffer_goes_out_in_order_without_being_split_or_lost()
    {
        var socket = new RecordingStream();
        await using var stream = new CoalescingWriteStream(socket, 1024, TimeSpan.FromSeconds(30), TimeProvider.System);
        var big = new string('x', 3000);

        await stream.WriteAsync(Encoding.ASCII.GetBytes("head\r\n"));
        await stream.WriteAsync(Encoding.ASCII.GetBytes(big));
        await stream.WriteAsync(Encoding.ASCII.GetBytes(new string('y', 1000)));
        await stream.WriteAsync(Encoding.ASCII.GetBytes("tail\r\n"));
        await stream.FlushAsync();

        Assert.Equal("head\r\n" + big + new string('y', 1000) + "tail\r\n", string.Concat(socket.Writes));
        // The buffered head goes first, the oversized piece straight after it, the rest gathered again.
        Assert.Equal(["head\r\n", big, new string('y', 1000) + "tail\r\n"], socket.Writes);
    }

    [Fact]
    public async Task A_read_the_server_never_answers_fails_with_a_timeout_naming_the_setting_once_the_smtp_timeout_passes()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        await using var stream = new CoalescingWriteStream(new SilentStream(), 1024, TimeSpan.FromSeconds(5), time);

        var read = stream.ReadAsync(new byte[16]).AsTask();
        time.Advance(TimeSpan.FromSeconds(4));
        Assert.False(read.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));

        var timeout = await Assert.ThrowsAsync<TimeoutException>(() => read.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Contains("Email:Smtp:TimeoutSeconds", timeout.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_callers_cancellation_stays_a_cancellation_not_a_timeout()
    {
        await using var stream = new CoalescingWriteStream(new SilentStream(), 1024, TimeSpan.FromSeconds(30), new Microsoft.Extensions.Time.Testing.FakeTimeProvider());
        using var cancel = new CancellationTokenSource();

        var read = stream.ReadAsync(new byte[16], cancel.Token).AsTask();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => read.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    /// <summary>A connection whose peer never sends anything: reads wait until cancelled.</summary>
    private sealed class SilentStream : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return 0;
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count)
        {
        }
    }

    /// <summary>Stands in for the socket's stream: records each write as it arrives and answers reads with a fixed reply.</summary>
    private sealed class RecordingStream(string reply = "") : Stream
    {
        private readonly byte[] replyBytes = Encoding.ASCII.GetBytes(reply);
        private int replied;

        public List<string> Writes { get; } = [];

        public List<string> Order { get; } = [];

        public int Flushes { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush() => Flushes++;

        public override int Read(byte[] buffer, int offset, int count)
        {
            Order.Add("read");
            var n = Math.Min(count, replyBytes.Length - replied);
            Array.Copy(replyBytes, replied, buffer, offset, n);
            replied += n;
            return n;
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count)
        {
            Order.Add("write");
            Writes.Add(Encoding.ASCII.GetString(buffer, offset, count));
        }
    }
}
