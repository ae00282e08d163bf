using MudBlazor;

namespace Astropal.Web.Features.Ops;

/// <summary>A console section. <see cref="Built"/> is false until the issue that builds it lands.</summary>
public sealed record OpsSection(string Slug, string Title, string Icon, string Purpose, bool Built = false, bool AdminOnly = false)
{
    public string Href => Slug.Length == 0 ? "/ops" : "/ops/" + Slug;
}

/// <summary>The console's sections (SPEC §10), in menu order.</summary>
public static class OpsNavigation
{
    public static IReadOnlyList<OpsSection> Sections { get; } =
    [
        new("", "Overview", Icons.Material.Filled.Dashboard, "Launch checklist and beta success criteria computed from live data.", Built: true),
        new("beta", "Beta users", Icons.Material.Filled.Science, "Invite, import and resend beta users; preview the email each one will get.", Built: true),
        new("subscribers", "Subscribers", Icons.Material.Filled.People, "Every reader with status, tier, perspective and focus areas.", Built: true),
        new("deliveries", "Deliveries", Icons.Material.Filled.Send, "Today's run per email kind with live progress, per-reader status and resend.", Built: true),
        new("billing", "Billing", Icons.Material.Filled.CreditCard, "Paying readers by plan, trials ending, past due, MRR, trial-to-paid conversion and Stripe webhook events.", Built: true),
        new("outbox", "Email outbox", Icons.Material.Filled.Inbox, "Messages written by the Outbox transport, and previews for any reader and date.", Built: true),
        new("content", "Content", Icons.Material.Filled.AutoAwesome, "Segments generated today, provider used, tokens, cost and voice differentiation.", Built: true),
        new("metrics", "Live metrics", Icons.Material.Filled.Insights, "Launch metrics against their targets.", Built: true),
        new("reports", "Reports", Icons.Material.Filled.Summarize, "The daily operations report of each day and whether it was sent.", Built: true),
        new("alerts", "Alerts", Icons.Material.Filled.NotificationsActive, "Firing and resolved alerts, channels and a test alert.", Built: true),
        new("incidents", "Incidents", Icons.Material.Filled.ReportProblem, "Incidents from investigating to resolved, with updates and post-mortems.", Built: true),
        new("maintenance", "Maintenance", Icons.Material.Filled.Build, "Scheduled maintenance windows: components under maintenance, alerts suppressed.", Built: true),
        new("status", "Status components", Icons.Material.Filled.Traffic, "Components shown on the public status page and their state."),
        new("jobs", "Jobs", Icons.Material.Filled.Schedule, "Scheduled jobs: pause, resume and run now.", Built: true),
        new("runbooks", "Runbooks", Icons.Material.Filled.MenuBook, "Operational runbooks, the daily checks and the incident response plan, with a search.", Built: true),
        new("audit", "Audit log", Icons.Material.Filled.History, "Every operator action, newest first.", Built: true),
        new("operators", "Operators", Icons.Material.Filled.AdminPanelSettings, "Console accounts and their roles.", Built: true, AdminOnly: true),
    ];

    public static OpsSection? Find(string? slug) =>
        Sections.FirstOrDefault(s => string.Equals(s.Slug, slug, StringComparison.OrdinalIgnoreCase));
}
