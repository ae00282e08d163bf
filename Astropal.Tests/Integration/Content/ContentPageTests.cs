using System.Net;
using Astropal.Core.Billing;
using Astropal.Core.Content;
using Astropal.Core.Readers;
using Astropal.Data;
using Astropal.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Astropal.Tests.Integration.Content;

public sealed class ContentPageTests
{
    private const string Password = "Correct-Horse-42";

    [Fact]
    public async Task The_content_page_is_for_signed_in_operators_only_and_lists_todays_segments()
    {
        await using var app = new AstropalAppFactory();
        await app.CreateOperatorAsync("ada@example.com", "Operator", Password);
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<AstropalDbContext>>().CreateDbContextAsync())
        {
            var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow();
            db.Segments.Add(new Segment
            {
                LocalDate = DateOnly.FromDateTime(now.UtcDateTime), Locale = "es-ES", Perspective = PerspectiveId.Knowledge, Tier = Tier.Pro,
                SubjectKey = "sign:virgo", Provider = "grok", Model = "grok-3-mini", ContentJson = "{}", CreatedAt = now,
            });
            await db.SaveChangesAsync();
        }

        using var client = app.CreateNonRedirectingClient();
        using var anonymous = await client.GetAsync("/ops/content");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Equal("/account/sign-in?ReturnUrl=%2Fops%2Fcontent", anonymous.Headers.Location?.PathAndQuery);

        using var signIn = await Forms.PostFormAsync(client, "/account/sign-in", "sign-in",
            new Dictionary<string, string> { ["Input.Email"] = "ada@example.com", ["Input.Password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var page = await client.GetStringAsync("/ops/content");

        Assert.Contains("Segments generated today", page, StringComparison.Ordinal);
        Assert.Contains("sign:virgo", page, StringComparison.Ordinal);
        Assert.Contains("grok-3-mini", page, StringComparison.Ordinal);
        Assert.Contains("$5.00", page, StringComparison.Ordinal);
        Assert.DoesNotContain("not-built", page, StringComparison.Ordinal);
    }
}
