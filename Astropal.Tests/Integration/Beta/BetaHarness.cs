using System.Text.RegularExpressions;
using Astropal.Data;
using Astropal.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Astropal.Tests.Integration.Beta;

/// <summary>Beta files and look-ups shared by the beta tests.</summary>
internal static partial class BetaHarness
{
    public const string FourUsers = """
        [
          { "email": "calm@example.org", "perspective": "calm", "focusAreas": ["wellness", "spiritual"], "locale": "en-US", "note": "ignored" },
          { "email": "Knowledge@Example.org", "perspective": "knowledge", "focusAreas": ["evidence-based", "career"], "locale": "en-US", "name": "Kim" },
          { "email": "success@example.org", "perspective": "success", "focusAreas": ["career", "social"], "locale": "es-ES" },
          { "email": "evidence@example.org", "perspective": "evidence", "focusAreas": ["evidence-based", "wellness"], "locale": "en-US" }
        ]
        """;

    public static string WriteFile(TempDirectory dir, string json, string name = "beta.json")
    {
        var path = dir.File(name);
        File.WriteAllText(path, json);
        return path;
    }

    public static async Task<AstropalDbContext> DbAsync(AstropalAppFactory app) =>
        await app.Services.GetRequiredService<IDbContextFactory<AstropalDbContext>>().CreateDbContextAsync();

    public static string InvitationToken(MimeKit.MimeMessage message) =>
        InvitationLink().Match(message.TextBody ?? "").Groups[1].Value;

    [GeneratedRegex(@"/start\?invite=([A-Za-z0-9_\-]+)")]
    public static partial Regex InvitationLink();
}
