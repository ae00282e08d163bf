using System.Globalization;
using Astropal.Core.Email;
using Astropal.Core.Storage;
using Microsoft.Extensions.Options;

namespace Astropal.Web.Infrastructure.Email;

/// <summary>
/// The default transport: every message becomes an .eml file under
/// <c>&lt;Storage:DataDirectory&gt;/outbox</c>, named so that names sort by time
/// (<c>20260126T060000.1234567Z_&lt;message-id&gt;.eml</c>). Written to a temp file and moved, so a
/// reader never sees half a message.
/// </summary>
internal sealed class OutboxEmailSender(
    EmailMimeBuilder builder,
    IOptions<StorageOptions> storage,
    TimeProvider time,
    ILogger<OutboxEmailSender> logger) : IEmailSender
{
    public const string FolderName = "outbox";
    public const string TimestampFormat = "yyyyMMdd'T'HHmmss'.'fffffff'Z'";

    public async Task<EmailSendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);

        if (!builder.TryBuild(message, out var mime, out var invalid))
        {
            return invalid;
        }

        var folder = storage.Value.Folder(FolderName);
        var stamp = time.GetUtcNow().UtcDateTime.ToString(TimestampFormat, CultureInfo.InvariantCulture);
        var finalPath = Path.Combine(folder, $"{stamp}_{SafeFileName(mime.MessageId ?? message.MessageId)}.eml");
        var tempPath = Path.Combine(folder, $".{Guid.NewGuid():N}.tmp");

        try
        {
            await using (var stream = new FileStream(tempPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, FileOptions.Asynchronous))
            {
                await mime.WriteToAsync(stream, cancellationToken);
                await stream.FlushAsync(cancellationToken);
            }

            File.Move(tempPath, finalPath, overwrite: true);
            return EmailSendResult.Sent with { Answer = "written to the outbox as " + Path.GetFileName(finalPath) };
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning(ex, "Could not write {MessageId} to the outbox {Folder}", mime.MessageId, folder);
            // A full or unwritable disk fails every email alike: the transport is unavailable, not this message.
            return EmailSendResult.Unavailable($"Outbox write failed: {ex.Message}");
        }
        finally
        {
            TryDelete(tempPath);
        }
    }

    internal static string SafeFileName(string value) =>
        new(value.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '@' ? c : '_').ToArray());

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // A temp file left behind is ignored by the reader (dot-prefixed) and harmless.
        }
    }
}
