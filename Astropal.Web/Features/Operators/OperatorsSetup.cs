using Astropal.Web.Features.Audit;

namespace Astropal.Web.Features.Operators;

public static class OperatorsSetup
{
    public static IHostApplicationBuilder AddAstropalOperators(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<AuditLog>();
        builder.Services.AddScoped<OperatorAccounts>();
        return builder;
    }
}
