using System.Globalization;
using Astropal.Core.Billing;
using Astropal.Core.Branding;
using Astropal.Core.Delivery;
using Astropal.Core.Email;
using Astropal.Core.Email.Models;
using Astropal.Core.Readers;
using Astropal.Web.Features.Delivery;
using Microsoft.Extensions.Options;

namespace Astropal.Web.Features.Readers;

/// <summary>
/// The welcome email sent when a reader confirms: what to expect, the chosen perspective and focus
/// areas, the delivery time and the links to change any of it.
/// </summary>
public sealed partial class WelcomeEmail(
    EmailTemplateRenderer renderer,
    IEmailSender sender,
    ReaderLinks links,
    IOptions<BrandOptions> brand,
    IOptions<BillingOptions> billing,
    ILogger<WelcomeEmail> logger)
{
    public async Task<bool> SendAsync(Reader reader, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (reader.Email is null)
        {
            return false;
        }

        var readerLinks = links.For(reader.Id);
        var model = new WelcomeEmailModel(
            reader.Name,
            Perspective.Get(reader.Perspective).Name,
            reader.DeliveryTime.ToString("HH:mm", CultureInfo.InvariantCulture),
            reader.TimeZone,
            reader.Tier == Tier.Trial ? billing.Value.TrialDays : 0,
            Schedule(reader),
            readerLinks);
        var message = EmailMessage.FromRendered(renderer.Render(model), reader.Email, reader.Name,
            EmailMessage.StableMessageId($"welcome-{reader.Id:N}", brand.Value.FromAddress), readerLinks.UnsubscribeUrl);
        var result = await sender.SendAsync(message, cancellationToken);
        if (!result.IsSent)
        {
            Log.WelcomeNotSent(logger, reader.Id, result.Status);
        }

        return result.IsSent;
    }

    private static List<LabelledFact> Schedule(Reader reader)
    {
        var focus = string.Join(", ", reader.FocusAreas.Select(f => FocusArea.Get(f).Name));
        var facts = new List<LabelledFact>
        {
            new("Perspective", Perspective.Get(reader.Perspective).Name),
            new("Focus areas", focus),
        };
        foreach (var kind in DeliverySchedule.KindsFor(reader.Tier))
        {
            var time = DeliverySchedule.LocalTimeOf(kind, reader.DeliveryTime).ToString("HH:mm", CultureInfo.InvariantCulture);
            facts.Add(kind switch
            {
                EmailTemplate.Daily => new LabelledFact("Every morning", $"Your daily sky at {time}"),
                EmailTemplate.Evening => new LabelledFact("Every evening", $"A short reflection at {time}"),
                EmailTemplate.Weekly => new LabelledFact("Sundays", $"The week ahead at {time}"),
                EmailTemplate.Midday => new LabelledFact("Weekdays at noon", $"The day's headlines through your perspective at {time}"),
                _ => new LabelledFact(kind.Slug(), time),
            });
        }

        return facts;
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "Welcome email for reader {ReaderId} not sent: {Status}")]
        public static partial void WelcomeNotSent(ILogger logger, Guid readerId, EmailSendStatus status);
    }
}
