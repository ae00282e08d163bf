using Astropal.Core.Email;
using Astropal.Core.Email.Models;
using Astropal.Core.Readers;

namespace Astropal.Core.Content;

/// <summary>
/// The boundary between content and delivery: composes one reader's email of a kind for the
/// reader's local date, exactly as it will be sent. Delivery supplies the links (signed tokens);
/// content supplies the words, built from the computed sky and the stored segments.
/// </summary>
public interface IReaderEmailComposer
{
    Task<RenderedEmail> ComposeAsync(Reader reader, EmailTemplate kind, DateOnly localDate, EmailLinks links, CancellationToken cancellationToken);
}
