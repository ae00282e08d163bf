using Astropal.Core.Billing;
using Astropal.Core.Branding;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using MudBlazor.Services;

namespace Astropal.Web.Features.Site;

public static class SiteSetup
{
    public static IHostApplicationBuilder AddAstropalSite(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<BrandOptions>()
            .BindConfiguration(BrandOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<BrandOptions>, BrandAssetsValidator>();
        builder.Services.AddOptions<BillingOptions>()
            .BindConfiguration(BillingOptions.SectionName)
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<BillingOptions>, BillingOptionsValidator>();
        return builder;
    }

    public static IHostApplicationBuilder AddAstropalUi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        return builder;
    }

    public static WebApplication MapAstropalUi(this WebApplication app)
    {
        // The built-in brand assets, under Brand:AssetsDirectory's files when a second brand sets one.
        IFileProvider brandAssets = new PhysicalFileProvider(Path.Combine(AppContext.BaseDirectory, "brand-assets"));
        if (BrandAssetsValidator.Resolve(app.Services.GetRequiredService<IOptions<BrandOptions>>().Value, app.Environment) is { } overrides)
        {
            brandAssets = new CompositeFileProvider(new PhysicalFileProvider(overrides), brandAssets);
        }

        app.UseStaticFiles(new StaticFileOptions { FileProvider = brandAssets, RequestPath = "/brand" });
        app.MapStaticAssets();
        app.MapRazorComponents<Components.App>()
            // Our own CSP (SecuritySetup) already forbids framing; one policy header, not two.
            .AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null);
        return app;
    }
}
