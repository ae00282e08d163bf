using System.Globalization;
using Astropal.Core.Storage;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Astropal.Web.Infrastructure.Email;

/// <summary>One .eml in the outbox, from its headers.</summary>
internal sealed record OutboxEntry(
    string FileName,
    DateTimeOffset WrittenAt,
    string To,
    string Subject,
    string? Kind,
    string? MessageId,
    long SizeBytes);

/// <summary>A whole outbox message: its parts and every header, for the console's preview.</summary>
internal sealed record OutboxMessage(
    OutboxEntry Entry,
    string? Html,
    string? Text,
    IReadOnlyList<KeyValuePair<string, string>> Headers);

/// <summary>Lists and reads what the Outbox transport wrote (for <c>/ops/outbox</c>).</summary>
internal sealed class OutboxReader(IOptions<StorageOptions> storage)
{
    /// <summary>Number of messages in the outbox.</summary>
    public int Count() => Files().Length;

    /// <summary>Newest first; only the headers of the listed page are parsed.</summary>
    public async Task<IReadOnlyList<OutboxEntry>> ListAsync(int skip, int take, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        ArgumentOutOfRangeException.ThrowIfNegative(take);

        var page = Files().OrderDescending(StringComparer.Ordinal).Skip(skip).Take(take);
        var entries = new List<OutboxEntry>();
        foreach (var path in page)
        {
            await using var stream = File.OpenRead(path);
            var headers = await HeaderList.LoadAsync(stream, cancellationToken);
            entries.Add(ToEntry(path, headers));
        }

        return entries;
    }

    /// <summary>One message by file name (as listed); null when it is not there or the name is not an outbox file name.</summary>
    public async Task<OutboxMessage?> ReadAsync(string fileName, CancellationToken cancellationToken)
    {
        // Only bare names of .eml files: nothing outside the outbox folder can be read.
        if (string.IsNullOrWhiteSpace(fileName)
            || !string.Equals(Path.GetFileName(fileName), fileName, StringComparison.Ordinal)
            || fileName.StartsWith('.')
            || !fileName.EndsWith(".eml", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var path = Path.Combine(Folder(), fileName);
        if (!File.Exists(path))
        {
            return null;
        }

        var message = await MimeMessage.LoadAsync(path, cancellationToken);
        var headers = message.Headers.Select(h => new KeyValuePair<string, string>(h.Field, h.Value)).ToList();
        return new OutboxMessage(ToEntry(path, message.Headers), message.HtmlBody, message.TextBody, headers);
    }

    private string Folder() => storage.Value.Folder(OutboxEmailSender.FolderName);

    private string[] Files() => Directory.GetFiles(Folder(), "*.eml").Where(f => !Path.GetFileName(f).StartsWith('.')).ToArray();

    private static OutboxEntry ToEntry(string path, HeaderList headers)
    {
        var name = Path.GetFileName(path);
        var stamp = name.Split('_', 2)[0];
        var writtenAt = DateTimeOffset.TryParseExact(stamp, OutboxEmailSender.TimestampFormat, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed)
            ? parsed
            : new DateTimeOffset(File.GetLastWriteTimeUtc(path), TimeSpan.Zero);

        return new OutboxEntry(
            name,
            writtenAt,
            headers[HeaderId.To] ?? string.Empty,
            headers[HeaderId.Subject] ?? string.Empty,
            headers[EmailMimeBuilder.KindHeader],
            headers[HeaderId.MessageId]?.Trim().Trim('<', '>'),
            new FileInfo(path).Length);
    }
}
