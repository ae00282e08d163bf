using Astropal.Web.Infrastructure.Cli;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Astropal.Web.Features.Beta;

public static class BetaSetup
{
    /// <summary>Beta invitations: the import (CLI, console, operator API), invitation emails and links, and the console's beta page.</summary>
    public static IHostApplicationBuilder AddAstropalBeta(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddScoped<BetaInvitations>();
        services.AddScoped<BetaImport>();
        services.AddScoped<InvitationSignup>();
        services.AddScoped<BetaReaders>();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<ICliCommand, ImportBetaUsersCommand>());
        return builder;
    }
}
