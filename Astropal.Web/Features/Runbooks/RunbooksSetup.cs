namespace Astropal.Web.Features.Runbooks;

public static class RunbooksSetup
{
    /// <summary>The runbooks library shown at <c>/ops/runbooks</c>, read from the docs copied beside the app.</summary>
    public static IHostApplicationBuilder AddAstropalRunbooks(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton(new RunbookLibrary(RunbookLibrary.DefaultRoot));
        return builder;
    }
}
