using Astropal.Web.Features.Audit;
using Astropal.Web.Features.Account;

namespace Astropal.Web.Features.Operators;

public static class OperatorsSetup
{
    public static IHostApplicationBuilder AddAstropalOperators(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<AuditLog>();
        builder.Services.AddSingleton<AuditQuery>();
        builder.Services.AddOptions<OperatorOptions>()
            .BindConfiguration(OperatorOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<SignInThrottle>();
        builder.Services.AddScoped<OperatorInvitations>();
        builder.Services.AddScoped<OperatorAccounts>();
        return builder;
    }
}
