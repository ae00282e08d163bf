using Astropal.Core.Readers;

namespace Astropal.Core.Content.Weekly;

internal static partial class WeeklyPhrases
{
    private static readonly Dictionary<PerspectiveId, WeeklyVoice> English = new()
    {
        [PerspectiveId.Calm] = new(
            [
                "Your gentle week ahead: {keyShort}",
                "A calm Sunday look at the week",
                "Seven days, one breath at a time",
                "The week's Moon: from {moonFirst} to {moonLast}",
            ],
            [
                "A soft overview of the seven days ahead, with the sky's quiet landmarks.",
                "Make a cup of tea: here is the shape of the week, day by day.",
                "No rush. The Moon travels from {moonFirst} to {moonLast}; here is the week, gently.",
            ],
            [
                "Happy Sunday, {name}. Settle in.",
                "Good morning, {name}. Let's look at the week slowly.",
                "Hello {name}. Let's meet the week gently; take a breath.",
            ],
            [
                "Happy Sunday. Settle in.",
                "Good morning. Let's look at the week slowly.",
                "Hello. Let's meet the week gently; take a breath.",
            ],
            [
                "This week the Moon travels from {moonFirst} to {moonLast}. Its quiet landmark: {keyEvent}. Let the days come one at a time; you only ever need to meet the one in front of you.",
                "The week's gentlest anchor: {keyEvent}. Around it, the Moon moves from {moonFirst} to {moonLast}. Leave a little rest in each day, the way music leaves space between notes.",
                "From {moonFirst} to {moonLast}, the Moon will cross the week at its own unhurried pace. Follow it: do a little, rest a little, and notice what stays steady.",
                "Seven days, {eventCount} moments in the sky worth noticing, and one steady breath at a time. The Moon begins the week in {moonFirst} and ends it in {moonLast}.",
            ],
            new Dictionary<WeekDayKind, IReadOnlyList<string>>
            {
                [WeekDayKind.Lunation] =
                [
                    "A {phase} in {sign}: a natural pause. Give yourself a quiet half hour on {weekday}.",
                    "The {phase} is exact today; step outside for a few slow breaths if you can.",
                    "{phase} in {sign}. Let this be a day for rest and soft attention, not for pushing.",
                ],
                [WeekDayKind.Quarter] =
                [
                    "The Moon reaches its {phase} in {sign}. Halfway points ask for patience; take one thing off your list.",
                    "A {phase} day. Notice how much has grown since the last phase, without measuring it.",
                    "{phase} in {sign}: breathe in balance, four counts in and four counts out.",
                ],
                [WeekDayKind.Station] =
                [
                    "{body} stations {motion} today, seeming to pause in the sky. Pause with it for a moment.",
                    "{body} appears to stand still as it turns {motion}. A good day to move slowly too.",
                    "With {body} turning {motion}, be gentle with plans that shift; stillness is allowed.",
                    "{body} changes direction today. Let yourself change pace without judgement.",
                ],
                [WeekDayKind.Ingress] =
                [
                    "With {body} now in {sign}, a fresh chapter can begin softly.",
                    "{body} is in {sign} from today. Notice a subtle change of tone, and greet it kindly.",
                    "{body} changes sign, to {sign}. Take a moment to breathe into what is new.",
                    "Now in {sign}, {body} offers a quiet invitation to refresh one small habit.",
                ],
                [WeekDayKind.Moon] =
                [
                    "The Moon in {moonSign}: a simple day to move at your own pace.",
                    "With the Moon in {moonSign}, make space for one unhurried meal.",
                    "A short walk and a slow breath are enough under today's {moonSign} Moon.",
                    "Let the {moonSign} Moon remind you to rest before you are tired.",
                    "The Moon in {moonSign} invites a gentle check-in: how is your body today?",
                    "A {moonSign} Moon day. Keep one hour free of screens if you can.",
                    "With the Moon in {moonSign}, be kind to yourself first, then to your list.",
                ],
            }),

        [PerspectiveId.Knowledge] = new(
            [
                "This week's sky lesson: {keyShort}",
                "The week ahead, explained",
                "Seven days of celestial mechanics",
                "Moon from {moonFirst} to {moonLast}: a week's study",
            ],
            [
                "The geometry, history and myth behind this week's sky, one day at a time.",
                "Phases, ingresses and stations of the week, with the stories people told about them.",
                "Your syllabus for the week: the Moon's path from {moonFirst} to {moonLast} and what lies behind it.",
            ],
            [
                "Good morning, {name}. Here is this week's syllabus.",
                "Hello {name}, let's study the week ahead.",
                "Happy Sunday, {name}. Class is in session.",
            ],
            [
                "Good morning. Here is this week's syllabus.",
                "Let's study the week ahead.",
                "Happy Sunday. Class is in session.",
            ],
            [
                "The week's central lesson: {keyEvent}. Meanwhile the Moon, moving about 13 degrees a day, carries the story from {moonFirst} to {moonLast}.",
                "Over seven days the Moon covers roughly 90 degrees of the ecliptic, from {moonFirst} to {moonLast}. Watch for one date in particular: {keyEvent}.",
                "This week the sky offers {eventCount} dated events to study. Each is a geometric fact first; the symbolism came later, layered on by Babylonian, Greek and medieval readers.",
                "The Moon opens the week in {moonFirst} and closes it in {moonLast}, about a quarter of its monthly circuit. Use the days below as a field guide.",
            ],
            new Dictionary<WeekDayKind, IReadOnlyList<string>>
            {
                [WeekDayKind.Lunation] =
                [
                    "At a {phase} Sun, Earth and Moon fall into line; many calendars, from Babylon to today, mark their months by such moments.",
                    "The {phase} in {sign} is one point of the 29.5-day synodic month, the cycle behind the word month itself.",
                    "{phase} in {sign}: Sun and Moon stand 0 or 180 degrees apart, and tides run strongest around it.",
                ],
                [WeekDayKind.Quarter] =
                [
                    "At the {phase} Sun and Moon are 90 degrees apart and half the disc is lit, hence the name.",
                    "A {phase} in {sign}. Tides are weakest around the quarters, when Sun and Moon pull at right angles.",
                    "The {phase} splits the lunar month; tradition reads it as a turning point, astronomy as a right angle.",
                ],
                [WeekDayKind.Station] =
                [
                    "{body} stations {motion}: as Earth overtakes it or is overtaken, the planet seems to stand still against the stars.",
                    "A station of {body}. Ptolemy explained such loops with epicycles; Copernicus with a moving Earth.",
                    "{body} turns {motion} today, an optical effect of two orbits seen from one of them.",
                    "{body} appears motionless today as it turns {motion}; ancient observers tracked these pauses carefully.",
                ],
                [WeekDayKind.Ingress] =
                [
                    "With {body} now in {sign}, it has crossed a 30-degree boundary of the tropical zodiac, measured from the March equinox.",
                    "{body} in {sign} from today: signs are equal slices of the ecliptic, not the star constellations.",
                    "Now in {sign}, {body} takes on that sign's symbolism in a tradition whose rules go back to Hellenistic Egypt.",
                    "{body} changes sign today; medieval almanacs printed such ingresses alongside saints' days and market dates.",
                ],
                [WeekDayKind.Moon] =
                [
                    "The Moon in {moonSign} moves its own width in about an hour against the background stars.",
                    "The Moon is in {moonSign}; tradition gives each sign an element, and this one's is worth looking up.",
                    "With the Moon in {moonSign}, remember its orbit is tilted about 5 degrees, so it wanders above and below the Sun's path.",
                    "With the Moon in {moonSign}, note its rising time: it rises about 50 minutes later each day.",
                    "The Moon in {moonSign} shows us its usual face, because it turns once on its axis in each orbit.",
                    "The {moonSign} Moon is about 384,000 kilometres away on average; that distance changes by some 40,000 over the month.",
                    "The Moon is in {moonSign}. Babylonian omen tablets, the Enuma Anu Enlil, recorded days like this one.",
                ],
            }),

        [PerspectiveId.Success] = new(
            [
                "Your week's game plan: {keyShort}",
                "Week ahead: priorities and timing",
                "Seven days, three goals, one plan",
                "Plan the week: Moon {moonFirst} to {moonLast}",
            ],
            [
                "The week's key dates, day-by-day timing and where to push. Set your three goals now.",
                "Block your calendar with the sky in mind: the landmarks of the week ahead.",
                "A Sunday planning brief: what the week's sky looks like and how to use it.",
            ],
            [
                "Morning, {name}. Let's plan the week.",
                "{name}, here is your weekly brief.",
                "Ready for a strong week, {name}?",
            ],
            [
                "Morning. Let's plan the week.",
                "Here is your weekly brief.",
                "Ready for a strong week?",
            ],
            [
                "Key date this week: {keyEvent}. Set your three goals for the week today and put the hardest one on the calendar first.",
                "The Moon runs from {moonFirst} to {moonLast} this week. Use the days below as a timing grid: plan, push, review.",
                "{eventCount} dated sky events this week. Treat them as checkpoints: one goal per checkpoint, reviewed on Saturday.",
                "This week's anchor: {keyEvent}. Everything else on the list should serve one outcome you can name in a sentence.",
            ],
            new Dictionary<WeekDayKind, IReadOnlyList<string>>
            {
                [WeekDayKind.Lunation] =
                [
                    "{phase} in {sign}: a checkpoint. Review the month's goals and reset one target.",
                    "The {phase} marks a cycle point; close one open loop before the day ends.",
                    "{phase} today. A good day to launch or to wrap up; pick one, not both.",
                ],
                [WeekDayKind.Quarter] =
                [
                    "{phase}: the halfway mark. Check progress against plan and cut what isn't working.",
                    "The {phase} in {sign} is a mid-cycle check. Adjust, don't restart.",
                    "{phase} today: make one decision you have been postponing.",
                ],
                [WeekDayKind.Station] =
                [
                    "{body} stations {motion}: plans may need a second look. Build in buffer time.",
                    "With {body} turning {motion}, review before you sign. Double-check the details.",
                    "{body} changes direction today: a cue to revisit one stalled project.",
                    "{body} stations {motion}. Keep commitments light and confirm deadlines.",
                ],
                [WeekDayKind.Ingress] =
                [
                    "With {body} now in {sign}, reset one priority for the rest of the week.",
                    "{body} in {sign} from today: a new focus. Pick the task that matches it.",
                    "{body} changes sign, to {sign}: a clean start for one workstream.",
                    "Now in {sign}, {body} sets a new tone. Use it to reprioritise.",
                ],
                [WeekDayKind.Moon] =
                [
                    "Moon in {moonSign}: execution day. Three tasks, in order, done.",
                    "With the Moon in {moonSign}, schedule your deep work before noon.",
                    "Moon in {moonSign}: handle messages in one batch, then close the inbox.",
                    "Under the {moonSign} Moon, follow up on every open thread from earlier in the week.",
                    "Moon in {moonSign}. Protect your best hours; decline one meeting.",
                    "With the Moon in {moonSign}, measure one number that matters and log it.",
                    "Moon in {moonSign}. Prepare tomorrow's first task before you finish today.",
                ],
            }),

        [PerspectiveId.Evidence] = new(
            [
                "Week of data: {keyShort}",
                "The week's computed sky, day by day",
                "{eventCount} computed events to log this week",
                "Moon {moonFirst} to {moonLast}: your weekly log",
            ],
            [
                "Every computed event of the week with its local time, and a plan for logging your own data.",
                "Phases, ingresses and stations, measured to the minute. What astrology claims about them stays untested.",
                "Seven days of positions you can verify, and a reminder that no study shows they predict events.",
            ],
            [
                "Hello {name}. The week's data, computed for your time zone.",
                "{name}, here are the week's measurements.",
                "Good morning, {name}. Numbers first, as usual.",
            ],
            [
                "Hello. The week's data, computed for your time zone.",
                "Here are the week's measurements.",
                "Good morning. Numbers first, as usual.",
            ],
            [
                "Computed for your time zone: {eventCount} dated events this week, the Moon moving from {moonFirst} to {moonLast}, {retroCount} planets retrograde on Sunday. Log a daily score; astrology has no demonstrated power to predict what these events bring.",
                "The week's most notable event: {keyEvent}. It is measurable to the minute; any effect on you is a hypothesis. Record mood and sleep daily and compare.",
                "This week the Moon travels from {moonFirst} to {moonLast}. Keep a seven-day log: a sample this small shows nothing by itself, but months of it can.",
                "The positions below are calculated, not forecast. {retroCount} planets show apparent retrograde motion at the start of the week, an effect of Earth's orbit, not a cause of anything.",
            ],
            new Dictionary<WeekDayKind, IReadOnlyList<string>>
            {
                [WeekDayKind.Lunation] =
                [
                    "{phase} in {sign}, exact at the minute shown. Studies of the lunar cycle and mood or sleep have produced mixed, mostly null results.",
                    "{phase}: illumination at its minimum or maximum. Log your sleep tonight and compare with quarter-phase nights.",
                    "{phase} in {sign}. Large reviews find no reliable effect of the lunar phase on behaviour, hospital admissions included.",
                ],
                [WeekDayKind.Quarter] =
                [
                    "{phase}: the Moon is half illuminated. A useful control point for your phase comparisons.",
                    "{phase} in {sign}. Record your scores; quarter days make a natural baseline.",
                    "{phase}. Half the lunar disc is lit; no study links this to mood.",
                ],
                [WeekDayKind.Station] =
                [
                    "{body} stations {motion}: its apparent motion along the ecliptic reaches zero. Evidence for an effect on you is absent.",
                    "Station of {body}, turning {motion}: an optical effect of relative orbits. Log your day as usual.",
                    "{body} turns {motion}. Claims about stations are untested; note any you hear and check them.",
                    "{body} appears stationary today. A measurable event with an unmeasured meaning.",
                ],
                [WeekDayKind.Ingress] =
                [
                    "{body} now in {sign}: a 30-degree boundary of the tropical zodiac, a human convention.",
                    "{body} in {sign} from today. Sign boundaries are defined from the equinox, not by the stars behind them.",
                    "With {body} in {sign}, astrology expects a change of tone; write down whether you notice one before reading more.",
                    "{body} changes sign today. A precise event; its meaning is tradition, not measurement.",
                ],
                [WeekDayKind.Moon] =
                [
                    "Moon in tropical {moonSign}. Log mood, energy and sleep.",
                    "Moon in {moonSign}. No data link the Moon's sign to your day; your log can test it.",
                    "Moon in {moonSign}: record a 1 to 10 score before reading any horoscope.",
                    "Moon in {moonSign}. Note the weather and your workload too: they are common confounders.",
                    "Moon in {moonSign}: one data point. Patterns need dozens of them.",
                    "Moon in {moonSign}. Write one prediction in the morning and score it at night.",
                    "Moon in {moonSign}. If it is up and the sky is clear, observe it and note the time.",
                ],
            }),
    };
}
