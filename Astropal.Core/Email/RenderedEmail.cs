namespace Astropal.Core.Email;

/// <summary>A filled template: ready to become an <see cref="EmailMessage"/>.</summary>
public sealed record RenderedEmail(EmailTemplate Template, string Subject, string Preheader, string Html, string Text);
