using System.ComponentModel.DataAnnotations;

namespace Astropal.Web.Features.Operators;

/// <summary>Settings of the <c>Operators</c> section: console sign-in and operator accounts.</summary>
public sealed class OperatorOptions
{
    public const string SectionName = "Operators";

    /// <summary>
    /// Every operator must use an authenticator app (TOTP). Unset: required everywhere except in the
    /// Development environment; set it to <c>true</c> or <c>false</c> to decide explicitly.
    /// </summary>
    public bool? RequireTwoFactor { get; set; }

    /// <summary>How often an open console circuit checks that its operator is still enabled and their security stamp unchanged.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "1.00:00:00", ErrorMessage = "Operators:RevalidateInterval must be between 00:00:05 and 1.00:00:00.")]
    public TimeSpan RevalidateInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Failed sign-in attempts (password or second factor) one client IP may make per <see cref="SignInWindow"/>; beyond, 429.</summary>
    [Range(1, 10_000, ErrorMessage = "Operators:SignInAttemptsPerIp must be between 1 and 10000.")]
    public int SignInAttemptsPerIp { get; set; } = 10;

    /// <summary>The sliding window of <see cref="SignInAttemptsPerIp"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "Operators:SignInWindow must be between 00:00:01 and 1.00:00:00.")]
    public TimeSpan SignInWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long the set-password link in an operator's invitation works (it works once).</summary>
    [Range(typeof(TimeSpan), "00:10:00", "30.00:00:00", ErrorMessage = "Operators:InvitationLifetime must be between 00:10:00 and 30.00:00:00.")]
    public TimeSpan InvitationLifetime { get; set; } = TimeSpan.FromHours(72);

    /// <summary>Whether two-factor authentication is required in <paramref name="environment"/>.</summary>
    public bool TwoFactorRequiredIn(IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return RequireTwoFactor ?? !environment.IsDevelopment();
    }
}
