using Astropal.Core.Branding;

namespace Astropal.Tests.Core.Branding;

public sealed class BrandOptionsTests
{
    [Fact]
    public void Brand_builds_absolute_links_from_the_site_url()
    {
        var brand = new BrandOptions { SiteUrl = "https://astropal.example/" };

        Assert.Equal("https://astropal.example/brand/logo.svg", brand.Absolute("/brand/logo.svg"));
        Assert.Equal("https://cdn.example/logo.png", brand.Absolute("https://cdn.example/logo.png"));
    }
}
