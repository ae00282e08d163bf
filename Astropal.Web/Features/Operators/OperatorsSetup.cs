namespace Astropal.Web.Features.Operators;

public static class OperatorsSetup
{
    public static IHostApplicationBuilder AddAstropalOperators(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddScoped<OperatorAccounts>();
        return builder;
    }
}
