using Astropal.Core.Readers;

namespace Astropal.Core.Content.News;

/// <summary>
/// The words one voice puts around headlines. Placeholders: <c>{topic}</c> (the headline's category),
/// <c>{moonSign}</c>, <c>{phase}</c>, <c>{name}</c>. Takes never retell the headline: they say how this
/// voice reads news, so the distinctness figures measure the voice, not the day's stories.
/// </summary>
/// <param name="DailyTitle">Heading of the news block of the daily email (knowledge and evidence voices).</param>
/// <param name="Takes">A note beside one headline (6 variants).</param>
/// <param name="MiddaySubjects">Subject of the midday digest (10–60 characters once filled).</param>
/// <param name="MiddayPreheaders">Preheader of the midday digest (20–100 characters once filled).</param>
/// <param name="MiddayGreetingsNamed">Greeting with <c>{name}</c>.</param>
/// <param name="MiddayGreetingsAnonymous">Greeting without a name.</param>
/// <param name="MiddayIntros">The paragraph before the headlines.</param>
internal sealed record NewsVoice(
    string DailyTitle,
    IReadOnlyList<string> Takes,
    IReadOnlyList<string> MiddaySubjects,
    IReadOnlyList<string> MiddayPreheaders,
    IReadOnlyList<string> MiddayGreetingsNamed,
    IReadOnlyList<string> MiddayGreetingsAnonymous,
    IReadOnlyList<string> MiddayIntros);

/// <summary>The news phrase libraries of every voice and locale, and the names of the categories.</summary>
internal static class NewsPhrases
{
    public static NewsVoice Voice(ContentLocale locale, PerspectiveId perspective) =>
        (locale.IsSpanish ? Spanish : English)[perspective];

    /// <summary>The category as a noun in running text ("this science story").</summary>
    public static string Topic(ContentLocale locale, string category) => (locale.IsSpanish, category) switch
    {
        (false, "science") => "science",
        (false, "technology") => "technology",
        (false, "business") => "business",
        (false, "health") => "health",
        (false, "sports") => "sports",
        (false, "entertainment") => "entertainment",
        (false, _) => "current affairs",
        (true, "science") => "ciencia",
        (true, "technology") => "tecnología",
        (true, "business") => "economía",
        (true, "health") => "salud",
        (true, "sports") => "deportes",
        (true, "entertainment") => "cultura",
        (true, _) => "actualidad",
    };

    private static readonly Dictionary<PerspectiveId, NewsVoice> English = new()
    {
        [PerspectiveId.Calm] = new(
            "The news, gently",
            [
                "Notice how this {topic} story lands in your body before you form an opinion. One slow breath, then read on at your own pace.",
                "News pulls attention outward. With the Moon in {moonSign}, let this {topic} headline be something you observe, not something you carry.",
                "If this {topic} story stirs you, pause and name the feeling softly. You can stay informed and still keep a quiet centre.",
                "Read this {topic} headline the way you would watch clouds pass: with interest, without holding on. The {phase} invites an unhurried mind.",
                "Before scrolling on, rest your shoulders and unclench your jaw. This {topic} item will still be there after three easy breaths.",
                "Let this {topic} piece remind you that the world keeps moving while you choose your own rhythm beneath a {moonSign} Moon.",
            ],
            [
                "Midday pause: the news, gently",
                "A calm look at today's headlines",
                "Breathe first, then read the news",
                "Today's news under a {moonSign} Moon",
            ],
            [
                "A few headlines worth knowing, with a breath between each one.",
                "The day's news in small, steady doses, read through a calm lens.",
                "Stay informed without the rush: a handful of stories and a gentle note on each.",
            ],
            ["Hello {name}, take a slow breath before the news.", "Hi {name}, here is a quiet midday pause with the headlines."],
            ["Hello, take a slow breath before the news.", "Here is a quiet midday pause with the headlines."],
            [
                "The Moon rests in {moonSign} today. Read these headlines slowly, and let each one settle before the next.",
                "Midday is a kind moment to check in with yourself. These stories come with a soft note each, nothing more urgent than your next breath.",
                "A {phase} hangs in the sky this noon. Here are a few stories, chosen to keep you informed without hurrying you.",
                "Let the morning's momentum ease for a minute. The headlines below are here to be read softly, one at a time.",
            ]),
        [PerspectiveId.Knowledge] = new(
            "In the news: how we know",
            [
                "Every {topic} story rests on centuries of observation. Astronomers once timed harvests by the sky; researchers still begin with careful measurement.",
                "A historical aside: the first scientific journals appeared in 1665, and {topic} reporting has retold their discoveries ever since. Worth reading with a curious eye.",
                "Astrology is a symbolic language, and the Moon in {moonSign} is a reminder that symbols and data answer different questions. This {topic} headline belongs to the second kind.",
                "Mythology gave us names for the planets; {topic} gives us measurements. Notice how this story explains its method, not only its result.",
                "The Library of Alexandria gathered knowledge the way newsrooms gather stories. Read this {topic} piece and ask what was observed, and by whom.",
                "Beside a {phase}, old almanacs printed advice next to tide tables. Modern {topic} writing swaps advice for findings, a shift worth spotting here.",
            ],
            [
                "Midday lesson: the news, explained",
                "Headlines with a history lesson",
                "How we know what we know: the news",
                "Curious minds: the midday headlines",
            ],
            [
                "The day's stories with context from the history of science and of the sky.",
                "Headlines, each with a short note on where the knowledge behind it comes from.",
                "A midday reading list for the curious, with the Moon in {moonSign} as a backdrop.",
            ],
            ["Hello {name}, class is in session for the midday news.", "Greetings, {name}. A few stories to feed your curiosity."],
            ["Hello, class is in session for the midday news.", "Greetings. A few stories to feed your curiosity."],
            [
                "Before telescopes, people read the sky to keep time. Today the Moon crosses {moonSign}, and here is what the newsrooms report.",
                "Every headline below is a small chapter in the long story of human knowledge, each with a note on its background.",
                "The {phase} has marked calendars for millennia. This noon it frames a few stories worth understanding, not just skimming.",
                "Curiosity is the thread between ancient astronomy and today's research. Follow it through these headlines.",
            ]),
        [PerspectiveId.Success] = new(
            "Your midday briefing",
            [
                "Scan this {topic} story for one fact you can use in a conversation today. Information is leverage when you act on it promptly.",
                "Strategic read: what does this {topic} development change for your field this quarter? Note one implication, then move on.",
                "Treat this {topic} headline as intelligence, not entertainment. Who gains, who adapts, and where do you fit?",
                "With the Moon in {moonSign}, sharpen your focus: pick one insight from this {topic} item and add it to your afternoon plan.",
                "Leaders read widely and decide narrowly. Skim this {topic} piece, capture the single takeaway and return to your priorities.",
                "Opportunity check: shifts in {topic} ripple into every industry. Flag this one and revisit it in your weekly review.",
            ],
            [
                "Your midday briefing: key headlines",
                "Midday intel: what moved today",
                "Noon briefing: act on what matters",
                "Headlines to sharpen your afternoon",
            ],
            [
                "The stories that matter this afternoon, each with one strategic takeaway.",
                "A fast briefing: scan, extract the insight, get back to your goals.",
                "Midday intelligence with the Moon in {moonSign}: read in two minutes, use all afternoon.",
            ],
            ["{name}, here is your midday briefing.", "Good to see you, {name}. Time for a quick strategic scan."],
            ["Here is your midday briefing.", "Time for a quick strategic scan."],
            [
                "Two minutes, a few headlines, one takeaway each. Use them to sharpen your afternoon plan.",
                "The Moon is in {moonSign}, the day is half done and the afternoon is yours to win. Start with what changed.",
                "Information moves fast; your edge is reading it with intent. Here is what deserves your attention.",
                "Under a {phase}, keep the momentum: these stories come with a strategic angle, ready for action.",
            ]),
        [PerspectiveId.Evidence] = new(
            "In the news: what was measured",
            [
                "Check the source: does this {topic} report cite a study, a sample size or a dataset? Astrology offers no evidence either way on news events.",
                "What is observable here is the reporting itself. The Moon is in {moonSign} today, and no study links lunar position to {topic} outcomes.",
                "Read with calibrated doubt: a single {topic} result is rarely conclusive until replicated. Log it and watch for follow-ups.",
                "Correlation is not causation. If this {topic} story reports a trend, look for the comparison group and the margin of error.",
                "No astrological claim is made about this headline. It is here as data: write down what you expect next and check later how close you were.",
                "Prefer {topic} coverage that links primary sources and states its uncertainties, the standard this log applies to the sky as well.",
            ],
            [
                "Midday data: today's reported facts",
                "Headlines, checked against evidence",
                "Noon log: what the sources say",
                "The news, with error bars",
            ],
            [
                "A few reported facts, each with a note on what the evidence does and does not show.",
                "Headlines as data points: sources, uncertainty, and nothing astrology can claim.",
                "Today's stories with the Moon in {moonSign} logged alongside, not as an explanation.",
            ],
            ["Hello {name}, here are today's headlines as data.", "{name}, your midday log of reported facts is ready."],
            ["Hello, here are today's headlines as data.", "Your midday log of reported facts is ready."],
            [
                "Observable today: the Moon in {moonSign}, a {phase}. Below, headlines from public sources, none of them explained by the sky.",
                "These stories come from public news sources. Each note says what kind of evidence to look for before you accept it.",
                "Astrology makes no testable claim about news events, so this digest keeps the two apart: reported facts first, then your own observations.",
                "A midday sample of reported facts. Treat each as a data point, record your expectations and compare them later.",
            ]),
    };

    private static readonly Dictionary<PerspectiveId, NewsVoice> Spanish = new()
    {
        [PerspectiveId.Calm] = new(
            "Las noticias, con calma",
            [
                "Observa cómo te llega esta noticia de {topic} antes de formarte una opinión. Una respiración lenta y sigue leyendo a tu ritmo.",
                "Las noticias tiran de la atención hacia fuera. Con la Luna en {moonSign}, deja que este titular de {topic} sea algo que observas, no algo que cargas.",
                "Si esta noticia de {topic} te remueve, haz una pausa y nombra la emoción con suavidad. Puedes estar al día y conservar tu centro.",
                "Lee este titular de {topic} como quien mira pasar las nubes: con interés, sin aferrarte. La fase de hoy ({phase}) invita a una mente sin prisa.",
                "Antes de seguir, suelta los hombros y relaja la mandíbula. Esta noticia de {topic} seguirá ahí después de tres respiraciones tranquilas.",
                "Que esta pieza de {topic} te recuerde que el mundo sigue girando mientras tú eliges tu propio ritmo bajo la Luna en {moonSign}.",
            ],
            [
                "Pausa de mediodía: noticias con calma",
                "Una mirada serena a los titulares",
                "Primero respira, luego lee",
                "Las noticias con la Luna en {moonSign}",
            ],
            [
                "Unos pocos titulares que vale la pena conocer, con una respiración entre cada uno.",
                "Las noticias del día en dosis pequeñas y tranquilas, leídas con serenidad.",
                "Infórmate sin prisa: un puñado de historias y una nota amable en cada una.",
            ],
            ["Hola, {name}, respira despacio antes de las noticias.", "{name}, aquí tienes una pausa tranquila de mediodía con los titulares."],
            ["Hola, respira despacio antes de las noticias.", "Aquí tienes una pausa tranquila de mediodía con los titulares."],
            [
                "La Luna descansa hoy en {moonSign}. Lee estos titulares despacio y deja que cada uno se asiente antes del siguiente.",
                "El mediodía es un buen momento para escucharte. Cada historia llega con una nota suave, nada más urgente que tu próxima respiración.",
                "Fase lunar de este mediodía: {phase}. Aquí van unas historias elegidas para informarte sin apresurarte.",
                "Deja que el impulso de la mañana se calme un minuto. Los titulares de abajo están para leerse con suavidad, de uno en uno.",
            ]),
        [PerspectiveId.Knowledge] = new(
            "En las noticias: cómo lo sabemos",
            [
                "Toda noticia de {topic} descansa sobre siglos de observación. Los astrónomos fijaban las cosechas por el cielo; la investigación sigue empezando por medir con cuidado.",
                "Un apunte histórico: las primeras revistas científicas aparecieron en 1665, y el periodismo de {topic} lleva desde entonces contando sus hallazgos. Merece una lectura curiosa.",
                "La astrología es un lenguaje simbólico, y la Luna en {moonSign} recuerda que símbolos y datos responden a preguntas distintas. Este titular de {topic} pertenece al segundo tipo.",
                "La mitología dio nombre a los planetas; la información de {topic} nos da medidas. Fíjate en cómo esta noticia explica su método y no solo su resultado.",
                "La Biblioteca de Alejandría reunía saber como hoy las redacciones reúnen noticias. Lee esta pieza de {topic} y pregúntate qué se observó y quién lo hizo.",
                "Los viejos almanaques imprimían consejos junto a las mareas y las fases ({phase} hoy). El periodismo de {topic} cambia consejos por hallazgos, un giro que conviene notar.",
            ],
            [
                "Lección de mediodía: las noticias",
                "Titulares con lección de historia",
                "Cómo sabemos lo que sabemos",
                "Mentes curiosas: titulares del día",
            ],
            [
                "Las historias del día con contexto de la historia de la ciencia y del cielo.",
                "Titulares, cada uno con una nota breve sobre el origen del saber que lo sostiene.",
                "Una lista de lectura para curiosos, con la Luna en {moonSign} como telón de fondo.",
            ],
            ["Hola, {name}, empieza la clase de las noticias de mediodía.", "Saludos, {name}. Unas historias para alimentar tu curiosidad."],
            ["Hola, empieza la clase de las noticias de mediodía.", "Saludos. Unas historias para alimentar tu curiosidad."],
            [
                "Antes del telescopio, la gente leía el cielo para medir el tiempo. Hoy la Luna cruza {moonSign}, y esto es lo que cuentan las redacciones.",
                "Cada titular de abajo es un pequeño capítulo de la larga historia del conocimiento humano, con una nota sobre su contexto.",
                "Las fases lunares ({phase} hoy) han marcado calendarios durante milenios. Este mediodía enmarcan historias que merecen entenderse, no solo hojearse.",
                "La curiosidad es el hilo que une la astronomía antigua con la investigación de hoy. Síguelo a través de estos titulares.",
            ]),
        [PerspectiveId.Success] = new(
            "Tu informe de mediodía",
            [
                "Busca en esta noticia de {topic} un dato que puedas usar hoy en una conversación. La información es palanca cuando actúas rápido.",
                "Lectura estratégica: ¿qué cambia este avance de {topic} para tu sector este trimestre? Anota una implicación y sigue adelante.",
                "Trata este titular de {topic} como inteligencia, no como entretenimiento. ¿Quién gana, quién se adapta y dónde encajas tú?",
                "Con la Luna en {moonSign}, afina el foco: elige una idea de esta noticia de {topic} y súmala a tu plan de la tarde.",
                "Quien lidera lee mucho y decide poco. Repasa esta pieza de {topic}, quédate con la conclusión y vuelve a tus prioridades.",
                "Radar de oportunidades: los cambios en {topic} llegan a todos los sectores. Marca este y revísalo en tu balance semanal.",
            ],
            [
                "Tu informe de mediodía",
                "Inteligencia de mediodía: qué se movió",
                "Informe de las doce: actúa en lo clave",
                "Titulares para afinar tu tarde",
            ],
            [
                "Las historias que importan esta tarde, cada una con una conclusión estratégica.",
                "Un informe rápido: repasa, extrae la idea y vuelve a tus objetivos.",
                "Inteligencia de mediodía con la Luna en {moonSign}: dos minutos de lectura, toda la tarde de uso.",
            ],
            ["{name}, aquí tienes tu informe de mediodía.", "Qué bien verte, {name}. Toca un repaso estratégico rápido."],
            ["Aquí tienes tu informe de mediodía.", "Toca un repaso estratégico rápido."],
            [
                "Dos minutos, unos titulares, una conclusión por cada uno. Úsalos para afinar el plan de la tarde.",
                "La Luna está en {moonSign}, media jornada está hecha y la tarde es tuya. Empieza por lo que ha cambiado.",
                "La información corre; tu ventaja es leerla con intención. Esto es lo que merece tu atención.",
                "Fase de hoy: {phase}. Mantén el impulso: estas historias llegan con un ángulo estratégico, listas para la acción.",
            ]),
        [PerspectiveId.Evidence] = new(
            "En las noticias: lo que se midió",
            [
                "Revisa la fuente: ¿cita esta noticia de {topic} un estudio, un tamaño de muestra o un conjunto de datos? La astrología no aporta evidencia sobre hechos noticiosos.",
                "Lo observable aquí es la propia información publicada. La Luna está hoy en {moonSign}, y ningún estudio vincula su posición con resultados de {topic}.",
                "Lee con duda calibrada: un único resultado de {topic} rara vez es concluyente hasta que se replica. Anótalo y atiende a los seguimientos.",
                "Correlación no implica causalidad. Si esta noticia de {topic} habla de una tendencia, busca el grupo de comparación y el margen de error.",
                "No se hace ninguna afirmación astrológica sobre este titular. Está aquí como dato: escribe qué esperas que pase y comprueba después cuánto acertaste.",
                "Prefiere la cobertura de {topic} que enlaza fuentes primarias y declara su incertidumbre, el mismo criterio que este registro aplica al cielo.",
            ],
            [
                "Datos de mediodía: hechos publicados",
                "Titulares, contrastados con la evidencia",
                "Registro de las doce: qué dicen las fuentes",
                "Las noticias, con barras de error",
            ],
            [
                "Unos hechos publicados, cada uno con una nota sobre lo que la evidencia muestra y lo que no.",
                "Titulares como datos: fuentes, incertidumbre y nada que la astrología pueda afirmar.",
                "Las historias de hoy con la Luna en {moonSign} anotada al lado, no como explicación.",
            ],
            ["Hola, {name}, aquí están los titulares de hoy como datos.", "{name}, tu registro de mediodía de hechos publicados está listo."],
            ["Hola, aquí están los titulares de hoy como datos.", "Tu registro de mediodía de hechos publicados está listo."],
            [
                "Observable hoy: la Luna en {moonSign}, fase {phase}. Abajo, titulares de fuentes públicas, ninguno explicado por el cielo.",
                "Estas historias vienen de fuentes de noticias públicas. Cada nota indica qué tipo de evidencia buscar antes de aceptarla.",
                "La astrología no hace afirmaciones comprobables sobre las noticias, así que este resumen separa ambas cosas: primero los hechos publicados, luego tus observaciones.",
                "Una muestra de mediodía de hechos publicados. Trata cada uno como un dato, registra tus expectativas y compáralas más tarde.",
            ]),
    };
}
