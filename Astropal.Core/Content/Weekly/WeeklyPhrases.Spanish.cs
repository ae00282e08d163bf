using Astropal.Core.Readers;

namespace Astropal.Core.Content.Weekly;

internal static partial class WeeklyPhrases
{
    private static readonly Dictionary<PerspectiveId, WeeklyVoice> Spanish = new()
    {
        [PerspectiveId.Calm] = new(
            [
                "Tu semana con calma: {keyShort}",
                "Un domingo tranquilo para mirar la semana",
                "Siete días, una respiración cada vez",
                "La Luna de la semana: de {moonFirst} a {moonLast}",
            ],
            [
                "Un repaso suave de los siete días que vienen, con los hitos tranquilos del cielo.",
                "Prepárate un té: esta es la forma de la semana, día a día.",
                "Sin prisa. La Luna viaja de {moonFirst} a {moonLast}; esta es la semana, con suavidad.",
            ],
            [
                "Feliz domingo, {name}. Acomódate.",
                "Buenos días, {name}. Miremos la semana despacio.",
                "Hola, {name}. Recibamos la semana con suavidad; respira.",
            ],
            [
                "Feliz domingo. Acomódate.",
                "Buenos días. Miremos la semana despacio.",
                "Hola. Recibamos la semana con suavidad; respira.",
            ],
            [
                "Esta semana la Luna viaja de {moonFirst} a {moonLast}. Su hito tranquilo: {keyEvent}. Deja que los días lleguen de uno en uno; solo tienes que atender el que tienes delante.",
                "El ancla más suave de la semana: {keyEvent}. A su alrededor, la Luna pasa de {moonFirst} a {moonLast}. Deja un poco de descanso en cada día, como la música deja espacio entre las notas.",
                "De {moonFirst} a {moonLast}, la Luna cruzará la semana a su propio ritmo, sin prisa. Síguela: haz un poco, descansa un poco y observa lo que permanece estable.",
                "Siete días, {eventCount} momentos del cielo que merece la pena notar, y una respiración tranquila cada vez. La Luna empieza la semana en {moonFirst} y la termina en {moonLast}.",
            ],
            new Dictionary<WeekDayKind, IReadOnlyList<string>>
            {
                [WeekDayKind.Lunation] =
                [
                    "La {phase} en {sign}: una pausa natural. Regálate media hora tranquila el {weekday}.",
                    "La {phase} es exacta hoy; si puedes, sal fuera y respira despacio unas cuantas veces.",
                    "{phase} en {sign}. Que sea un día de descanso y atención suave, no de esfuerzo.",
                ],
                [WeekDayKind.Quarter] =
                [
                    "La Luna llega a su {phase} en {sign}. Los puntos intermedios piden paciencia; quita una cosa de tu lista.",
                    "Día de {phase}. Observa cuánto ha crecido desde la última fase, sin medirlo.",
                    "{phase} en {sign}: respira en equilibrio, cuatro tiempos al inhalar y cuatro al exhalar.",
                ],
                [WeekDayKind.Station] =
                [
                    "{body} se estaciona {motion} hoy y parece detenerse en el cielo. Detente con él un momento.",
                    "{body} parece quedarse quieto al volverse {motion}. Buen día para moverte despacio tú también.",
                    "Con {body} volviéndose {motion}, sé amable con los planes que cambian; quedarse quieto está permitido.",
                    "{body} cambia de sentido hoy. Permítete cambiar de ritmo sin juzgarte.",
                ],
                [WeekDayKind.Ingress] =
                [
                    "Con {body} ya en {sign}, un capítulo nuevo puede empezar con suavidad.",
                    "{body} está en {sign} desde hoy. Nota un cambio sutil de tono y recíbelo con amabilidad.",
                    "{body} cambia de signo, a {sign}. Tómate un momento para respirar lo nuevo.",
                    "Ya en {sign}, {body} te invita en silencio a renovar un pequeño hábito.",
                ],
                [WeekDayKind.Moon] =
                [
                    "La Luna en {moonSign}: un día sencillo para moverte a tu ritmo.",
                    "Con la Luna en {moonSign}, haz sitio para una comida sin prisas.",
                    "Bajo la Luna de hoy en {moonSign}, basta con un paseo corto y una respiración lenta.",
                    "Deja que la Luna en {moonSign} te recuerde descansar antes de que llegue el cansancio.",
                    "La Luna en {moonSign} invita a una consulta amable contigo: ¿cómo está tu cuerpo hoy?",
                    "Día de Luna en {moonSign}. Si puedes, reserva una hora sin pantallas.",
                    "Con la Luna en {moonSign}, sé amable primero contigo y después con tu lista.",
                ],
            }),

        [PerspectiveId.Knowledge] = new(
            [
                "La lección de la semana: {keyShort}",
                "La semana que viene, explicada",
                "Siete días de mecánica celeste",
                "Luna de {moonFirst} a {moonLast}: estudio semanal",
            ],
            [
                "La geometría, la historia y el mito del cielo de esta semana, día a día.",
                "Fases, ingresos y estaciones de la semana, con las historias que se contaron sobre ellos.",
                "Tu temario de la semana: el camino de la Luna de {moonFirst} a {moonLast} y lo que hay detrás.",
            ],
            [
                "Buenos días, {name}. Este es el temario de la semana.",
                "Hola, {name}, estudiemos la semana que viene.",
                "Feliz domingo, {name}. Empieza la clase.",
            ],
            [
                "Buenos días. Este es el temario de la semana.",
                "Estudiemos la semana que viene.",
                "Feliz domingo. Empieza la clase.",
            ],
            [
                "La lección central de la semana: {keyEvent}. Mientras tanto, la Luna, que avanza unos 13 grados al día, lleva la historia de {moonFirst} a {moonLast}.",
                "En siete días la Luna recorre unos 90 grados de la eclíptica, de {moonFirst} a {moonLast}. Atención a una fecha en particular: {keyEvent}.",
                "Esta semana el cielo ofrece {eventCount} sucesos con fecha para estudiar. Cada uno es primero un hecho geométrico; el simbolismo llegó después, de la mano de lectores babilonios, griegos y medievales.",
                "La Luna abre la semana en {moonFirst} y la cierra en {moonLast}, más o menos una cuarta parte de su vuelta mensual. Usa los días de abajo como guía de campo.",
            ],
            new Dictionary<WeekDayKind, IReadOnlyList<string>>
            {
                [WeekDayKind.Lunation] =
                [
                    "En la {phase} el Sol, la Tierra y la Luna se alinean; muchos calendarios, de Babilonia a hoy, marcan sus meses con estos momentos.",
                    "La {phase} en {sign} es un punto del mes sinódico de 29,5 días, el ciclo que está detrás de la propia palabra mes.",
                    "{phase} en {sign}: el Sol y la Luna están a 0 o a 180 grados, y las mareas son más fuertes en torno a ella.",
                ],
                [WeekDayKind.Quarter] =
                [
                    "En el {phase} el Sol y la Luna forman 90 grados y se ilumina la mitad del disco; de ahí el nombre.",
                    "{phase} en {sign}. Las mareas son más débiles en torno a los cuartos, cuando el Sol y la Luna tiran en ángulo recto.",
                    "El {phase} divide el mes lunar; la tradición lo lee como un punto de inflexión, la astronomía como un ángulo recto.",
                ],
                [WeekDayKind.Station] =
                [
                    "{body} se estaciona {motion}: cuando la Tierra lo adelanta o es adelantada, el planeta parece detenerse frente a las estrellas.",
                    "Estación {ofBody}. Ptolomeo explicaba estos bucles con epiciclos; Copérnico, con una Tierra en movimiento.",
                    "{body} se vuelve {motion} hoy, un efecto óptico de dos órbitas vistas desde una de ellas.",
                    "{body} parece inmóvil hoy al volverse {motion}; los observadores antiguos seguían con cuidado estas pausas.",
                ],
                [WeekDayKind.Ingress] =
                [
                    "Con {body} ya en {sign}, ha cruzado una frontera de 30 grados del zodiaco tropical, medida desde el equinoccio de marzo.",
                    "{body} en {sign} desde hoy: los signos son porciones iguales de la eclíptica, no las constelaciones.",
                    "Ya en {sign}, {body} adopta el simbolismo de ese signo en una tradición cuyas reglas se remontan al Egipto helenístico.",
                    "{body} cambia de signo hoy; los almanaques medievales imprimían estos ingresos junto a los santos y los días de mercado.",
                ],
                [WeekDayKind.Moon] =
                [
                    "La Luna en {moonSign} recorre su propio diámetro en más o menos una hora frente a las estrellas de fondo.",
                    "La Luna está en {moonSign}; la tradición asigna a cada signo un elemento, y merece la pena buscar el de este.",
                    "Con la Luna en {moonSign}, recuerda que su órbita está inclinada unos 5 grados, así que vaga por encima y por debajo del camino del Sol.",
                    "Con la Luna en {moonSign}, fíjate en la hora de salida: sale unos 50 minutos más tarde cada día.",
                    "La Luna en {moonSign} nos muestra su cara de siempre, porque gira una vez sobre sí misma en cada órbita.",
                    "La Luna en {moonSign} está de media a unos 384.000 kilómetros; esa distancia varía unos 40.000 a lo largo del mes.",
                    "La Luna está en {moonSign}. Las tablillas babilonias de presagios, el Enuma Anu Enlil, registraban días como este.",
                ],
            }),

        [PerspectiveId.Success] = new(
            [
                "El plan de tu semana: {keyShort}",
                "La semana: prioridades y momento oportuno",
                "Siete días, tres metas, un plan",
                "Planifica la semana: Luna de {moonFirst} a {moonLast}",
            ],
            [
                "Las fechas clave de la semana, el ritmo día a día y dónde apretar. Fija ahora tus tres metas.",
                "Organiza tu agenda con el cielo en mente: los hitos de la semana que viene.",
                "Un informe de planificación del domingo: cómo es el cielo de la semana y cómo aprovecharlo.",
            ],
            [
                "Buenos días, {name}. Planifiquemos la semana.",
                "{name}, este es tu informe semanal.",
                "{name}, a por una gran semana.",
            ],
            [
                "Buenos días. Planifiquemos la semana.",
                "Este es tu informe semanal.",
                "A por una gran semana.",
            ],
            [
                "Fecha clave de esta semana: {keyEvent}. Fija hoy tus tres metas de la semana y pon la más difícil la primera en la agenda.",
                "La Luna va de {moonFirst} a {moonLast} esta semana. Usa los días de abajo como cuadrícula de tiempos: planificar, apretar, revisar.",
                "{eventCount} sucesos del cielo con fecha esta semana. Trátalos como puntos de control: una meta por punto, revisada el sábado.",
                "El ancla de esta semana: {keyEvent}. Todo lo demás de la lista debería servir a un resultado que puedas nombrar en una frase.",
            ],
            new Dictionary<WeekDayKind, IReadOnlyList<string>>
            {
                [WeekDayKind.Lunation] =
                [
                    "{phase} en {sign}: punto de control. Repasa las metas del mes y reajusta un objetivo.",
                    "La {phase} marca un punto del ciclo; cierra un asunto pendiente antes de que acabe el día.",
                    "{phase} hoy. Buen día para lanzar o para cerrar; elige uno, no los dos.",
                ],
                [WeekDayKind.Quarter] =
                [
                    "{phase}: mitad del camino. Compara el avance con el plan y corta lo que no funcione.",
                    "El {phase} en {sign} es una revisión a mitad de ciclo. Ajusta, no empieces de cero.",
                    "{phase} hoy: toma una decisión que llevas tiempo aplazando.",
                ],
                [WeekDayKind.Station] =
                [
                    "{body} se estaciona {motion}: puede que los planes necesiten una segunda mirada. Deja margen de tiempo.",
                    "Con {body} volviéndose {motion}, revisa antes de firmar. Comprueba los detalles dos veces.",
                    "{body} cambia de sentido hoy: señal para retomar un proyecto atascado.",
                    "{body} se estaciona {motion}. Mantén los compromisos ligeros y confirma los plazos.",
                ],
                [WeekDayKind.Ingress] =
                [
                    "Con {body} ya en {sign}, reajusta una prioridad para el resto de la semana.",
                    "{body} en {sign} desde hoy: un foco nuevo. Elige la tarea que encaje con él.",
                    "{body} cambia de signo, a {sign}: un comienzo limpio para una línea de trabajo.",
                    "Ya en {sign}, {body} marca un tono nuevo. Úsalo para reordenar prioridades.",
                ],
                [WeekDayKind.Moon] =
                [
                    "Luna en {moonSign}: día de ejecución. Tres tareas, en orden, terminadas.",
                    "Con la Luna en {moonSign}, programa el trabajo profundo antes de mediodía.",
                    "Luna en {moonSign}: responde los mensajes en un solo bloque y cierra el correo.",
                    "Bajo la Luna en {moonSign}, haz seguimiento de cada asunto abierto de la semana.",
                    "Luna en {moonSign}. Protege tus mejores horas; rechaza una reunión.",
                    "Con la Luna en {moonSign}, mide un número que importe y anótalo.",
                    "Luna en {moonSign}. Prepara la primera tarea de mañana antes de terminar hoy.",
                ],
            }),

        [PerspectiveId.Evidence] = new(
            [
                "Semana de datos: {keyShort}",
                "El cielo calculado de la semana, día a día",
                "{eventCount} sucesos calculados para registrar",
                "Luna de {moonFirst} a {moonLast}: tu registro semanal",
            ],
            [
                "Cada suceso calculado de la semana con su hora local, y un plan para registrar tus propios datos.",
                "Fases, ingresos y estaciones, medidos al minuto. Lo que la astrología afirma de ellos sigue sin comprobarse.",
                "Siete días de posiciones que puedes verificar, y un recordatorio: ningún estudio muestra que predigan sucesos.",
            ],
            [
                "Hola, {name}. Los datos de la semana, calculados para tu zona horaria.",
                "{name}, estas son las mediciones de la semana.",
                "Buenos días, {name}. Primero los números, como siempre.",
            ],
            [
                "Hola. Los datos de la semana, calculados para tu zona horaria.",
                "Estas son las mediciones de la semana.",
                "Buenos días. Primero los números, como siempre.",
            ],
            [
                "Calculado para tu zona horaria: {eventCount} sucesos con fecha esta semana, la Luna de {moonFirst} a {moonLast} y {retroCount} planetas retrógrados el domingo. Anota una puntuación diaria; la astrología no ha demostrado capacidad para predecir qué traen estos sucesos.",
                "El suceso más notable de la semana: {keyEvent}. Se puede medir al minuto; cualquier efecto sobre ti es una hipótesis. Registra a diario el ánimo y el sueño, y compara.",
                "Esta semana la Luna viaja de {moonFirst} a {moonLast}. Lleva un registro de siete días: una muestra tan pequeña no demuestra nada por sí sola, pero meses de registro sí pueden mostrar algo.",
                "Las posiciones de abajo están calculadas, no pronosticadas. {retroCount} planetas muestran movimiento retrógrado aparente al empezar la semana, un efecto de la órbita terrestre, no la causa de nada.",
            ],
            new Dictionary<WeekDayKind, IReadOnlyList<string>>
            {
                [WeekDayKind.Lunation] =
                [
                    "{phase} en {sign}, exacta al minuto indicado. Los estudios sobre el ciclo lunar y el ánimo o el sueño han dado resultados dispares, casi siempre nulos.",
                    "{phase}: iluminación en su mínimo o su máximo. Registra tu sueño esta noche y compáralo con las noches de cuarto.",
                    "{phase} en {sign}. Las grandes revisiones no hallan un efecto fiable de la fase lunar en la conducta, ingresos hospitalarios incluidos.",
                ],
                [WeekDayKind.Quarter] =
                [
                    "{phase}: la Luna está iluminada a medias. Un punto de control útil para tus comparaciones por fase.",
                    "{phase} en {sign}. Anota tus puntuaciones; los días de cuarto son una referencia natural.",
                    "{phase}. Está iluminada la mitad del disco lunar; ningún estudio lo relaciona con el ánimo.",
                ],
                [WeekDayKind.Station] =
                [
                    "{body} se estaciona {motion}: su movimiento aparente por la eclíptica llega a cero. No hay evidencia de un efecto sobre ti.",
                    "Estación {ofBody}, que se vuelve {motion}: un efecto óptico de las órbitas relativas. Registra tu día como siempre.",
                    "{body} se vuelve {motion}. Lo que se afirma de las estaciones no está comprobado; anota lo que oigas y compruébalo.",
                    "{body} parece estacionario hoy. Un suceso medible con un significado sin medir.",
                ],
                [WeekDayKind.Ingress] =
                [
                    "{body} ya en {sign}: una frontera de 30 grados del zodiaco tropical, una convención humana.",
                    "{body} en {sign} desde hoy. Los límites de los signos se definen desde el equinoccio, no por las estrellas que hay detrás.",
                    "Con {body} en {sign}, la astrología espera un cambio de tono; anota si lo notas antes de seguir leyendo.",
                    "{body} cambia de signo hoy. Un suceso preciso; su significado es tradición, no medición.",
                ],
                [WeekDayKind.Moon] =
                [
                    "Luna en {moonSign} tropical. Registra ánimo, energía y sueño.",
                    "Luna en {moonSign}. Ningún dato relaciona el signo lunar con tu día; tu registro puede ponerlo a prueba.",
                    "Luna en {moonSign}: anota una puntuación del 1 al 10 antes de leer ningún horóscopo.",
                    "Luna en {moonSign}. Anota también el tiempo y tu carga de trabajo: son factores de confusión habituales.",
                    "Luna en {moonSign}: un dato más. Los patrones necesitan docenas.",
                    "Luna en {moonSign}. Escribe una predicción por la mañana y puntúala por la noche.",
                    "Luna en {moonSign}. Si está sobre el horizonte y el cielo está despejado, obsérvala y anota la hora.",
                ],
            }),
    };
}
