namespace Astropal.Core.Email;

/// <summary>
/// One email to one address, ready for an <see cref="IEmailSender"/>. <paramref name="MessageId"/> is
/// stable per delivery (without angle brackets), so a retry after a crash carries the same Message-ID
/// and the receiving side can tell it is the same email.
/// </summary>
public sealed record EmailMessage(
    string To,
    string? ToName,
    string Subject,
    string Html,
    string Text,
    string MessageId,
    string Kind)
{
    /// <summary>The one-click https unsubscribe URL (RFC 8058); null for emails that are not to a reader.</summary>
    public string? UnsubscribeUrl { get; init; }

    /// <summary>The mailto part of List-Unsubscribe; defaults to the brand's support address when null.</summary>
    public string? UnsubscribeMailto { get; init; }

    /// <summary>Extra headers (name → value), e.g. <c>X-Entity-Ref-ID</c>.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>A message for a rendered template, with the unsubscribe URL of its footer links.</summary>
    public static EmailMessage FromRendered(RenderedEmail email, string to, string? toName, string messageId, string? unsubscribeUrl)
    {
        ArgumentNullException.ThrowIfNull(email);
        return new EmailMessage(to, toName, email.Subject, email.Html, email.Text, messageId, email.Template.Slug())
        {
            UnsubscribeUrl = unsubscribeUrl,
        };
    }

    /// <summary>
    /// A Message-ID that is the same every time for the same <paramref name="uniqueKey"/>
    /// (e.g. the delivery ledger row id), in the domain of <paramref name="fromAddress"/>.
    /// </summary>
    public static string StableMessageId(string uniqueKey, string fromAddress)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(uniqueKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(fromAddress);
        var at = fromAddress.LastIndexOf('@');
        var domain = at >= 0 ? fromAddress[(at + 1)..] : fromAddress;
        var local = new string(uniqueKey.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '-').ToArray());
        return $"{local}@{domain}";
    }
}
