using Astropal.Core.Content;
using Astropal.Core.Delivery;
using Astropal.Core.Email;
using Astropal.Core.Email.Models;
using Astropal.Core.Readers;

namespace Astropal.Web.Features.Delivery;

/// <summary>
/// A feature's one-off email kinds queued in the delivery ledger (incident notices, the inactivity notice, billing emails):
/// the feature that queues the row renders it, from the row's kind and <see cref="DeliveryRecord.Reference"/>.
/// <see cref="DeliveryComposer"/> asks each registered composer in turn; the scheduled kinds go to the content feature.
/// </summary>
public interface IOneOffEmailComposer
{
    /// <summary>Whether this composer renders <paramref name="kind"/>.</summary>
    bool Composes(EmailTemplate kind);

    /// <exception cref="ContentUnavailableException">Nothing to send any more (the row is skipped, not retried).</exception>
    Task<RenderedEmail> ComposeAsync(DeliveryRecord row, Reader reader, EmailLinks links, CancellationToken cancellationToken);
}
