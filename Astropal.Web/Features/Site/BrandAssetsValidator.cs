using Astropal.Core.Branding;
using Microsoft.Extensions.Options;

namespace Astropal.Web.Features.Site;

/// <summary><c>Brand:AssetsDirectory</c>, when set, names a folder that exists (absolute, or relative to the content root).</summary>
public sealed class BrandAssetsValidator(IHostEnvironment environment) : IValidateOptions<BrandOptions>
{
    public ValidateOptionsResult Validate(string? name, BrandOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var folder = Resolve(options, environment);
        return folder is null || Directory.Exists(folder)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Brand:AssetsDirectory '{options.AssetsDirectory}' does not exist (resolved to {folder}).");
    }

    /// <summary>The full path of <c>Brand:AssetsDirectory</c>, or null when it is not set.</summary>
    public static string? Resolve(BrandOptions options, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        return string.IsNullOrWhiteSpace(options.AssetsDirectory)
            ? null
            : Path.GetFullPath(options.AssetsDirectory, environment.ContentRootPath);
    }
}
