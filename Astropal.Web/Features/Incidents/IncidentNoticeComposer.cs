using System.Globalization;
using Astropal.Core.Branding;
using Astropal.Core.Content;
using Astropal.Core.Delivery;
using Astropal.Core.Email;
using Astropal.Core.Email.Models;
using Astropal.Core.Readers;
using Astropal.Data;
using Astropal.Web.Features.Delivery;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Astropal.Web.Features.Incidents;

/// <summary>
/// Renders the reader notices of an incident (<see cref="EmailTemplate.IncidentNotice"/> and
/// <see cref="EmailTemplate.IncidentResolved"/>) in the reader's locale: the incident's public title and the message of its
/// latest public update (internal notes are never read), a link to the public status page (<c>/status</c>) and to the
/// portal, where the reader turns these notices off. The delivery engine sends them; the console previews them.
/// </summary>
public sealed class IncidentNoticeComposer(
    IDbContextFactory<AstropalDbContext> dbFactory,
    EmailTemplateRenderer renderer,
    IOptions<BrandOptions> brand) : IOneOffEmailComposer
{
    /// <summary>The ledger's <c>Reference</c> of an incident's notices: <c>incident:42</c>.</summary>
    public static string ReferenceOf(long incidentId) => "incident:" + incidentId.ToString(CultureInfo.InvariantCulture);

    /// <summary>The incident id of a ledger reference made by <see cref="ReferenceOf"/>.</summary>
    public static bool TryParseReference(string? reference, out long incidentId)
    {
        incidentId = 0;
        const string prefix = "incident:";
        return reference is not null
               && reference.StartsWith(prefix, StringComparison.Ordinal)
               && long.TryParse(reference.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out incidentId);
    }

    public static bool IsNoticeKind(EmailTemplate kind) => kind is EmailTemplate.IncidentNotice or EmailTemplate.IncidentResolved;

    bool IOneOffEmailComposer.Composes(EmailTemplate kind) => IsNoticeKind(kind);

    Task<RenderedEmail> IOneOffEmailComposer.ComposeAsync(DeliveryRecord row, Reader reader, EmailLinks links, CancellationToken cancellationToken) =>
        ComposeAsync(reader, row.Kind, row.Reference, links, cancellationToken);

    /// <summary>Composes one reader's notice of <paramref name="kind"/> for the incident named by <paramref name="reference"/>.</summary>
    /// <exception cref="ContentUnavailableException">
    /// Nothing to send: the reader turned service notices off after it was queued, or the incident no longer exists.
    /// </exception>
    public async Task<RenderedEmail> ComposeAsync(Reader reader, EmailTemplate kind, string reference, EmailLinks links, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(links);
        if (!IsNoticeKind(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not an incident notice kind.");
        }

        if (!TryParseReference(reference, out var incidentId))
        {
            throw new InvalidOperationException($"The ledger reference '{reference}' of an incident notice does not name an incident (expected incident:<id>).");
        }

        if (!reader.ServiceNotices)
        {
            throw new ContentUnavailableException("the reader turned service notices off");
        }

        var incident = await LoadAsync(incidentId, cancellationToken)
                       ?? throw new ContentUnavailableException($"incident {incidentId} no longer exists");
        return Render(reader, kind, incident, links);
    }

    /// <summary>The notice as <paramref name="reader"/> would get it, for the console's preview (nothing is sent or stored).</summary>
    public async Task<RenderedEmail?> PreviewAsync(Reader reader, EmailTemplate kind, long incidentId, EmailLinks links, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var incident = await LoadAsync(incidentId, cancellationToken);
        return incident is null ? null : Render(reader, kind, incident, links);
    }

    private RenderedEmail Render(Reader reader, EmailTemplate kind, PublicIncident incident, EmailLinks links)
    {
        var site = brand.Value.SiteUrl.TrimEnd('/');
        var statusUrl = $"{site}/status";
        var settingsUrl = links.PreferencesUrl + "#notices";
        IEmailModel model = kind == EmailTemplate.IncidentNotice
            ? new IncidentNoticeEmailModel(reader.Name, incident.Title, incident.LatestUpdate, statusUrl, settingsUrl, links)
            : new IncidentResolvedEmailModel(reader.Name, incident.Title, incident.LatestUpdate, statusUrl, settingsUrl, links);
        return renderer.Render(model, reader.Locale);
    }

    /// <summary>Only the public face: the title and the latest public update (never the notes or alert links).</summary>
    private async Task<PublicIncident?> LoadAsync(long incidentId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var title = await db.Incidents.AsNoTracking().Where(i => i.Id == incidentId).Select(i => i.Title).FirstOrDefaultAsync(cancellationToken);
        if (title is null)
        {
            return null;
        }

        var latest = await db.IncidentUpdates.AsNoTracking()
            .Where(u => u.IncidentId == incidentId)
            .OrderByDescending(u => u.CreatedAt).ThenByDescending(u => u.Id)
            .Select(u => u.Message)
            .FirstOrDefaultAsync(cancellationToken);
        return new PublicIncident(title, latest);
    }

    private sealed record PublicIncident(string Title, string? LatestUpdate);
}
