using System.Globalization;
using Astropal.Core.Delivery;
using Astropal.Core.Email;
using Astropal.Core.Email.Models;
using Astropal.Core.Readers;
using Astropal.Web.Features.Delivery;
using Microsoft.Extensions.Options;

namespace Astropal.Web.Features.Readers;

/// <summary>Renders the inactivity notice of a ledger row: the account is deleted <see cref="InactiveReaderPurge.NoticeLead"/> after the notice is due.</summary>
public sealed class InactivityNotice(EmailTemplateRenderer renderer, IOptions<PrivacyOptions> options) : IOneOffEmailComposer
{
    bool IOneOffEmailComposer.Composes(EmailTemplate kind) => kind == EmailTemplate.InactivityNotice;

    Task<RenderedEmail> IOneOffEmailComposer.ComposeAsync(DeliveryRecord row, Reader reader, EmailLinks links, CancellationToken cancellationToken) =>
        Task.FromResult(Render(reader, row, links));

    public RenderedEmail Render(Reader reader, DeliveryRecord row, EmailLinks links)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(links);
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(reader.TimeZone, out var found) ? found : TimeZoneInfo.Utc;
        var deleteOn = TimeZoneInfo.ConvertTime(row.TargetAt + InactiveReaderPurge.NoticeLead, zone);
        var model = new InactivityNoticeEmailModel(
            reader.Name,
            deleteOn.ToString("D", CultureInfo.GetCultureInfo(reader.Locale)),
            options.Value.PurgeAfterMonths,
            links.PreferencesUrl,
            links);
        return renderer.Render(model, reader.Locale);
    }
}
