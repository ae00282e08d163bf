using Astropal.Core.Content;
using Astropal.Core.Sky;
using static Astropal.Tests.Core.Content.ContentTestKit;

namespace Astropal.Tests.Core.Content;

public sealed class ContentValidatorTests
{
    private static readonly DailySky Day = SkyCalculator.Compute(new DateOnly(2026, 12, 1), "Europe/Madrid");

    private static GeneratedContent Answer(string body, string subject = "A quiet day under the sky", ContentLocale? locale = null) => new(
        subject,
        "Three small things to notice today, and one practice to try.",
        "A calm morning: breathe slowly and watch the sky tonight.",
        [new("Today's Energy", body)]);

    private static string Moon(ContentLocale locale) => $"{locale.Body(Body.Moon)} {(locale.IsSpanish ? "en" : "in")} {locale.Sign(Day.Noon[Body.Moon].Sign)}";

    [Theory]
    [InlineData("en-US")]
    [InlineData("es-ES")]
    public void An_answer_that_states_the_computed_sky_passes(string localeName)
    {
        var locale = ContentLocale.Get(localeName);
        var retro = Day.Retrogrades[0];
        var body = $"{Moon(locale)}, {locale.Phase(Day.Noon.Moon.Name)}. {locale.Body(retro)} {(locale.IsSpanish ? "está retrógrado" : "is retrograde")}.";
        Assert.Empty(ContentValidator.Validate(Answer(body), Day, locale));
    }

    [Fact]
    public void A_body_in_the_wrong_sign_is_refused()
    {
        var wrong = Day.Noon[Body.Mars].Sign.Next().Next();
        var problems = ContentValidator.Validate(Answer($"Mars in {wrong} pushes you forward."), Day, ContentLocale.English);
        Assert.Contains(problems, p => p.StartsWith("sky: Mars is not in " + wrong, StringComparison.Ordinal));
    }

    [Fact]
    public void A_retrograde_or_moon_phase_that_is_not_today_is_refused()
    {
        var direct = Bodies.All.First(b => b.CanStation() && !Day.Noon[b].IsRetrograde && !Day.Stations.Any(s => s.Body == b));
        var otherPhase = Day.Noon.Moon.Name == MoonPhaseName.FullMoon ? MoonPhaseName.NewMoon : MoonPhaseName.FullMoon;
        var problems = ContentValidator.Validate(
            Answer($"{direct} is retrograde. Tonight's {ContentLocale.English.Phase(otherPhase)} glows."), Day, ContentLocale.English);
        Assert.Contains(problems, p => p.Contains($"{direct} is not retrograde", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains($"the Moon is not {otherPhase}", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("en-US", "Success is guaranteed this week.")]
    [InlineData("en-US", "You will definitely get the job.")]
    [InlineData("en-US", "Invest in gold before Friday.")]
    [InlineData("en-US", "This transit can diagnose your fatigue.")]
    [InlineData("es-ES", "El éxito está garantizado esta semana.")]
    [InlineData("es-ES", "Invierte en oro antes del viernes.")]
    [InlineData("es-ES", "Deja de tomar tu medicación.")]
    public void Medical_legal_financial_advice_and_certain_predictions_are_refused(string localeName, string sentence)
    {
        var problems = ContentValidator.Validate(Answer(sentence), Day, ContentLocale.Get(localeName));
        Assert.Contains(problems, p => p.StartsWith("banned claim", StringComparison.Ordinal));
    }

    [Fact]
    public void Lengths_and_sections_are_checked()
    {
        var problems = ContentValidator.Validate(new GeneratedContent("Hi", "Short", "Too short", []), Day, ContentLocale.English);
        Assert.Contains(problems, p => p.StartsWith("subject: 10–60", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("preheader: 20–100", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("snippet: 30–120", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("sections: 1 to 5", StringComparison.Ordinal));
    }

    [Fact]
    public void The_offline_composers_own_claims_pass_the_sky_check()
    {
        foreach (var perspective in Enum.GetValues<Astropal.Core.Readers.PerspectiveId>())
        {
            var content = Compose(perspective, new DateOnly(2026, 12, 1));
            var generated = new GeneratedContent(content.Subject, content.Preheader, content.Snippet, content.Sections.Where(s => !s.Body.Contains("new Moon", StringComparison.Ordinal)).ToList());
            Assert.DoesNotContain(ContentValidator.Validate(generated, content.Sky, ContentLocale.English), p => p.StartsWith("sky", StringComparison.Ordinal) || p.StartsWith("banned", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void A_heading_used_twice_is_refused()
    {
        var content = Answer("A calm start.") with
        {
            Sections = [new("Cosmic Breath", "Let your first breath be long and slow."), new("Cosmic Breath", "Sit for three minutes with your feet on the floor.")],
        };
        var problems = ContentValidator.Validate(content, Day, ContentLocale.English);
        Assert.Contains("repetition: the heading 'Cosmic Breath' is used twice", problems);
    }

    [Theory]
    [InlineData("en-US", "Let your first breath be long and slow. Then stand up. Let your first breath be long and slow.")]
    [InlineData("es-ES", "Respira despacio y sin prisa. Luego levántate.\nRespira despacio y sin prisa.")]
    public void A_sentence_said_twice_is_refused(string localeName, string body)
    {
        var problems = ContentValidator.Validate(Answer(body), Day, ContentLocale.Get(localeName));
        Assert.Contains(problems, p => p.StartsWith("repetition: the sentence", StringComparison.Ordinal));
    }

    [Fact]
    public void A_sentence_repeated_across_sections_is_refused_but_short_greetings_may_repeat()
    {
        var across = Answer("x") with
        {
            Sections = [new("Cosmic Breath", "Good morning. Breathe with the Moon today."), new("Mindful Practice", "Good morning. Breathe with the Moon today.")],
        };
        var greetings = Answer("x") with
        {
            Sections = [new("Cosmic Breath", "Good morning. Breathe slowly now."), new("Mindful Practice", "Good morning. Sit for three minutes.")],
        };
        Assert.Contains("repetition: the sentence 'Breathe with the Moon today.' is used twice", ContentValidator.Validate(across, Day, ContentLocale.English));
        Assert.DoesNotContain(ContentValidator.Validate(greetings, Day, ContentLocale.English), p => p.StartsWith("repetition", StringComparison.Ordinal));
    }
}
