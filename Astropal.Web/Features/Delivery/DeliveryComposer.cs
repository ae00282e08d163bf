using Astropal.Core.Content;
using Astropal.Core.Delivery;
using Astropal.Core.Email;
using Astropal.Core.Readers;
using Microsoft.Extensions.Options;

namespace Astropal.Web.Features.Delivery;

/// <summary>
/// Turns a ledger row into the message to send: the content feature's email for the reader, kind and date, with the
/// reader's footer links, tracked links (setting <c>Delivery:Tracking</c>) and the row's Message-ID.
/// </summary>
public sealed class DeliveryComposer(
    IReaderEmailComposer composer,
    ReaderLinks links,
    TrackingLinks tracking,
    IOptions<DeliveryOptions> options,
    Readers.InactivityNotice inactivityNotice)
{
    /// <exception cref="ContentUnavailableException">Nothing to send that day.</exception>
    public async Task<EmailMessage> ComposeAsync(DeliveryRecord row, Reader reader, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(reader);
        var email = reader.Email ?? throw new ArgumentException("The reader has no email address.", nameof(reader));
        var emailLinks = links.For(reader.Id);
        var rendered = row.Kind switch
        {
            // One-off notices queued by a feature: that feature renders them.
            EmailTemplate.InactivityNotice => inactivityNotice.Render(reader, row, emailLinks),
            _ => await composer.ComposeAsync(reader, row.Kind, row.LocalDate, emailLinks, cancellationToken),
        };
        if (options.Value.Tracking)
        {
            rendered = rendered with { Html = tracking.Rewrite(rendered.Html, row.Id) };
        }

        return EmailMessage.FromRendered(rendered, email, reader.Name, row.MessageId, emailLinks.UnsubscribeUrl);
    }
}
