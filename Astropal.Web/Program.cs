using Astropal.Web.Features.Account;
using Astropal.Web.Features.Alerts;
using Astropal.Web.Features.Backups;
using Astropal.Web.Features.Beta;
using Astropal.Web.Features.Billing;
using Astropal.Web.Features.Content;
using Astropal.Web.Features.Delivery;
using Astropal.Web.Features.Incidents;
using Astropal.Web.Features.Jobs;
using Astropal.Web.Features.Metrics;
using Astropal.Web.Features.OperatorApi;
using Astropal.Web.Features.Operators;
using Astropal.Web.Features.Ops;
using Astropal.Web.Features.Places;
using Astropal.Web.Features.Readers;
using Astropal.Web.Features.Reports;
using Astropal.Web.Features.Runbooks;
using Astropal.Web.Features.Site;
using Astropal.Web.Features.Sky;
using Astropal.Web.Features.Status;
using Astropal.Web.Features.Subscribers;
using Astropal.Web.Infrastructure.Cli;
using Astropal.Web.Infrastructure.Database;
using Astropal.Web.Infrastructure.Email;
using Astropal.Web.Infrastructure.Health;
using Astropal.Web.Infrastructure.Hosting;
using Astropal.Web.Infrastructure.Identity;
using Astropal.Web.Infrastructure.Localization;
using Astropal.Web.Infrastructure.Metrics;
using Astropal.Web.Infrastructure.Observability;
using Astropal.Web.Infrastructure.Scheduling;
using Astropal.Web.Infrastructure.Security;

var invocation = CliInvocation.Parse(args);
var builder = WebApplication.CreateBuilder(invocation.HostArguments);

builder.AddAstropalObservability(invocation);
builder.AddAstropalMetrics();
builder.AddAstropalClock();
builder.AddAstropalStorage();
builder.AddAstropalDatabase();
builder.AddAstropalIdentity();
builder.AddAstropalOperators();
builder.AddAstropalOperatorApi();
builder.AddAstropalSite();
builder.AddAstropalLocalization();
builder.AddAstropalPlaces();
builder.AddAstropalSky();
builder.AddAstropalEmail();
builder.AddAstropalContent();
builder.AddAstropalReaders();
builder.AddAstropalSecurity();
builder.AddAstropalBeta();
builder.AddAstropalDelivery();
builder.AddAstropalBilling();
builder.AddAstropalSubscribers();
builder.AddAstropalOverview();
builder.AddAstropalLaunchMetrics();
builder.AddAstropalAlertChannels();
builder.AddAstropalAlerts();
builder.AddAstropalReports();
builder.AddAstropalRunbooks();
builder.AddAstropalStatus();
builder.AddAstropalIncidents();
builder.AddAstropalJobs();
builder.AddAstropalBackups();
builder.AddAstropalScheduler();
builder.AddAstropalUi();
builder.AddAstropalHealth();
builder.AddAstropalCli();

var app = builder.Build();

if (invocation.Command is not null)
{
    return await app.RunCliAsync(invocation);
}

app.UseAstropalRequestMetrics();
app.UseAstropalSecurity();
app.UseAstropalLocalization();
app.MapAstropalHealth();
app.MapAstropalMetrics();
app.MapAstropalAccount();
app.MapAstropalReaders();
app.MapAstropalDelivery();
app.MapAstropalStatus();
app.MapAstropalBilling();
app.MapAstropalOperatorApi().MapBetaImport().MapMetricsApi().MapAlertsApi().MapReportsApi().MapIncidentsApi();
app.MapAstropalUi();

// Held while the site runs: restore refuses to replace the database under a running app.
using var databaseLock = app.HoldDatabaseInstanceLock();
await app.PrepareEmbeddedDatabaseAsync(app.Lifetime.ApplicationStopping);
await app.RunAsync();
return 0;
