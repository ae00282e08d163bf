using System.Globalization;
using System.Text;
using System.Xml;
using Astropal.Data;

namespace Astropal.Web.Features.Status;

/// <summary>
/// <c>/status/feed.atom</c>: an Atom 1.0 feed with one entry per incident of the last 90 days (newest first), whose content
/// lists its public updates (newest first) and affected components. Entry ids are stable tag URIs.
/// </summary>
public static class StatusAtomFeed
{
    public const string AtomNamespace = "http://www.w3.org/2005/Atom";

    public static byte[] Write(StatusSnapshot snapshot, StatusPageInfo page, StatusComponentCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(catalog);
        using var stream = new MemoryStream();
        using (var w = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            w.WriteStartDocument();
            w.WriteStartElement("feed", AtomNamespace);
            w.WriteElementString("id", AtomNamespace, page.Url.TrimEnd('/') + "/feed.atom");
            w.WriteElementString("title", AtomNamespace, page.Name + " status");
            w.WriteElementString("updated", AtomNamespace, Time(snapshot.UpdatedAt));
            Link(w, "self", page.Url.TrimEnd('/') + "/feed.atom", "application/atom+xml");
            Link(w, "alternate", page.Url, "text/html");
            w.WriteStartElement("author", AtomNamespace);
            w.WriteElementString("name", AtomNamespace, page.Name);
            w.WriteEndElement();

            foreach (var incident in snapshot.History)
            {
                w.WriteStartElement("entry", AtomNamespace);
                w.WriteElementString("id", AtomNamespace, StatusJson.IncidentLink(page, incident.Id));
                w.WriteElementString("title", AtomNamespace, incident.Name);
                w.WriteElementString("published", AtomNamespace, Time(incident.CreatedAt));
                w.WriteElementString("updated", AtomNamespace, Time(incident.UpdatedAt));
                Link(w, "alternate", StatusJson.IncidentLink(page, incident.Id), "text/html");
                w.WriteStartElement("content", AtomNamespace);
                w.WriteAttributeString("type", "html");
                w.WriteString(Content(incident, catalog));
                w.WriteEndElement();
                w.WriteEndElement();
            }

            w.WriteEndElement();
            w.WriteEndDocument();
        }

        return stream.ToArray();
    }

    private static string Content(PublicIncident incident, StatusComponentCatalog catalog)
    {
        var html = new StringBuilder();
        foreach (var update in incident.Updates)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p><small>{Time(update.CreatedAt)}</small><br><strong>{Title(update.Status)}</strong> - {Escape(update.Body)}</p>");
        }

        if (incident.Components.Count > 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>This incident affected: {Escape(string.Join(", ", incident.Components.Select(catalog.NameOf)))}.</p>");
        }

        return html.ToString();
    }

    private static string Title(IncidentStatus status) => status switch
    {
        IncidentStatus.Investigating => "Investigating",
        IncidentStatus.Identified => "Identified",
        IncidentStatus.Monitoring => "Monitoring",
        _ => "Resolved",
    };

    private static string Escape(string text) => System.Net.WebUtility.HtmlEncode(text);

    private static void Link(XmlWriter w, string rel, string href, string type)
    {
        w.WriteStartElement("link", AtomNamespace);
        w.WriteAttributeString("rel", rel);
        w.WriteAttributeString("type", type);
        w.WriteAttributeString("href", href);
        w.WriteEndElement();
    }

    private static string Time(DateTimeOffset at) => XmlConvert.ToString(at.UtcDateTime, XmlDateTimeSerializationMode.Utc);
}
