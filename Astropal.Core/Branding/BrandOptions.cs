using System.ComponentModel.DataAnnotations;

namespace Astropal.Core.Branding;

/// <summary>
/// Settings of the <c>Brand</c> section: everything that makes the site and the emails "Astropal".
/// A second brand is this section plus template overrides.
/// </summary>
public sealed class BrandOptions
{
    public const string SectionName = "Brand";

    [Required(AllowEmptyStrings = false, ErrorMessage = "Brand:Name is required.")]
    [StringLength(40, ErrorMessage = "Brand:Name must be at most 40 characters.")]
    public string Name { get; set; } = "Astropal";

    [Required(AllowEmptyStrings = false, ErrorMessage = "Brand:Tagline is required.")]
    public string Tagline { get; set; } = "Your daily sky, in your own voice.";

    /// <summary>Public address of the site, used in email links. No trailing slash needed.</summary>
    [Required(ErrorMessage = "Brand:SiteUrl is required.")]
    [Url(ErrorMessage = "Brand:SiteUrl must be an absolute http(s) URL.")]
    public string SiteUrl { get; set; } = "http://localhost:5080";

    /// <summary>Logo path under the site (brand assets are served from /brand) or an absolute URL.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Brand:LogoPath is required.")]
    public string LogoPath { get; set; } = "/brand/logo.svg";

    /// <summary>
    /// Optional folder of brand assets served under <c>/brand</c> (absolute, or relative to the content root): each file
    /// there replaces the built-in one of <c>wwwroot-assets/</c> (<c>logo.svg</c>, <c>logo.png</c>, <c>favicon.svg</c>);
    /// files it lacks come from the build. A second brand is its <c>Brand</c> settings, this folder and
    /// <c>Email:TemplateDirectory</c>. Must exist when set.
    /// </summary>
    public string? AssetsDirectory { get; set; }

    /// <summary>Logo for emails: a PNG, because Gmail and Outlook do not show SVG images.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Brand:EmailLogoPath is required.")]
    public string EmailLogoPath { get; set; } = "/brand/logo.png";

    [Required, RegularExpression("^#[0-9A-Fa-f]{6}$", ErrorMessage = "Brand:PrimaryColor must be a #RRGGBB colour.")]
    public string PrimaryColor { get; set; } = "#4C3D99";

    [Required, RegularExpression("^#[0-9A-Fa-f]{6}$", ErrorMessage = "Brand:AccentColor must be a #RRGGBB colour.")]
    public string AccentColor { get; set; } = "#F2B84B";

    [Required, RegularExpression("^#[0-9A-Fa-f]{6}$", ErrorMessage = "Brand:BackgroundColor must be a #RRGGBB colour.")]
    public string BackgroundColor { get; set; } = "#0F0D24";

    [Required, RegularExpression("^#[0-9A-Fa-f]{6}$", ErrorMessage = "Brand:TextColor must be a #RRGGBB colour.")]
    public string TextColor { get; set; } = "#F4F1FF";

    [Required(ErrorMessage = "Brand:FromAddress is required.")]
    [EmailAddress(ErrorMessage = "Brand:FromAddress must be an email address.")]
    public string FromAddress { get; set; } = "hello@astropal.local";

    [Required(AllowEmptyStrings = false, ErrorMessage = "Brand:FromName is required.")]
    public string FromName { get; set; } = "Astropal";

    [Required(ErrorMessage = "Brand:SupportAddress is required.")]
    [EmailAddress(ErrorMessage = "Brand:SupportAddress must be an email address.")]
    public string SupportAddress { get; set; } = "support@astropal.local";

    /// <summary>Postal address shown in every email footer (anti-spam law) and on the site.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Brand:PostalAddress is required.")]
    public string PostalAddress { get; set; } = "Astropal, 1 Observatory Lane, Greenwich, London SE10 8XJ, United Kingdom";

    /// <summary>The legal entity named on the privacy and terms pages.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Brand:LegalEntity is required.")]
    public string LegalEntity { get; set; } = "Astropal Ltd";


    /// <summary>Absolute URL of a site path (for emails); absolute inputs are returned unchanged.</summary>
    public string Absolute(string pathOrUrl) =>
        Uri.TryCreate(pathOrUrl, UriKind.Absolute, out var absolute) && absolute.Scheme.StartsWith("http", StringComparison.Ordinal)
            ? absolute.ToString()
            : new Uri(new Uri(SiteUrl.TrimEnd('/') + "/"), pathOrUrl.TrimStart('/')).ToString();
}
