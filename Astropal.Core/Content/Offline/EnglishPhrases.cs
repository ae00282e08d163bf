using Astropal.Core.Readers;
using Astropal.Core.Sky;

namespace Astropal.Core.Content.Offline;

internal static class EnglishPhrases
{
    public static LocaleBook Shared { get; } = new(
        new Dictionary<FocusAreaId, string>
        {
            [FocusAreaId.Relationships] = "the people closest to you",
            [FocusAreaId.Career] = "your work and ambitions",
            [FocusAreaId.Wellness] = "your inner weather",
            [FocusAreaId.Social] = "conversations and messages",
            [FocusAreaId.Spiritual] = "your sense of meaning",
            [FocusAreaId.EvidenceBased] = "your own observations",
        },
        new Dictionary<Body, string>
        {
            [Body.Sun] = "Babylonian astronomers divided the Sun's yearly path into twelve equal signs around 400 BCE",
            [Body.Moon] = "the Greeks gave the Moon three faces, Selene, Artemis and Hecate, one for each visible phase",
            [Body.Mercury] = "Mercury, the messenger with winged sandals, circles the Sun every 88 days, faster than any other planet",
            [Body.Venus] = "the Maya timed wars and feasts by Venus, whose cycle of 584 days they recorded in the Dresden Codex",
            [Body.Mars] = "Mars owes its red colour to iron oxide dust; the Romans named it after their god of war",
            [Body.Jupiter] = "Jupiter, king of the Roman gods, is a gas giant whose mass exceeds all other planets combined",
            [Body.Saturn] = "Saturn, the old god of harvests and time, takes about 29.5 years to circle the zodiac once",
            [Body.Uranus] = "Uranus was the first planet found by telescope, spotted by William Herschel in 1781",
            [Body.Neptune] = "Neptune was predicted by mathematics before anyone saw it, then found by Galle in 1846",
            [Body.Pluto] = "Pluto, named for the lord of the underworld, needs 248 years for one orbit",
        },
        "beyond the next 30 days",
        "Moon",
        "{phase} in {moonSign}, {illum} illuminated",
        "Moon enters {sign} at {time}",
        "Enters {sign} at {time}",
        "Moves back into {sign} at {time}",
        "Stations retrograde at {lon}, {time}",
        "Stations direct at {lon}, {time}",
        "{phase} exact at {time}",
        "Retrograde",
        "No planet is retrograde today",
        "Exact today",
        "{first} {aspect} {second} at {time}",
        "Your chart, not just the sky",
        "Basic adds the transits to your own natal chart every morning and an evening reflection at 19:00. Cancel any time.",
        "See the plans");

    public static IReadOnlyDictionary<PerspectiveId, VoiceBook> Voices { get; } = new Dictionary<PerspectiveId, VoiceBook>
    {
        [PerspectiveId.Calm] = new(
            ["Cosmic Breath", "Today's Energy", "Gentle Intention", "Mindful Practice"],
            [
                "A softer pace under a {moonSign} Moon",
                "Breathe with the {phase} today",
                "Room to rest: the Moon in {moonSign}",
                "Slow mornings and a {moonSign} Moon",
                "Ground yourself while {body} moves",
                "Gently now: the Moon drifts in {moonSign}",
            ],
            [
                "Let the day unfold slowly; a few quiet minutes with the {moonSign} Moon can be enough.",
                "A {phase} invites stillness. Here is a kind way to meet your chart today.",
                "Nothing to rush. Notice your breath, your shoulders, and what {body} is stirring.",
                "Settle in: one grounding ritual and a soft look at your sky for today.",
            ],
            [
                "Good morning, {name}. Take one unhurried breath before you read on.",
                "Hello {name}, welcome to a quiet corner of your morning.",
                "Dear {name}, let your shoulders drop; this is a gentle read.",
                "Good morning, {name}. Feel your feet on the floor for a moment.",
            ],
            [
                "Good morning. Take one unhurried breath before you read on.",
                "Welcome to a quiet corner of your morning.",
                "Let your shoulders drop; this is a gentle read.",
                "Good morning. Feel your feet on the floor for a moment.",
            ],
            [
                "The Moon rests in {moonSign} as a {phase}. Let its soft light remind you that every feeling passes, like a tide.",
                "Under a {phase} in {moonSign}, there is nothing to force. Breathe in for four counts and out for six, and begin there.",
                "The {moonSign} Moon asks for tenderness with yourself. Wherever you are, soften your jaw and unclench your hands.",
                "Picture the {phase} hanging in {moonSign}, calm and unhurried. You are allowed to move at that pace too.",
                "Today the Moon travels through {moonSign}. Treat your attention like water: let it settle before you pour it anywhere.",
                "A {phase} in {moonSign} is a reminder that rest is part of every cycle, not a pause from it.",
            ],
            new Dictionary<TransitFamily, IReadOnlyList<string>>
            {
                [TransitFamily.Flow] = ["An easy current from {body}", "{body} offers a soft opening", "A gentle support for your {point}"],
                [TransitFamily.Tension] = ["A knot to breathe through", "{body} asks for patience", "Tender ground around your {point}"],
                [TransitFamily.Fusion] = ["{body} sits close to your {point}", "A quiet intensity with {body}", "Stillness around your {point}"],
            },
            new Dictionary<TransitFamily, IReadOnlyList<string>>
            {
                [TransitFamily.Flow] =
                [
                    "Let this flow carry you without grasping. When something feels easy, simply say thank you and keep breathing.",
                    "A supportive thread runs through your morning. Follow what feels light and leave the rest for later.",
                    "Ease is available today. Notice it in small places: a warm cup, a kind word, a slower step.",
                    "Notice where the day opens without effort, and let that be your path of least resistance for a while.",
                    "Something is on your side this morning. Receive it quietly, without needing to earn it.",
                    "A kind undertow supports you. Lean back into it the way you would lean into a warm chair.",
                ],
                [TransitFamily.Tension] =
                [
                    "If things feel tight, pause and exhale longer than you inhale. Friction can be held softly, without fixing it at once.",
                    "You may notice restlessness. Place a hand on your chest, count five breaths, and let the urgency lose its edge.",
                    "Tension is information, not a verdict. Meet it with patience and give yourself an extra minute between tasks.",
                    "Meet any prickliness with a slow exhale and a softer gaze. Not everything needs an answer this hour.",
                    "If patience thins, step away for three breaths and return with looser hands.",
                    "Let difficulty be weather passing over you; you are the sky it moves across.",
                ],
                [TransitFamily.Fusion] =
                [
                    "Energy gathers in one place. Sit with it for a moment before acting, as you would with a candle flame.",
                    "Something wants your attention. Give it a calm, kind look rather than a hurried answer.",
                    "This meeting can feel concentrated. Ground yourself first: feet down, spine long, breath low in the belly.",
                    "A single theme glows brighter than usual. Hold it the way you would hold a warm mug: close, without squeezing.",
                    "Focus pools in one spot. Let it rest there, and give it quiet instead of pressure.",
                    "Something gathers inside you. Honour it with stillness before you name it.",
                ],
            },
            [
                "For {theme}, choose softness today. With {planet} in {planetSign}, a patient, listening presence can say more than words.",
                "Hold {theme} lightly. {planet} in {planetSign} suggests a slower rhythm; check in with your body before you respond.",
                "Bring a little calm to {theme}. A single mindful pause, three breaths long, can change the tone of an hour.",
                "Let {theme} breathe. {planet} in {planetSign} is a cue to care for yourself first, then for what asks of you.",
                "Offer {theme} a moment of quiet attention today, as gently as watering a plant.",
                "Around {theme}, slow is kind. {planet} in {planetSign} invites you to listen before you speak.",
            ],
            "Mindful Practice",
            [
                "Box breathing: in for four, hold for four, out for four, hold for four. Repeat for two minutes whenever the day speeds up.",
                "Before lunch, step outside or to a window and name five things you can see. Let your eyes rest on the farthest one.",
                "Tonight, write one sentence about a moment that felt peaceful. Keep the notebook by your bed.",
                "Try a body scan: move your attention from your toes to your crown, softening each place as you pass it.",
                "Drink a glass of water slowly, feeling its temperature, as a small ritual of arriving in the present.",
                "Hand on heart, repeat quietly: I can meet this day one breath at a time.",
            ],
            [
                "The Moon is in {moonSign}. Breathe slowly and let the day come to you.",
                "A {phase} in {moonSign}: a gentle invitation to rest and begin again.",
                "Soft light, slow breath: the {moonSign} Moon keeps me grounded today.",
                "Today I move at the pace of a {phase}, calm and unhurried.",
            ],
            [
                "No strong transits touch your chart today, which is its own gift: a quiet sky for quiet care.",
                "Your chart is resting today. Let that spaciousness be enough.",
            ]),

        [PerspectiveId.Knowledge] = new(
            ["Cosmic Mechanics", "Mythology", "Historical Perspective", "Personal Laboratory"],
            [
                "Why the Moon looks {illum} lit today",
                "The mechanics of a {phase} in {moonSign}",
                "{body} explained: myth and orbit",
                "Lesson of the day: the {moonSign} Moon",
                "How the sky works on {body} day",
                "From Babylon to today: {moonSign} Moon",
            ],
            [
                "What the geometry of Sun, Earth and Moon shows this morning, and the stories people told about it.",
                "A short lesson in celestial mechanics, plus the mythology behind {body} and your own chart.",
                "Ancient astronomers watched this same sky. Here is what they saw, and what your transits mean symbolically.",
                "Orbits, myths and a little history: today's sky decoded, with your personal transits.",
            ],
            [
                "Hello {name}, here is today's lesson from the sky.",
                "Greetings, {name}. Curious what the sky is doing? Let's look closer.",
                "Hi {name}, pull up a chair for a short astronomy class.",
                "Welcome back, {name}. Today's sky has a story worth knowing.",
            ],
            [
                "Hello, here is today's lesson from the sky.",
                "Greetings. Curious what the sky is doing? Let's look closer.",
                "Pull up a chair for a short astronomy class.",
                "Welcome back. Today's sky has a story worth knowing.",
            ],
            [
                "The Moon appears {illum} illuminated because we see part of its sunlit half from an angle; it sits in {moonSign}, meaning that, seen from Earth, it lies in front of that stretch of the ecliptic.",
                "A {phase} is pure geometry: the angle between Sun and Moon as seen from Earth decides how much of the lit side faces us. Today that angle puts the Moon in {moonSign}.",
                "Astrologers read signs as a symbolic language, not as constellations: the tropical zodiac starts where the Sun crosses the celestial equator in March, so {moonSign} today is a 30-degree slice, not the star pattern.",
                "The Moon covers about 13 degrees a day, which is why it changes sign every two and a half days; today it is in {moonSign}, showing a {phase}.",
                "Ancient skywatchers tracked the {phase} to keep calendars; the Hebrew and Islamic months still begin with the crescent. Today's Moon lies in {moonSign}.",
                "Tidal forces from the Moon lengthen our day by about 2 milliseconds per century. Today it sits in {moonSign} as a {phase}.",
            ],
            new Dictionary<TransitFamily, IReadOnlyList<string>>
            {
                [TransitFamily.Flow] = ["The harmonious geometry of {body}", "{body} and the symbolism of ease", "A classical 'benefic' angle to {point}"],
                [TransitFamily.Tension] = ["The hard angle of {body}", "{body} and the tradition of challenge", "Why a 90 or 180 degree angle to {point} matters"],
                [TransitFamily.Fusion] = ["{body} meets {point}: a conjunction", "Union in the old texts: {body}", "Two points in one place"],
            },
            new Dictionary<TransitFamily, IReadOnlyList<string>>
            {
                [TransitFamily.Flow] =
                [
                    "Ptolemy called angles of 60 and 120 degrees harmonious because they divide the circle into sixths and thirds. Symbolically, {body} lends support here. Context: {myth}.",
                    "In Hellenistic astrology, trines and sextiles joined signs of compatible elements. Read it as a metaphor for cooperation. Did you know? {myth}.",
                    "Renaissance astrologers such as Kepler studied these angles as musical harmonies of the spheres. {myth}.",
                    "Aspects are angles measured along the ecliptic; the sextile of 60 degrees matches the side of a hexagon inscribed in the circle, a figure Pythagoreans prized.",
                    "The word 'trine' comes from the Latin trinus, threefold: three such angles close the zodiac circle, as the three fire signs do.",
                    "Al-Biruni, writing in the eleventh century, listed these angles as friendly in his Book of Instruction in the Elements of the Art of Astrology.",
                ],
                [TransitFamily.Tension] =
                [
                    "Classical authors saw squares and oppositions as tests: the signs involved clash in element or mode. Symbolically, {body} asks for effort here. Context: {myth}.",
                    "The square divides the circle into quarters, the same geometry as the Moon's quarter phases. Tradition reads it as friction that builds skill. {myth}.",
                    "Medieval texts called these angles 'malefic', yet modern astrologers treat them as prompts to grow. {myth}.",
                    "An opposition puts the two points on opposite sides of Earth's sky; for outer planets it also marks when they shine brightest and rise at sunset.",
                    "The square's 90 degrees echoes the four seasons and the four classical elements, which is why tradition links it to turning points.",
                    "William Lilly's Christian Astrology of 1647 described these angles as aspects of enmity, a vocabulary modern writers reinterpret as growth.",
                ],
                [TransitFamily.Fusion] =
                [
                    "A conjunction means two points share the same ecliptic longitude as seen from Earth, so their symbolism blends. {myth}.",
                    "Astrologers since Ptolemy have read conjunctions as beginnings, the way the new Moon begins the lunar month. {myth}.",
                    "When {body} overlaps a natal point, the old texts speak of a seed being planted. {myth}.",
                    "Astronomers use 'conjunction' too: two bodies share the same right ascension or ecliptic longitude, and may even pass in front of each other.",
                    "Great conjunctions of Jupiter and Saturn, every 20 years, were once used to divide history into eras; the last came in December 2020.",
                    "In Latin conjunctio simply means joining; alchemists borrowed the word for the union of opposites in their work.",
                ],
            },
            [
                "In the symbolic language, {planet}, now in {planetSign}, speaks to {theme}. Study how the old associations of that sign fit your week.",
                "Historians note that {planet} has been tied to {theme} since Babylonian omen texts. With it in {planetSign}, experiment and see what the symbol teaches you.",
                "For {theme}, consider the mythology of {planet}, today in {planetSign}: which part of that story mirrors your situation?",
                "Treat {theme} as a field study. {planet} in {planetSign} gives you a symbol; your notes supply the meaning.",
                "Curiosity for {theme}: {planet}, today in {planetSign}, carries centuries of commentary. Read one old source and compare it with your life.",
                "For {theme}, notice how language preserves astronomy: words such as disaster and influence began as claims about the stars.",
            ],
            "Personal Laboratory",
            [
                "Step outside after dark and find the Moon. Sketch its shape, note the time, and compare it with tomorrow's sketch.",
                "Look up the myth of one planet mentioned today and write three sentences about what it teaches.",
                "Use a free planetarium app to locate Venus or Jupiter tonight; note how far each sits from the Moon.",
                "Read the origin of one sign's name and ask how its symbol appears in your day.",
                "Record the sunrise and sunset times for a week and watch how the length of daylight changes.",
                "Compare today's transit with a journal entry from a month ago; the symbol is a question, not an answer.",
            ],
            [
                "The Moon is {illum} lit today: we see part of its sunlit half from an angle.",
                "Signs are 30-degree slices of the ecliptic, not constellations; today the Moon is in {moonSign}.",
                "Ancient calendars followed the {phase}; today it sits in {moonSign}.",
                "Myth meets orbit: {body} shapes today's symbolic sky.",
            ],
            [
                "No major transits touch your chart today, which gives space to study the wider sky instead.",
                "A quiet day for your chart: a good moment to learn how the planets move.",
            ]),

        [PerspectiveId.Success] = new(
            ["Executive Summary", "Opportunity Window", "Strategic Moves", "Risk Check"],
            [
                "Your move: act on the {moonSign} Moon",
                "Priorities for a {moonSign} Moon day",
                "{body} sets today's agenda",
                "Execute early: {phase} momentum",
                "Today's play: focus, ship, review",
                "Timing edge: {body} and your goals",
            ],
            [
                "Three moves, one window, one risk to manage. Your strategic brief for today.",
                "Where to push and where to hold: the day's timing for your goals, with {body} in play.",
                "Block the time, pick the target, execute. Here is your plan under a {moonSign} Moon.",
                "Your edge today: clear priorities and the right timing window. Let's get to work.",
            ],
            [
                "Morning, {name}. Here's your brief.",
                "{name}, let's get moving.",
                "Ready, {name}? Today's plan is below.",
                "Hi {name}. Coffee in hand; here's the strategy.",
            ],
            [
                "Morning. Here's your brief.",
                "Let's get moving.",
                "Ready? Today's plan is below.",
                "Coffee in hand; here's the strategy.",
            ],
            [
                "Bottom line: the Moon in {moonSign} favours decisive starts. Pick your single most important task and finish it before noon.",
                "Executive view: a {phase} in {moonSign}. Use the first two hours for the work that moves your main goal forward.",
                "Key point: with the Moon in {moonSign}, momentum beats perfection. Set a deadline for one deliverable and hit it.",
                "Summary: a {phase} is a good marker for reviewing targets. Cut one low-value commitment today and redirect that time.",
                "Headline: the Moon in {moonSign} rewards preparation. Draft the plan, then commit to the first concrete step.",
                "Today's lead: the {moonSign} Moon is your cue to prioritise. Three tasks maximum; everything else waits.",
            ],
            new Dictionary<TransitFamily, IReadOnlyList<string>>
            {
                [TransitFamily.Flow] = ["Green light from {body}", "{body} opens a window", "Leverage your {point}"],
                [TransitFamily.Tension] = ["Pressure point: {body}", "Push through with {body}", "Manage the friction on your {point}"],
                [TransitFamily.Fusion] = ["Power move: {body} on your {point}", "{body} concentrates your drive", "Launch energy at your {point}"],
            },
            new Dictionary<TransitFamily, IReadOnlyList<string>>
            {
                [TransitFamily.Flow] =
                [
                    "Use the tailwind: pitch the idea, send the proposal, ask for the meeting. Momentum favours whoever moves first.",
                    "Conditions favour collaboration. Identify one ally and make a specific request before the window closes.",
                    "Low resistance today. Batch your outreach and follow up on anything stalled.",
                    "Capitalise on goodwill: close one open loop with a partner or client and lock in the agreement in writing.",
                    "Opportunity favours the prepared. Bring a one-page plan to your next conversation and ask for a decision.",
                    "Ride the advantage: raise your target by ten percent on the task that is already going well.",
                ],
                [TransitFamily.Tension] =
                [
                    "Expect friction. Tackle the hardest task first while your energy is high, then protect your afternoon.",
                    "Resistance builds strength. Break the blocker into three small actions and clear one per hour.",
                    "Stakes feel higher. Double-check commitments before you sign off, and keep your responses short and clear.",
                    "Stress-test the plan: list the three things most likely to fail and build a fallback for the first one.",
                    "Negotiate from clarity. Know your walk-away point before the meeting, then stay calm and concise.",
                    "Protect your bandwidth: cancel or delegate one commitment so the critical work gets your best hours.",
                ],
                [TransitFamily.Fusion] =
                [
                    "Concentrated drive: start the project you keep postponing. Set a 90-minute sprint and close the door.",
                    "Energy is pooled in one area. Pick a single objective and pour your best hours into it.",
                    "A launch-day signal. Define the outcome, set the metric, and take the first step today.",
                    "Consolidate: merge scattered efforts into one deliverable and give it a visible deadline.",
                    "Go all in on one lever. Identify the action with the biggest upside and do it before anything else.",
                    "Make the decision you have been circling. Write it down, tell one person, and start executing.",
                ],
            },
            [
                "For {theme}: set one measurable goal for today. {planet} in {planetSign} favours a clear ask over a vague hope.",
                "Action on {theme}: schedule it, don't wait for it. With {planet} in {planetSign}, timing beats talent.",
                "Strategy for {theme}: decide what success looks like by tonight, then take the first concrete step before lunch.",
                "Risk check on {theme}: {planet} in {planetSign} suggests reviewing commitments before adding new ones.",
                "On {theme}, track one number this week and report it to yourself on Friday.",
                "Win on {theme} by simplifying: one target, one owner, one deadline. {planet} in {planetSign} rewards focus.",
            ],
            "Strategic Move",
            [
                "Write your top three outcomes for the day on a card. Cross them off; ignore everything else until they are done.",
                "Run a 25-minute focus sprint on the task with the biggest payoff. No email, no phone.",
                "Send the follow-up you have been postponing. Two sentences, one clear ask, a deadline.",
                "End the day with a five-minute review: what moved, what stalled, what is tomorrow's first move.",
                "Say no to one request that does not serve your main goal this week.",
                "Block your calendar for tomorrow morning now, while the priorities are clear.",
            ],
            [
                "Moon in {moonSign}: pick one goal, ship it before noon.",
                "{phase} energy: decide, commit, execute. Today is for action.",
                "Today's edge: clear priorities and {body} on my side.",
                "Momentum over perfection. The {moonSign} Moon says: start now.",
            ],
            [
                "No major transits to your chart today: a clean slate. Use it to execute the plan without distraction.",
                "Quiet chart, clear runway. Focus on the work only you can do.",
            ]),

        [PerspectiveId.Evidence] = new(
            ["Observable Sky", "What the Data Says", "Uncertainty", "Personal Data Log"],
            [
                "Moon {illum} illuminated, in {moonSign}",
                "Observable today: {phase}, {retroCount} retrogrades",
                "The numbers: Moon in {moonSign}, {illum} lit",
                "Data log: {body} transit, orb {orb}",
                "Measured sky: {phase} at {illum}",
                "Facts first: {retroCount} planets retrograde",
            ],
            [
                "Positions, phases and orbs computed for your location, plus what the evidence does and does not support.",
                "Today's measurable sky, your strongest transit ({body}, orb {orb}) and an honest note on uncertainty.",
                "Numbers first: the Moon's illumination, retrogrades and your transits, with the limits of astrology stated plainly.",
                "Observations you can verify tonight, and a log to test astrology's claims against your own data.",
            ],
            [
                "Hello {name}. Today's data, computed for your chart.",
                "{name}, here are today's measurements.",
                "Good morning, {name}. Numbers first, interpretation second.",
                "Hi {name}. What follows is calculated, not guessed.",
            ],
            [
                "Hello. Today's data, computed for your chart.",
                "Here are today's measurements.",
                "Good morning. Numbers first, interpretation second.",
                "What follows is calculated, not guessed.",
            ],
            [
                "Observable: the Moon is {illum} illuminated and lies in tropical {moonSign}. You can check the phase yourself tonight; no controlled study has linked it to mood or behaviour.",
                "Measured: {retroCount} planets show apparent retrograde motion today, an effect of Earth's own orbit. Astrology reads meaning into this; the physical evidence supports none.",
                "Data point: a {phase} with {illum} illumination. Large studies, including a 2013 sleep study of 33 volunteers, found small, unreplicated lunar effects at most.",
                "Fact: the Moon sits in {moonSign} at {illum} illumination. Double-blind tests, such as Carlson's 1985 study in Nature, found astrologers could not match charts to personalities above chance.",
                "Verified: {retroCount} retrograde planets and a {phase}. These positions are precise to seconds of arc; their meaning is a matter of tradition, not measurement.",
                "Record: Moon at {illum} in {moonSign}. Astrology is best treated as a reflective prompt; the statistics do not show it predicts events.",
            ],
            new Dictionary<TransitFamily, IReadOnlyList<string>>
            {
                [TransitFamily.Flow] = ["{body} to natal {point}, orb {orb}", "Measured: {body} and {point}, {orb}", "Harmonious angle, orb {orb}"],
                [TransitFamily.Tension] = ["{body} to natal {point}, orb {orb}", "Measured: {body} and {point}, {orb}", "Hard angle, orb {orb}"],
                [TransitFamily.Fusion] = ["{body} on natal {point}, orb {orb}", "Measured overlap: {orb}", "Same longitude within {orb}"],
            },
            new Dictionary<TransitFamily, IReadOnlyList<string>>
            {
                [TransitFamily.Flow] =
                [
                    "Tradition calls this supportive. Evidence: none established. Note whether the day feels easier and compare with days without it.",
                    "Interpretation: ease and cooperation. Confidence: low; treat it as a hypothesis and record the outcome.",
                    "Symbolic reading: support. Testable claim: rate your day 1 to 10 tonight and see whether flowing transits score higher over a month.",
                    "Claim tested: favourable angles bring ease. Status: untested in controlled trials. Your log is a sample of one, but it is honest.",
                    "Prior probability matters: most days feel fine regardless of the sky. Note the base rate before crediting the transit.",
                    "Measurement tip: decide tonight's rating scale now, so today's experience cannot redefine it.",
                ],
                [TransitFamily.Tension] =
                [
                    "Tradition calls this challenging. Evidence: none established. Log friction you notice and compare with calmer days.",
                    "Interpretation: pressure or conflict. Confidence: low; astrology cannot show cause and effect here.",
                    "Symbolic reading: tension. Control for confounders: sleep, workload and weather often explain more than transits.",
                    "Claim tested: hard angles bring conflict. Status: not supported by published data. Count conflicts this week and compare against next week.",
                    "Regression to the mean: a tense day is often followed by a calmer one, whatever the planets do. Keep that in mind when reviewing.",
                    "Selective memory amplifies friction that fits a forecast. Write events down as they happen, not afterwards.",
                ],
                [TransitFamily.Fusion] =
                [
                    "Tradition reads overlaps as intensification. Evidence: none established. Record the intensity you feel on a 1 to 10 scale.",
                    "Interpretation: emphasis. Confidence: low; the effect, if any, has not been measured reliably.",
                    "Symbolic reading: a new start. Test it: write one expectation now and check it in 24 hours.",
                    "Claim tested: conjunctions intensify themes. Status: no replicated finding. Score intensity now and again this evening.",
                    "Sample size check: one transit on one day cannot show an effect. Tag this day in your log and revisit after ten similar ones.",
                    "Blind yourself: rate your day before you look at which transits were active, then compare.",
                ],
            },
            [
                "{theme}: {planet} is at {planetSign} today. Track one metric tied to this area (hours, messages, mood score) and compare across the month.",
                "On {theme}, the data are thin: no study supports planetary influence. Use {planet} in {planetSign} as a prompt to observe, not as a forecast.",
                "For {theme}, write a falsifiable expectation this morning and score it tonight. Over 30 days you will have your own sample.",
                "{theme}: astrology offers a frame, not evidence. Note what actually happens and look for patterns beyond chance.",
                "For {theme}, define the measurement before the observation: what would count as a good or bad day?",
                "{theme}: record outcomes for 30 days, then check whether days with {planet} in {planetSign} differ from the rest.",
            ],
            "Personal Data Log",
            [
                "Log three numbers tonight: sleep hours, mood 1 to 10, and energy 1 to 10. After 30 days, check them against the Moon's phase.",
                "Write one prediction for today before 9:00 and score it at 21:00. Keep a running tally of hits and misses.",
                "Note one event that seemed to fit today's reading and one that did not. Confirmation bias counts the first and forgets the second.",
                "Check the Moon tonight and record its shape, the time and the sky conditions. Compare with the computed illumination.",
                "Rate your focus every three hours. Next month, compare days with and without hard transits.",
                "Record your mood before reading tomorrow's email, so the reading cannot influence the score.",
            ],
            [
                "Moon {illum} illuminated in {moonSign}. Observable; its effect on mood is not shown.",
                "Today: {phase}, {retroCount} retrogrades. Measured precisely, interpreted cautiously.",
                "Astrology as a hypothesis: I log the data and check the claims myself.",
                "{retroCount} planets retrograde today: an optical effect of orbits, not a cause.",
            ],
            [
                "No transits within orb of your natal points today. Record a baseline day for comparison.",
                "Zero qualifying transits today: a useful control day for your log.",
            ]),
    };
}
