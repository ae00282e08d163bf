using Astropal.Core.Branding;
using Astropal.Core.Email;
using Astropal.Core.Email.Models;

namespace Astropal.Tests.TestSupport;

/// <summary>A full sample model for every email template (every optional block filled).</summary>
internal static class EmailSamples
{
    public const string UnsubscribeUrl = "https://astropal.test/u/tok123";

    /// <summary>A brand unlike the defaults, so tests see that every value comes from the settings.</summary>
    public static BrandOptions Brand { get; } = new()
    {
        Name = "Starling",
        SiteUrl = "https://starling.test/",
        LogoPath = "/brand/logo.png",
        FromAddress = "hello@starling.test",
        SupportAddress = "help@starling.test",
        PostalAddress = "Starling, 9 Comet Road, Leeds LS1 1AA",
        LegalEntity = "Starling Ltd",
    };

    public static EmailLinks Links { get; } = new(
        "https://astropal.test/me?t=tok123",
        UnsubscribeUrl,
        "https://astropal.test/privacy",
        new PerspectiveLinks(
            "https://astropal.test/me/perspective/calm?t=tok123",
            "https://astropal.test/me/perspective/knowledge?t=tok123",
            "https://astropal.test/me/perspective/success?t=tok123",
            "https://astropal.test/me/perspective/evidence?t=tok123"));

    public static IReadOnlyList<PlanSummary> Plans { get; } =
    [
        new("Cosmic Coach", "$7.99/month", "Personal horoscope, evening reflection, weekly overview"),
        new("Cosmic Authority", "$14.99/month", "Everything in Coach plus the midday news digest"),
    ];

    public static DailyEmailModel Daily(string name = "Ada", UpgradeBlock? upgrade = null, NewsBlock? news = null, bool withOptional = true) => new(
        Subject: "Moon in Gemini: a day for questions",
        Preheader: "Mars squares your Saturn until Thursday; here is how to use the friction.",
        DateLabel: "Thursday 26 November",
        PerspectiveName: "Evidence-Based",
        Greeting: $"Good morning, {name}.",
        SkyFacts:
        [
            new("Moon", "Waxing gibbous at 14°02′ Gemini, 71% illuminated"),
            new("Mercury", "Stations retrograde at 21°40′ Sagittarius"),
            new("Exact today", "Sun trine Jupiter at 15:12"),
        ],
        Transits:
        [
            new("Friction that builds muscle", "Mars square natal Saturn", "1°12′", "Thu 14:05", "Deadlines feel heavier; ship the hard task first."),
            new("An easy conversation", "Venus sextile natal Mercury", "0°30′", "Fri 09:40", "Say the kind thing you rehearsed."),
        ],
        FocusGuidance:
        [
            new("Career & Business", "Block two hours before noon for the task you keep postponing."),
            new("Relationships & Love", "Ask one question and listen to the whole answer."),
        ],
        Practice: new("Today's practice", "Write down one prediction about your mood and check it tonight."),
        Snippet: "Mercury turns retrograde today: Earth is overtaking it on the inside lane.",
        Upgrade: upgrade ?? (withOptional ? new UpgradeBlock("Your chart, not just your sign", "Basic adds transits to your own natal chart and an evening reflection.", "See the plans", "https://astropal.test/plans") : null),
        News: news ?? (withOptional ? new NewsBlock("In the news", [new NewsItem("Central bank holds rates", "Example News", "https://news.test/a?x=1&y=2", "Saturn energy: patience over speed.")]) : null),
        Links: Links);

    public static IEmailModel For(EmailTemplate template, string name = "Ada") => template switch
    {
        EmailTemplate.Confirm => new ConfirmEmailModel("Calm & Centered", "https://astropal.test/confirm/abc", 48),
        EmailTemplate.Welcome => new WelcomeEmailModel(name, "Calm & Centered", "06:00", "Europe/London", 7,
            [new("Every morning", "Your daily horoscope"), new("Every evening", "A reflection at 19:00"), new("Sundays", "The week ahead")], Links),
        EmailTemplate.Daily => Daily(name),
        EmailTemplate.Evening => new EveningEmailModel("Evening: what did the Moon ask of you?", "Three questions for a quiet ten minutes before sleep.",
            "Thursday 26 November", "Calm & Centered", $"Good evening, {name}.", "The Moon spent the day in curious Gemini.",
            ["What surprised you today?", "Where did you hold your breath?"], "The Moon enters Cancer at 03:10.", Links),
        EmailTemplate.Weekly => new WeeklyEmailModel("Your week: Mercury turns around", "Seven days, two stations, one full moon. Here is the shape of it.",
            "30 November – 6 December", "Cosmic Knowledge", $"Hello {name},", "A week of reviews rather than launches.",
            [new("Monday", "Full Moon in Gemini", "Exact at 23:14."), new("Wednesday", "Venus enters Capricorn", "Relationships get practical.")],
            [new("4 December", "Mercury stations direct")],
            new UpgradeBlock("Get this every day", "Basic adds your personal daily horoscope.", "See the plans", "https://astropal.test/plans"), Links),
        EmailTemplate.Midday => new MiddayEmailModel("Midday: markets, Mars and patience", "Three headlines read through today's sky in your voice.",
            "Thursday 26 November", "Success & Achievement", $"Hi {name},", "Three stories worth your lunch break.",
            [new("Central bank holds rates", "Example News", "https://news.test/a?x=1&y=2", "Saturn energy: patience over speed.")], Links),
        EmailTemplate.PerspectiveChanged => new PerspectiveChangedEmailModel(name, "Calm & Centered", "Evidence-Based",
            "Factual and precise: what is observable in today's sky, with numbers.", "Moon 71% illuminated, waxing gibbous at 14°02′ Gemini.",
            "tomorrow at 06:00", Links),
        EmailTemplate.ExportReady => new ExportReadyEmailModel(name, "https://astropal.test/account/export/xyz", "84 KB", "3 December 2026, 06:00", Links),
        EmailTemplate.AccountDeleted => new AccountDeletedEmailModel(name, "26 November 2026", 30),
        EmailTemplate.TrialEnding => new TrialEndingEmailModel(name, "on Saturday", 2, Plans, "https://astropal.test/plans", Links),
        EmailTemplate.TrialEnded => new TrialEndedEmailModel(name, "Calm & Centered", Plans, "https://astropal.test/plans", Links),
        EmailTemplate.SignIn => new SignInEmailModel(name, "https://astropal.test/me?t=abc", "1 hour"),
        EmailTemplate.OperatorInvitation => new OperatorInvitationEmailModel("ada@example.com", "https://astropal.test/account/set-password?u=1&t=abc", "72 hours"),
        EmailTemplate.Invitation => new InvitationEmailModel(name, "Calm & Centered", "Mental Wellness, Spiritual Growth", "https://astropal.test/start?invite=abc", 14),
        EmailTemplate.SubscriptionStarted => new SubscriptionStartedEmailModel(name, "Cosmic Coach", "January 5, 2027", "https://astropal.test/me?t=abc#billing", Links),
        EmailTemplate.PaymentFailed => new PaymentFailedEmailModel(name, "Cosmic Coach", 7, "https://astropal.test/me?t=abc#billing", Links),
        EmailTemplate.SubscriptionEnded => new SubscriptionEndedEmailModel(name, "Cosmic Coach", "https://astropal.test/plans", Links),
        EmailTemplate.DailyReport => new DailyReportEmailModel("2026-12-05", "2026-12-05 21:00 UTC", "https://astropal.test/ops/reports/2026-12-05", 2,
            [new("Delivery rate", "91.0%", "alert", "99.0%", "ok", "98.0%", "95.0%")], [new("sent", "120"), new("failed", "12")], 3,
            [new("openai", "$1.20 (14 calls, 52,000 tokens)")], "$1.20", "email.delivery.rate (high)", "none", 4, 2, 1,
            "Most alike two voices 0.080 (target ≤ 0.10), same voice on consecutive days 0.210 (target ≤ 0.30): met."),
        EmailTemplate.IncidentNotice => new IncidentNoticeEmailModel(name, "Morning emails delayed",
            "We are re-sending this morning's emails; most should arrive within the hour.", "https://astropal.test/status",
            "https://astropal.test/me?t=tok123#notices", Links),
        EmailTemplate.IncidentResolved => new IncidentResolvedEmailModel(name, "Morning emails delayed",
            "Every delayed email has been sent; deliveries are back on schedule.", "https://astropal.test/status",
            "https://astropal.test/me?t=tok123#notices", Links),
        EmailTemplate.InactivityNotice => new InactivityNoticeEmailModel(name, "4 January 2027", 24, "https://astropal.test/me?t=abc", Links),
        _ => throw new ArgumentOutOfRangeException(nameof(template)),
    };
}
