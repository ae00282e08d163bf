using Astropal.Core.Billing;
using Astropal.Core.Readers;
using Astropal.Core.Readers.Signup;
using Astropal.Core.Sky;
using Astropal.Data;
using Astropal.Web.Features.Readers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Astropal.Web.Features.Beta;

/// <summary>
/// Completes the sign-up of an invited reader (<c>/start?invite=TOKEN</c>, or <c>invitation</c> in
/// <c>POST /api/readers</c>). The invitation came to the mailbox, so it proves it: the reader is active at
/// once, the trial starts, the chart is cast and the welcome email goes out; no confirmation email. The
/// address is the invitation's; perspective, focus areas and language default to the invitation's.
/// </summary>
public sealed class InvitationSignup(
    IDbContextFactory<AstropalDbContext> dbFactory,
    SignupValidator validator,
    BirthChartCalculator charts,
    WelcomeEmail welcome,
    IOptions<BillingOptions> billing,
    TimeProvider clock)
{
    public const string Field = "invitation";

    public async Task<SignupOutcome> CompleteAsync(SignupRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var token = request.Invitation?.Trim();
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return Refused(InvitationState.Unknown);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var hash = ReaderToken.Hash(token);
        var row = await db.ReaderTokens.AsNoTracking()
            .FirstOrDefaultAsync(t => t.TokenHash == hash && t.Purpose == ReaderTokenPurpose.Invitation, cancellationToken);
        var now = clock.GetUtcNow();
        if (row is null)
        {
            return Refused(InvitationState.Unknown);
        }

        var invited = await db.Readers.AsNoTracking().FirstOrDefaultAsync(r => r.Id == row.ReaderId, cancellationToken);
        if (row.UsedAt is not null || invited is not { Status: ReaderStatus.Invited, Email: not null })
        {
            return Refused(InvitationState.Used);
        }

        if (row.ExpiresAt <= now)
        {
            return Refused(InvitationState.Expired);
        }

        if (!string.IsNullOrWhiteSpace(request.Email) && !string.Equals(request.Email.Trim(), invited.Email, StringComparison.OrdinalIgnoreCase))
        {
            return new SignupOutcome.Invalid(new Dictionary<string, string[]>
            {
                ["email"] = [$"This invitation is for {invited.Email}. Sign up without the invitation to use another address."],
            });
        }

        var validation = validator.Validate(request with
        {
            Email = invited.Email,
            Perspective = string.IsNullOrWhiteSpace(request.Perspective) ? Perspective.Get(invited.Perspective).Slug : request.Perspective,
            FocusAreas = request.FocusAreas is { Count: > 0 } ? request.FocusAreas : [.. invited.FocusAreas.Select(f => FocusArea.Get(f).Slug)],
            Locale = string.IsNullOrWhiteSpace(request.Locale) ? invited.Locale : request.Locale,
        });
        if (validation.Signup is not { } signup)
        {
            return new SignupOutcome.Invalid(validation.Errors);
        }

        var strategy = db.Database.CreateExecutionStrategy();
        var reader = await strategy.ExecuteAsync(async ct =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);

            // Claiming the token by a conditional update makes two submits at once complete exactly once.
            var claimed = await db.ReaderTokens
                .Where(t => t.Id == row.Id && t.UsedAt == null && t.ExpiresAt > now)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedAt, now), ct);
            if (claimed == 0)
            {
                return null;
            }

            var reader = await db.Readers.SingleAsync(r => r.Id == row.ReaderId, ct);
            if (reader.Status != ReaderStatus.Invited)
            {
                return null;
            }

            Apply(reader, signup, now);
            reader.Status = ReaderStatus.Active;
            reader.Tier = Tier.Trial;
            reader.TrialEndsAt = now.AddDays(billing.Value.TrialDays);
            reader.ConfirmedAt = now;
            reader.InvitationAcceptedAt = now;
            reader.LastActivityAt = now;
            reader.NatalChartJson ??= StoredNatalChart.From(charts.Compute(new BirthData(
                signup.BirthDate, signup.BirthTime, signup.BirthPlace.Latitude, signup.BirthPlace.Longitude, signup.BirthPlace.TimeZoneId))).ToJson();
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return reader;
        }, cancellationToken);

        if (reader is null)
        {
            return Refused(InvitationState.Used);
        }

        var welcomed = await welcome.SendAsync(reader, cancellationToken);
        return new InvitationAccepted(reader.Id, welcomed);
    }

    /// <summary>The English message for an invitation that does not work (the API's answer; the page has its own words).</summary>
    public static string Message(InvitationState state) => state switch
    {
        InvitationState.Expired => "This invitation has expired. Ask the Astropal team for a new one, or sign up without it.",
        InvitationState.Used => "This invitation has been used already. Open your preferences from the welcome email, or sign up without it.",
        _ => "This invitation link is not valid. Check that you copied the whole link from the email.",
    };

    private static SignupOutcome.Invalid Refused(InvitationState state) =>
        new(new Dictionary<string, string[]> { [Field] = [Message(state)] });

    private static void Apply(Reader reader, ValidSignup signup, DateTimeOffset now)
    {
        reader.Name = signup.Name ?? reader.Name;
        reader.BirthDate = signup.BirthDate;
        reader.BirthTime = signup.BirthTime;
        reader.BirthPlaceId = signup.BirthPlace.GeonameId;
        reader.BirthPlaceName = signup.BirthPlace.Label;
        reader.BirthLatitude = signup.BirthPlace.Latitude;
        reader.BirthLongitude = signup.BirthPlace.Longitude;
        reader.BirthTimeZone = signup.BirthPlace.TimeZoneId;
        reader.TimeZone = signup.TimeZone;
        reader.DeliveryTime = signup.DeliveryTime;
        reader.Locale = signup.Locale;
        reader.Perspective = signup.Perspective;
        reader.FocusAreas = [.. signup.FocusAreas];
        reader.TermsAcceptedAt = now;
        reader.MarketingConsent = signup.MarketingConsent;
        reader.MarketingConsentAt = signup.MarketingConsent ? now : null;
        reader.ReferredBy ??= signup.ReferralCode;
        reader.UpdatedAt = now;
    }
}
