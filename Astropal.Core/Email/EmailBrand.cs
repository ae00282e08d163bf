using Astropal.Core.Branding;

namespace Astropal.Core.Email;

/// <summary>The <c>{{Brand.*}}</c> values of every template, taken from the <c>Brand</c> settings.</summary>
public sealed record EmailBrand(
    string Name,
    string Tagline,
    string SiteUrl,
    string LogoUrl,
    string PrivacyUrl,
    string FromAddress,
    string FromName,
    string SupportAddress,
    string PostalAddress,
    string LegalEntity,
    string PrimaryColor,
    string AccentColor,
    string BackgroundColor,
    string TextColor)
{
    public static EmailBrand From(BrandOptions brand)
    {
        ArgumentNullException.ThrowIfNull(brand);
        return new(
            brand.Name,
            brand.Tagline,
            brand.SiteUrl.TrimEnd('/'),
            brand.Absolute(brand.EmailLogoPath),
            brand.Absolute("/privacy"),
            brand.FromAddress,
            brand.FromName,
            brand.SupportAddress,
            brand.PostalAddress,
            brand.LegalEntity,
            brand.PrimaryColor,
            brand.AccentColor,
            brand.BackgroundColor,
            brand.TextColor);
    }
}
