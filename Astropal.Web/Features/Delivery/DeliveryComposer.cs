using Astropal.Core.Content;
using Astropal.Core.Delivery;
using Astropal.Core.Email;
using Astropal.Core.Readers;
using Microsoft.Extensions.Options;

namespace Astropal.Web.Features.Delivery;

/// <summary>
/// Turns a ledger row into the message to send: the content feature's email for the reader, kind and date, with the
/// reader's footer links, tracked links (setting <c>Delivery:Tracking</c>) and the row's Message-ID.
/// The billing kinds (trial ending/ended, subscription started/ended, payment failed) come from <see cref="Billing.BillingEmailComposer"/>.
/// </summary>
public sealed class DeliveryComposer(
    IReaderEmailComposer composer, Billing.BillingEmailComposer billingEmails, ReaderLinks links, TrackingLinks tracking, IOptions<DeliveryOptions> options)
{
    /// <exception cref="ContentUnavailableException">Nothing to send that day.</exception>
    public async Task<EmailMessage> ComposeAsync(DeliveryRecord row, Reader reader, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(reader);
        var email = reader.Email ?? throw new ArgumentException("The reader has no email address.", nameof(reader));
        var emailLinks = links.For(reader.Id);
        var rendered = Billing.BillingEmailComposer.Composes(row.Kind)
            ? await billingEmails.ComposeAsync(row, reader, emailLinks, cancellationToken)
            : await composer.ComposeAsync(reader, row.Kind, row.LocalDate, emailLinks, cancellationToken);
        if (options.Value.Tracking)
        {
            rendered = rendered with { Html = tracking.Rewrite(rendered.Html, row.Id) };
        }

        return EmailMessage.FromRendered(rendered, email, reader.Name, row.MessageId, emailLinks.UnsubscribeUrl);
    }
}
