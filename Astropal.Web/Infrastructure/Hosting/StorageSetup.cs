using Astropal.Core.Storage;
using Microsoft.Extensions.Options;

namespace Astropal.Web.Infrastructure.Hosting;

public static class StorageSetup
{
    public static IHostApplicationBuilder AddAstropalStorage(this IHostApplicationBuilder builder)
    {
        var contentRoot = builder.Environment.ContentRootPath;
        builder.Services.AddOptions<StorageOptions>()
            .BindConfiguration(StorageOptions.SectionName)
            .ValidateDataAnnotations()
            .PostConfigure(o =>
            {
                if (!string.IsNullOrWhiteSpace(o.DataDirectory))
                {
                    o.DataDirectory = ResolveDataDirectory(contentRoot, o.DataDirectory);
                }
            })
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<StorageOptions>, WritableDataDirectory>();
        return builder;
    }

    /// <summary>The absolute data directory for a configured value (relative to the content root).</summary>
    public static string ResolveDataDirectory(string contentRoot, string? configured) =>
        Path.GetFullPath(Path.Combine(contentRoot, string.IsNullOrWhiteSpace(configured) ? "App_Data" : configured));

    /// <summary>Fails at startup, naming the setting, when the folder cannot be created or written.</summary>
    private sealed class WritableDataDirectory : IValidateOptions<StorageOptions>
    {
        public ValidateOptionsResult Validate(string? name, StorageOptions options)
        {
            if (string.IsNullOrWhiteSpace(options.DataDirectory))
            {
                return ValidateOptionsResult.Skip;
            }

            try
            {
                Directory.CreateDirectory(options.DataDirectory);
                var probe = Path.Combine(options.DataDirectory, $".write-probe-{Guid.NewGuid():N}");
                File.WriteAllText(probe, "");
                File.Delete(probe);
                return ValidateOptionsResult.Success;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return ValidateOptionsResult.Fail($"Storage:DataDirectory '{options.DataDirectory}' is not a writable folder: {e.Message}");
            }
        }
    }
}
