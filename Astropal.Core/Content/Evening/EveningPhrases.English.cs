using Astropal.Core.Content.Offline;
using Astropal.Core.Readers;

namespace Astropal.Core.Content.Evening;

internal static partial class EveningPhrases
{
    private static readonly EveningShared EnglishShared = new(
        "Also today: {events}.",
        "{events}.",
        "No phase, station or change of sign: at midday the Moon is in {sign}, {illum} illuminated.");

    private static readonly Dictionary<PerspectiveId, EveningVoice> English = new()
    {
        [PerspectiveId.Calm] = new(
            [
                "Evening calm under a {moonSign} Moon",
                "Let the day settle: Moon in {moonSign}",
                "A quiet look back at today",
                "Slow down tonight with the {phase}",
            ],
            [
                "Three gentle questions and a soft look at what the sky held today.",
                "Before sleep: a few quiet minutes with today's Moon in {moonSign}.",
                "Let the day land. A reflection, a breath, and a glance at tomorrow.",
            ],
            [
                "Good evening, {name}. Let your shoulders drop.",
                "Hello {name}. The day is nearly done; breathe out slowly.",
                "Good evening, {name}. Find a comfortable seat before you read on.",
            ],
            [
                "Good evening. Let your shoulders drop.",
                "The day is nearly done; breathe out slowly.",
                "Good evening. Find a comfortable seat before you read on.",
            ],
            [
                "Today the Moon was in {moonSign}, a {phase} {illum} lit. Think of the hours behind you as water settling in a glass: nothing more needs to be added tonight.",
                "The Moon was a {phase} in {moonSign} today. Whatever moved quickly, let it slow down now, the way light fades gently at dusk.",
                "A {phase} in {moonSign} kept watch over your day. Notice what you are still holding from it, and let one thing go with your next exhale.",
                "Under today's {moonSign} Moon, {illum} illuminated, you did enough. Evening is a place to rest, not to review every step.",
            ],
            [
                "Around {moonTime} it slipped from {fromSign} into {toSign}; if the afternoon felt different from the morning, that is a kind image for it.",
                "At {moonTime} the Moon moved from {fromSign} into {toSign}, a quiet reminder that moods change too, and pass.",
            ],
            new Dictionary<TransitFamily, IReadOnlyList<string>>
            {
                [TransitFamily.Flow] =
                [
                    "{aspect}, within {orb}, was today's softest thread. Where did something come easily? Let that ease stay with you as you wind down.",
                    "With {aspect}, a gentle current ran under the day. You do not need to do anything with it now; simply notice it.",
                    "Today carried {aspect}. Support often arrives quietly; perhaps it came as a kind word or an unhurried moment.",
                ],
                [TransitFamily.Tension] =
                [
                    "{aspect}, within {orb}, may have made parts of the day feel tight. Place a hand on your chest and let tonight be softer than the afternoon.",
                    "With {aspect}, some friction was woven into the day. It was weather, not a verdict; breathe out slowly and let it pass.",
                    "Today carried {aspect}. If patience wore thin, meet yourself now with the kindness you would offer a friend.",
                ],
                [TransitFamily.Fusion] =
                [
                    "{aspect}, within {orb}, gathered the day's attention in one place. Let that focus loosen now, like a fist slowly opening.",
                    "With {aspect}, one theme may have glowed brighter today. Hold it gently tonight, without needing to decide anything.",
                    "Today carried {aspect}. Something concentrated in you; give it stillness rather than more thought.",
                ],
            },
            [
                "Your own chart was quiet today, with no strong transit to it. A quiet chart is an invitation to rest.",
                "No strong transit touched your chart today. Let that stillness be the gift of the evening.",
            ],
            [
                "Which moment today felt most peaceful, and what made it so?",
                "Where in your body are you holding the day right now?",
                "What is one kind thing you did for yourself today?",
                "What can you set down tonight, so tomorrow can begin lighter?",
                "How did {theme} feel today: calm, busy, tender?",
                "If today's {moonSign} Moon had one word for you, what would it be?",
            ],
            [
                "When did you notice the theme of {theBody} today, even briefly?",
                "Was there a moment today that matched the mood of {theBody}? How did you meet it?",
                "What did today's {body} transit show you about your own pace?",
            ],
            [
                "Nothing to prepare; simply rest.",
                "Let a good night's sleep be your only plan.",
                "Meet it tomorrow, one breath at a time.",
            ]),

        [PerspectiveId.Knowledge] = new(
            [
                "Tonight's sky lesson: the {moonSign} Moon",
                "What the {phase} showed us today",
                "Evening notes: {body} and your chart",
                "The day's sky, explained",
            ],
            [
                "A look back at today's geometry, the myth behind it, and questions for your notebook.",
                "How the Moon moved through {moonSign} today, and what the old texts said about it.",
                "Review the day's sky like a lab report: observations, symbols and tomorrow's events.",
            ],
            [
                "Good evening, {name}. Time for the day's review.",
                "Hello {name}, let's look back at what the sky did today.",
                "Good evening, {name}. Is your notebook ready?",
            ],
            [
                "Good evening. Time for the day's review.",
                "Let's look back at what the sky did today.",
                "Good evening. Is your notebook ready?",
            ],
            [
                "At midday the Moon stood in tropical {moonSign}, {illum} lit: a {phase}. That fraction is simply how much of its sunlit half faced Earth from today's angle.",
                "Today's {phase} in {moonSign} is one frame of a 29.5-day cycle the Babylonians already tabulated. At {illum} illumination, you could have sketched its shape.",
                "The Moon moves about 13 degrees a day against the stars; today it crossed part of {moonSign}, showing a {phase} at {illum}.",
                "In the symbolic language, {moonSign} colours the day's Moon. Astronomically, it means the Moon lay in that 30-degree slice of the ecliptic, {illum} illuminated.",
            ],
            [
                "At {moonTime} it crossed the boundary from {fromSign} into {toSign}, one of roughly 13 sign changes it makes each month.",
                "It left {fromSign} for {toSign} at {moonTime}; astrologers call such a crossing an ingress.",
            ],
            new Dictionary<TransitFamily, IReadOnlyList<string>>
            {
                [TransitFamily.Flow] =
                [
                    "Your chart had {aspect}, orb {orb}. Ptolemy counted such angles among the harmonious ones; as a symbol, ask where cooperation showed up.",
                    "Today held {aspect}. In Hellenistic tradition this angle links signs of compatible elements, a metaphor for ease worth testing against your day.",
                    "{aspect}, orb {orb}, was the day's strongest transit. The old texts call it a friendly aspect; your notes decide whether the metaphor fits.",
                ],
                [TransitFamily.Tension] =
                [
                    "Your chart had {aspect}, orb {orb}. Classical authors read this angle as a test that builds skill; which test did today set?",
                    "Today held {aspect}. Medieval astrologers called such angles malefic; modern readers treat friction as a teacher.",
                    "{aspect}, orb {orb}, was the day's strongest transit. Squares and oppositions split the circle into quarters and halves, the geometry tradition ties to turning points.",
                ],
                [TransitFamily.Fusion] =
                [
                    "Your chart had {aspect}, orb {orb}: two points sharing one stretch of the ecliptic, read since Ptolemy as a blending of meanings.",
                    "Today held {aspect}. The Latin conjunctio means joining; alchemists used it for the union of opposites.",
                    "{aspect}, orb {orb}, was the day's strongest transit. Tradition reads a conjunction as a seed; note what began today.",
                ],
            },
            [
                "No planet made a close aspect to your natal chart today, so the day's lesson belongs to the wider sky.",
                "Your chart had no strong transit today: a good evening to study the sky for its own sake.",
            ],
            [
                "Did you see the Moon today? Where was it in the sky, and at what time?",
                "Which symbol of {moonSign} (its element, its ruler, its myth) showed up in your day?",
                "What did you learn today that you would like to look up properly tomorrow?",
                "How would an ancient skywatcher have described today's sky, with no telescope and no clock?",
                "For {theme}, which story or myth best describes how today went?",
                "What is one question about the sky you could answer by observing tonight?",
            ],
            [
                "What do you know about the myth of {theBody}, and did any part of it echo today?",
                "How would you explain today's {body} transit to a friend, as geometry rather than fate?",
                "Which old meaning of {theBody} fitted today, and which did not fit at all?",
            ],
            [
                "Worth a line in your sky journal.",
                "Check the time against an almanac if you are curious.",
                "A good moment to look up what the tradition says about it.",
            ]),

        [PerspectiveId.Success] = new(
            [
                "Debrief: what moved under the {moonSign} Moon",
                "Day review: wins, blockers, next move",
                "Close the loop on today",
                "Evening debrief: {body} and your goals",
            ],
            [
                "Three questions to review the day and set tomorrow's first move before you log off.",
                "Score today, capture the lesson, and see what tomorrow's sky brings for your plan.",
                "A five-minute debrief: what worked, what stalled, what comes next.",
            ],
            [
                "Evening, {name}. Time for the debrief.",
                "{name}, let's close out the day.",
                "Good work today, {name}. Quick review?",
            ],
            [
                "Evening. Time for the debrief.",
                "Let's close out the day.",
                "Good work today. Quick review?",
            ],
            [
                "Today's backdrop: the Moon in {moonSign}, a {phase} at {illum}. Whatever got shipped counts; whatever didn't is tomorrow's first decision.",
                "The day ran under a {phase} in {moonSign}. Review it like a project: outcome, obstacle, adjustment.",
                "With the Moon in {moonSign} today, the theme on paper was momentum. Measure it in results: what actually moved forward?",
                "A {phase} in {moonSign}, {illum} lit, framed the day. Strong teams end the day with a review, not a replay; keep it short.",
            ],
            [
                "At {moonTime} the Moon switched from {fromSign} to {toSign}: a natural split between the day's first and second half.",
                "The Moon moved from {fromSign} into {toSign} at {moonTime}. Did your priorities shift at some point today too?",
            ],
            new Dictionary<TransitFamily, IReadOnlyList<string>>
            {
                [TransitFamily.Flow] =
                [
                    "Your strongest transit was {aspect}, orb {orb}: a tailwind on paper. Did you use it? If not, note one ask you can still make tomorrow.",
                    "{aspect} offered an easy window today. Capture what worked so you can repeat it on purpose.",
                    "Today's edge was {aspect}. Wins under easy conditions still need a follow-up; schedule it now.",
                ],
                [TransitFamily.Tension] =
                [
                    "Your strongest transit was {aspect}, orb {orb}: friction on paper. Name the blocker in one line, then decide the first action against it.",
                    "{aspect} put pressure on the day. Pressure shows where a plan is weak; write down the weak spot.",
                    "Today's pressure point was {aspect}. Don't replay the conflict; extract the lesson and move on.",
                ],
                [TransitFamily.Fusion] =
                [
                    "Your strongest transit was {aspect}, orb {orb}: concentrated drive. What did you start, and what is its next milestone?",
                    "{aspect} pooled energy in one area today. Check that it went into the goal that matters most.",
                    "Today's power move was {aspect}. Lock in the progress: one sentence on what you achieved, one on what comes next.",
                ],
            },
            [
                "No major transit hit your chart today: a clean day. Judge it purely on execution.",
                "Quiet chart today, so the results were all yours. Review them honestly.",
            ],
            [
                "What was your single biggest win today, and what made it possible?",
                "What stalled, and what is the smallest action that unblocks it?",
                "Which task tomorrow deserves your first and best hour?",
                "What did you say yes to today that you should have declined?",
                "On {theme}, did today move you closer to this month's goal? By how much?",
                "What will you stop doing this week to make room for what matters?",
            ],
            [
                "Where did the {body} transit show up in your results, if anywhere?",
                "How could you use tomorrow's momentum better than today's {body} transit?",
                "What would you do differently if a {body} transit like today's came round next month?",
            ],
            [
                "Put it in tomorrow's plan now.",
                "Block your calendar accordingly.",
                "Plan around it, then execute.",
            ]),

        [PerspectiveId.Evidence] = new(
            [
                "Day log: Moon in {moonSign}, {illum} lit",
                "Evening data: {phase}, {retroCount} retrogrades",
                "Record today, test it later",
                "Your evening log: {body} transit, orb {orb}",
            ],
            [
                "Today's measured sky, your strongest transit with its orb, and three entries for your data log.",
                "Observations first, then questions you can score. Astrology's claims stay hypotheses.",
                "Log the day before memory edits it: positions, transits and tomorrow's computed events.",
            ],
            [
                "Good evening, {name}. Time to log the day.",
                "{name}, here is today's record.",
                "Hello {name}. Numbers first, memories second.",
            ],
            [
                "Good evening. Time to log the day.",
                "Here is today's record.",
                "Hello. Numbers first, memories second.",
            ],
            [
                "Measured today: the Moon in tropical {moonSign}, {illum} illuminated ({phase}). These positions are exact; no controlled study has shown that they shape a day.",
                "Recorded at local noon: Moon in {moonSign}, {phase}, {illum} lit; {retroCount} planets in apparent retrograde motion. The observation is certain, an influence is not.",
                "Today's data: a {phase} at {illum} in {moonSign}. Studies of lunar effects on sleep and mood have found small or unreplicated results at most.",
                "Observable today: the Moon at {illum} illumination in {moonSign}. Treat any link you feel to your day as a hypothesis to log, not a conclusion.",
            ],
            [
                "Ingress: the Moon crossed from {fromSign} into {toSign} at {moonTime}, local time.",
                "At {moonTime} the Moon passed the boundary between {fromSign} and {toSign}; if something in your log changed then, ask how often it would by chance.",
            ],
            new Dictionary<TransitFamily, IReadOnlyList<string>>
            {
                [TransitFamily.Flow] =
                [
                    "Strongest transit: {aspect}, orb {orb}. Tradition calls it supportive; evidence for such effects is absent. Score your day 1 to 10 and tag it 'flow'.",
                    "Logged: {aspect}, orb {orb}. Claim: ease. Test: compare tonight's score with days that had no such aspect.",
                    "Today's measured transit: {aspect} ({orb}). If the day went well, remember that most days do; record the base rate.",
                ],
                [TransitFamily.Tension] =
                [
                    "Strongest transit: {aspect}, orb {orb}. Tradition calls it difficult; no published data show such angles cause friction. Score your day 1 to 10 and tag it 'hard'.",
                    "Logged: {aspect}, orb {orb}. Claim: pressure. Check confounders first: sleep, workload and news often explain more.",
                    "Today's measured transit: {aspect} ({orb}). Write down any conflict as it happened, not as a forecast would have it.",
                ],
                [TransitFamily.Fusion] =
                [
                    "Strongest transit: {aspect}, orb {orb}. Tradition reads it as intensity; no replicated finding supports that. Rate today's intensity 1 to 10.",
                    "Logged: {aspect}, orb {orb}. Claim: emphasis. One day is a sample of one; tag it and revisit after ten similar days.",
                    "Today's measured transit: {aspect} ({orb}). Record what you noticed before you reread what astrology says about it.",
                ],
            },
            [
                "No transit within orb of your natal points today: a control day. Log it like any other.",
                "Zero qualifying transits today. Baseline days make comparisons possible; record your scores.",
            ],
            [
                "Mood, energy and focus today, each from 1 to 10: what are the three numbers?",
                "How many hours did you sleep last night, and how does that compare with your average?",
                "Name one event today that seemed to fit this morning's reading and one that did not.",
                "Did you observe the Moon today? Note the time, its shape and the sky conditions.",
                "For {theme}, what actually happened today, stated as a fact rather than an interpretation?",
                "What would count as evidence against astrology in your own log this month?",
            ],
            [
                "Without this email, would you have guessed that today had a {body} transit? Why?",
                "What outcome would you have predicted from the {body} transit this morning, and did it happen?",
                "Could the day be explained without the {body} transit at all? List the simpler causes.",
            ],
            [
                "Computed, not forecast: log the day and compare.",
                "Checkable events; whether they matter is for your data to say.",
                "Write tomorrow's expectation now and score it tomorrow night.",
            ]),
    };
}
