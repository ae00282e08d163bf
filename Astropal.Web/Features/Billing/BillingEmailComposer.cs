using Astropal.Core.Billing;
using Astropal.Core.Content;
using Astropal.Core.Delivery;
using Astropal.Core.Email;
using Astropal.Core.Email.Models;
using Astropal.Core.Readers;
using Astropal.Data;
using Astropal.Web.Features.Delivery;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Astropal.Web.Features.Billing;

/// <summary>
/// Composes the billing emails the delivery ledger holds (trial ending/ended, subscription started/ended, payment failed)
/// in the reader's locale. An email that no longer applies when it is due (the reader subscribed before the trial-ending
/// email went out, or is no longer on the free plan for the trial-ended one) is skipped, not sent.
/// </summary>
public sealed class BillingEmailComposer(
    EmailTemplateRenderer renderer,
    IDbContextFactory<AstropalDbContext> dbFactory,
    IOptions<BillingOptions> billing,
    TimeProvider clock) : IOneOffEmailComposer
{
    public static bool Composes(EmailTemplate kind) =>
        kind is EmailTemplate.TrialEnding or EmailTemplate.TrialEnded or EmailTemplate.SubscriptionStarted or EmailTemplate.PaymentFailed or EmailTemplate.SubscriptionEnded;

    bool IOneOffEmailComposer.Composes(EmailTemplate kind) => Composes(kind);

    /// <exception cref="ContentUnavailableException">The email no longer applies.</exception>
    public async Task<RenderedEmail> ComposeAsync(DeliveryRecord row, Reader reader, EmailLinks links, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(links);
        var locale = ContentLocale.Get(reader.Locale);
        var site = renderer.Brand.SiteUrl.TrimEnd('/');
        var plansUrl = site + BillingPaths.Plans;
        var manageUrl = links.PreferencesUrl + "#billing";
        IEmailModel model;
        switch (row.Kind)
        {
            case EmailTemplate.TrialEnding:
                if (reader.Tier != Tier.Trial || reader.TrialEndsAt is not { } ends)
                {
                    throw new ContentUnavailableException($"The reader is no longer in trial ({reader.Tier}): no trial-ending email.");
                }

                var zone = BillingEmails.FindZone(reader.TimeZone);
                var endsOn = locale.DateLabel(DeliverySchedule.LocalDateAt(ends, zone));
                var daysLeft = Math.Max(1, (int)Math.Ceiling((ends - clock.GetUtcNow()).TotalDays));
                model = new TrialEndingEmailModel(reader.Name, Phrase(locale, "billing.endsOn", new { Date = endsOn }), daysLeft, Plans(locale), plansUrl, links);
                break;
            case EmailTemplate.TrialEnded:
                if (reader.Tier != Tier.Free)
                {
                    throw new ContentUnavailableException($"The reader is on {reader.Tier}: no trial-ended email.");
                }

                model = new TrialEndedEmailModel(reader.Name, locale.Perspective(reader.Perspective), Plans(locale), plansUrl, links);
                break;
            case EmailTemplate.SubscriptionStarted:
                var state = await StateAsync(reader.Id, cancellationToken);
                var renews = state?.CurrentPeriodEnd is { } periodEnd && state.CancelAtPeriodEnd == false
                    ? locale.LongDate(DeliverySchedule.LocalDateAt(periodEnd, BillingEmails.FindZone(reader.TimeZone)))
                    : null;
                model = new SubscriptionStartedEmailModel(reader.Name, PlanName(state), renews, manageUrl, links);
                break;
            case EmailTemplate.PaymentFailed:
                model = new PaymentFailedEmailModel(reader.Name, PlanName(await StateAsync(reader.Id, cancellationToken)), billing.Value.GraceDays, manageUrl, links);
                break;
            case EmailTemplate.SubscriptionEnded:
                model = new SubscriptionEndedEmailModel(reader.Name, PlanName(await StateAsync(reader.Id, cancellationToken)), plansUrl, links);
                break;
            default:
                throw new NotSupportedException($"'{row.Kind}' is not a billing email.");
        }

        return renderer.Render(model, locale.Name);
    }

    private async Task<ReaderBilling?> StateAsync(Guid readerId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.ReaderBillings.AsNoTracking().FirstOrDefaultAsync(b => b.ReaderId == readerId, cancellationToken);
    }

    private string PlanName(ReaderBilling? state) => billing.Value.Plan(state?.PlanTier ?? Tier.Basic).Name;

    private List<PlanSummary> Plans(ContentLocale locale)
    {
        var settings = billing.Value;
        return
        [
            new(settings.Basic.Name, Phrase(locale, "billing.perMonth", new { Price = PriceFormat.Monthly(settings.Basic.MonthlyPrice, settings.Currency, locale.Culture) }), Phrase(locale, "billing.basicDescription")),
            new(settings.Pro.Name, Phrase(locale, "billing.perMonth", new { Price = PriceFormat.Monthly(settings.Pro.MonthlyPrice, settings.Currency, locale.Culture) }), Phrase(locale, "billing.proDescription")),
        ];
    }

    private string Phrase(ContentLocale locale, string key, object? values = null) => renderer.Phrase(locale.Name, key, values);
}
