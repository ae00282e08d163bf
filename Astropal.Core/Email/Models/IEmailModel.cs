namespace Astropal.Core.Email.Models;

/// <summary>
/// The values of one email. Property names are the placeholders of the template
/// (<c>{{Greeting}}</c>, <c>{{#each SkyFacts}}</c>); dates and numbers arrive formatted for the
/// reader (their time zone and language), because templates do not format.
/// </summary>
public interface IEmailModel
{
    /// <summary>The template this model fills.</summary>
    EmailTemplate Template { get; }

    /// <summary>The reader's footer links; null for emails to someone who is not (or no longer) a reader.</summary>
    EmailLinks? Links { get; }
}
