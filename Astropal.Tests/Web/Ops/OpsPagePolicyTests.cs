using System.Reflection;
using Astropal.Web.Features.Ops;
using Astropal.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;

namespace Astropal.Tests.Web.Ops;

/// <summary>The server enforces who may open each console page: every <c>/ops</c> component carries its policy.</summary>
public sealed class OpsPagePolicyTests
{
    private static readonly List<(Type Component, string Route)> OpsPages = typeof(OpsNavigation).Assembly.GetTypes()
        .Where(t => typeof(IComponent).IsAssignableFrom(t))
        .SelectMany(t => t.GetCustomAttributes<RouteAttribute>().Select(r => (t, r.Template)))
        .Where(p => p.Template.Equals("/ops", StringComparison.OrdinalIgnoreCase) || p.Template.StartsWith("/ops/", StringComparison.OrdinalIgnoreCase))
        .ToList();

    [Fact]
    public void There_are_console_pages_to_check()
    {
        Assert.True(OpsPages.Count >= 5, $"Found only {OpsPages.Count} /ops components.");
    }

    [Fact]
    public void Every_console_component_requires_a_console_policy_and_none_allows_anonymous_users()
    {
        foreach (var (component, route) in OpsPages)
        {
            Assert.False(component.IsDefined(typeof(AllowAnonymousAttribute), inherit: true), $"{component.Name} ({route}) allows anonymous users.");
            var policies = Policies(component);
            Assert.True(
                policies.Contains(OperatorPolicies.Console) || policies.Contains(OperatorPolicies.Admin),
                $"{component.Name} ({route}) has no console policy (has: {string.Join(", ", policies)}).");
        }
    }

    [Fact]
    public void Every_admin_only_section_page_requires_the_admin_policy()
    {
        var adminSections = OpsNavigation.Sections.Where(s => s.AdminOnly && s.Built).ToList();
        Assert.NotEmpty(adminSections);
        foreach (var section in adminSections)
        {
            var pages = OpsPages.Where(p => p.Route.Equals(section.Href, StringComparison.OrdinalIgnoreCase)
                || p.Route.StartsWith(section.Href + "/", StringComparison.OrdinalIgnoreCase)).ToList();
            Assert.NotEmpty(pages);
            Assert.All(pages, p => Assert.Contains(OperatorPolicies.Admin, Policies(p.Component)));
        }
    }

    [Fact]
    public void Every_built_section_has_its_own_page()
    {
        foreach (var section in OpsNavigation.Sections.Where(s => s.Built))
        {
            Assert.Contains(OpsPages, p => p.Route.Equals(section.Href, StringComparison.OrdinalIgnoreCase));
        }
    }

    private static List<string?> Policies(Type component) =>
        component.GetCustomAttributes<AuthorizeAttribute>(inherit: true).Select(a => a.Policy).ToList();
}
