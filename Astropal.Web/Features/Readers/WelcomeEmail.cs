using Astropal.Core.Billing;
using Astropal.Core.Content;
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
        var locale = ContentLocale.Get(reader.Locale);
        var model = new WelcomeEmailModel(
            reader.Name,
            locale.Perspective(reader.Perspective),
            locale.Time(reader.DeliveryTime),
            reader.TimeZone,
            reader.Tier == Tier.Trial ? billing.Value.TrialDays : 0,
            Schedule(reader, locale),
            readerLinks);
        var message = EmailMessage.FromRendered(renderer.Render(model, locale.Name), reader.Email, reader.Name,
            EmailMessage.StableMessageId($"welcome-{reader.Id:N}", brand.Value.FromAddress), readerLinks.UnsubscribeUrl);
        var result = await sender.SendAsync(message, cancellationToken);
        if (!result.IsSent)
        {
            Log.WelcomeNotSent(logger, reader.Id, result.Status);
        }

        return result.IsSent;
    }

    private List<LabelledFact> Schedule(Reader reader, ContentLocale locale)
    {
        string Text(string key, object? values = null) => renderer.Phrase(locale.Name, "welcome.schedule." + key, values);

        var facts = new List<LabelledFact>
        {
            new(Text("perspective"), locale.Perspective(reader.Perspective)),
            new(Text("focusAreas"), string.Join(", ", reader.FocusAreas.Select(locale.FocusArea))),
        };
        foreach (var kind in DeliverySchedule.KindsFor(reader.Tier))
        {
            var time = new { Time = locale.Time(DeliverySchedule.LocalTimeOf(kind, reader.DeliveryTime)) };
            facts.Add(kind switch
            {
                EmailTemplate.Daily => new LabelledFact(Text("dailyLabel"), Text("daily", time)),
                EmailTemplate.Evening => new LabelledFact(Text("eveningLabel"), Text("evening", time)),
                EmailTemplate.Weekly => new LabelledFact(Text("weeklyLabel"), Text("weekly", time)),
                EmailTemplate.Midday => new LabelledFact(Text("middayLabel"), Text("midday", time)),
                _ => new LabelledFact(kind.Slug(), time.Time),
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
