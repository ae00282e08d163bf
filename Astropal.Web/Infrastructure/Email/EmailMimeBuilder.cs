using Astropal.Core.Branding;
using Astropal.Core.Email;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Cryptography;
using MimeKit.Text;

namespace Astropal.Web.Infrastructure.Email;

/// <summary>
/// Turns an <see cref="EmailMessage"/> into the MIME message both transports write: From from the
/// brand, multipart/alternative text + HTML, the given Message-ID, RFC 8058 one-click unsubscribe
/// headers, and a DKIM signature when <c>Email:Dkim</c> is set.
/// </summary>
internal sealed class EmailMimeBuilder
{
    public const string KindHeader = "X-Email-Kind";

    // Signed so that neither the unsubscribe target nor the identity can be changed in transit.
    private static readonly string[] SignedHeaders =
        ["From", "To", "Subject", "Date", "Message-ID", "MIME-Version", "Content-Type", "List-Unsubscribe", "List-Unsubscribe-Post"];

    private readonly string fromName;
    private readonly string fromAddress;
    private readonly string defaultUnsubscribeMailto;
    private readonly TimeProvider time;
    private readonly DkimSigner? signer;

    public EmailMimeBuilder(IOptions<BrandOptions> brand, IOptions<EmailOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(brand);
        ArgumentNullException.ThrowIfNull(options);
        this.time = time;
        fromName = brand.Value.FromName;
        fromAddress = brand.Value.FromAddress;
        var mailbox = string.IsNullOrWhiteSpace(options.Value.UnsubscribeMailbox) ? brand.Value.SupportAddress : options.Value.UnsubscribeMailbox;
        defaultUnsubscribeMailto = $"mailto:{mailbox}?subject=unsubscribe";

        var dkim = options.Value.Dkim;
        if (dkim.Enabled)
        {
            signer = new DkimSigner(dkim.PrivateKeyPath!, dkim.Domain!, dkim.Selector!, DkimSignatureAlgorithm.RsaSha256)
            {
                HeaderCanonicalizationAlgorithm = DkimCanonicalizationAlgorithm.Relaxed,
                BodyCanonicalizationAlgorithm = DkimCanonicalizationAlgorithm.Relaxed,
            };
        }
    }

    public bool SignsWithDkim => signer is not null;

    /// <summary>
    /// Builds the MIME message, or says why it cannot be built: a message that is invalid now is
    /// invalid on every retry, so the failure is permanent whatever the transport.
    /// </summary>
    public bool TryBuild(EmailMessage email, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out MimeMessage? mime, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out EmailSendResult? failure)
    {
        try
        {
            mime = Build(email);
            failure = null;
            return true;
        }
        catch (Exception ex) when (ex is ParseException or ArgumentException)
        {
            mime = null;
            failure = EmailSendResult.Permanent($"Invalid message: {ex.Message}");
            return false;
        }
    }

    public MimeMessage Build(EmailMessage email)
    {
        ArgumentNullException.ThrowIfNull(email);

        var message = new MimeMessage();
        // A new address per message: an address list subscribes to its addresses' Changed events, so one shared
        // instance would keep every message ever built reachable (about 50 KB each).
        message.From.Add(new MailboxAddress(fromName, fromAddress));
        message.To.Add(new MailboxAddress(email.ToName, MailboxAddress.Parse(email.To).Address));
        message.Subject = OneLine(email.Subject);
        message.MessageId = email.MessageId.Trim().Trim('<', '>');
        message.Date = time.GetUtcNow();

        if (!string.IsNullOrWhiteSpace(email.UnsubscribeUrl) && email.UnsubscribeUrl.AsSpan().IndexOfAny('\r', '\n') < 0)
        {
            var mailto = string.IsNullOrWhiteSpace(email.UnsubscribeMailto)
                ? defaultUnsubscribeMailto
                : email.UnsubscribeMailto.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) ? email.UnsubscribeMailto : "mailto:" + email.UnsubscribeMailto;
            message.Headers.Add("List-Unsubscribe", $"<{email.UnsubscribeUrl}>, <{mailto}>");
            message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }

        message.Headers.Add(KindHeader, email.Kind);
        foreach (var (name, value) in email.Headers)
        {
            // A line break in a header value would let reader-supplied text add headers of its own.
            if (value.AsSpan().IndexOfAny('\r', '\n') >= 0)
            {
                throw new ArgumentException($"Header {name} contains a line break.", nameof(email));
            }

            message.Headers.Add(name, value);
        }

        // Quoted-printable chosen up front: safe for any relay and for DKIM, and MimeKit then skips scanning every
        // part for the best encoding before each send.
        message.Body = new MultipartAlternative
        {
            new TextPart(TextFormat.Plain) { Text = email.Text, ContentTransferEncoding = ContentEncoding.QuotedPrintable },
            new TextPart(TextFormat.Html) { Text = email.Html, ContentTransferEncoding = ContentEncoding.QuotedPrintable },
        };

        if (signer is not null)
        {
            // DKIM signs the bytes as sent: fix the transfer encodings first so no relay re-encodes them.
            message.Prepare(EncodingConstraint.SevenBit);
            signer.Sign(message, SignedHeaders);
        }

        return message;
    }

    private static string OneLine(string value) =>
        value.AsSpan().IndexOfAny('\r', '\n') < 0 ? value : string.Join(' ', value.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
