using Astropal.Core.Content.Offline;
using Astropal.Core.Readers;

namespace Astropal.Core.Content.Evening;

internal static partial class EveningPhrases
{
    private static readonly EveningShared SpanishShared = new(
        "También hoy: {events}.",
        "{events}.",
        "Ninguna fase, estación ni cambio de signo: a mediodía la Luna estará en {sign}, iluminada al {illum}.");

    private static readonly Dictionary<PerspectiveId, EveningVoice> Spanish = new()
    {
        [PerspectiveId.Calm] = new(
            [
                "Calma de tarde con la Luna en {moonSign}",
                "Deja que el día repose: Luna en {moonSign}",
                "Una mirada tranquila al día de hoy",
                "Baja el ritmo esta noche",
            ],
            [
                "Tres preguntas amables y una mirada suave a lo que guardó el cielo hoy.",
                "Antes de dormir: unos minutos de calma con la Luna de hoy en {moonSign}.",
                "Deja que el día se asiente. Una reflexión, una respiración y un vistazo a mañana.",
            ],
            [
                "Buenas tardes, {name}. Deja caer los hombros.",
                "Hola, {name}. El día casi ha terminado; suelta el aire despacio.",
                "Buenas tardes, {name}. Busca un asiento cómodo antes de seguir leyendo.",
            ],
            [
                "Buenas tardes. Deja caer los hombros.",
                "El día casi ha terminado; suelta el aire despacio.",
                "Buenas tardes. Busca un asiento cómodo antes de seguir leyendo.",
            ],
            [
                "Hoy la Luna estuvo en {moonSign}, en fase de {phase} e iluminada al {illum}. Piensa en las horas pasadas como agua que se asienta en un vaso: esta noche no hace falta añadir nada.",
                "La Luna ha estado hoy en {moonSign} ({phase}). Lo que se movió deprisa, deja que se calme ahora, como la luz que se apaga despacio al anochecer.",
                "La Luna en {moonSign}, en fase de {phase}, ha acompañado tu día. Observa qué sigues sosteniendo de él y suelta una cosa con la próxima exhalación.",
                "Bajo la Luna de hoy en {moonSign}, iluminada al {illum}, has hecho suficiente. La tarde es un lugar para descansar, no para repasar cada paso.",
            ],
            [
                "Hacia las {moonTime} pasó de {fromSign} a {toSign}; si la tarde se sintió distinta de la mañana, esa es una imagen amable para ello.",
                "A las {moonTime} la Luna pasó de {fromSign} a {toSign}, un recordatorio tranquilo de que los ánimos también cambian, y pasan.",
            ],
            new Dictionary<TransitFamily, IReadOnlyList<string>>
            {
                [TransitFamily.Flow] =
                [
                    "{aspect}, dentro de {orb}, fue el hilo más suave del día. ¿Dónde llegó algo con facilidad? Deja que esa facilidad te acompañe mientras bajas el ritmo.",
                    "Con {aspect}, una corriente amable recorrió el día. No tienes que hacer nada con ella ahora; solo obsérvala.",
                    "El día trajo {aspect}. El apoyo suele llegar en silencio; quizá llegó como una palabra amable o un momento sin prisa.",
                ],
                [TransitFamily.Tension] =
                [
                    "{aspect}, dentro de {orb}, quizá hizo que partes del día se sintieran tensas. Pon una mano en el pecho y deja que la noche sea más suave que la tarde.",
                    "Con {aspect}, hubo algo de fricción en el día. Fue clima, no un veredicto; suelta el aire despacio y déjalo pasar.",
                    "El día trajo {aspect}. Si se te agotó la paciencia, trátate ahora con la amabilidad que ofrecerías a una amiga.",
                ],
                [TransitFamily.Fusion] =
                [
                    "{aspect}, dentro de {orb}, reunió la atención del día en un solo lugar. Deja que ese foco se afloje ahora, como una mano que se abre despacio.",
                    "Con {aspect}, quizá un tema brilló más que otros hoy. Sostenlo con suavidad esta noche, sin necesidad de decidir nada.",
                    "El día trajo {aspect}. Algo se concentró en ti; dale quietud en lugar de más pensamientos.",
                ],
            },
            [
                "Tu carta estuvo tranquila hoy, sin ningún tránsito fuerte. Una carta en calma es una invitación a descansar.",
                "Ningún tránsito fuerte tocó tu carta hoy. Deja que esa quietud sea el regalo de la tarde.",
            ],
            [
                "¿Qué momento de hoy te resultó más sereno, y qué lo hizo así?",
                "¿En qué parte del cuerpo sostienes ahora mismo el día?",
                "¿Qué gesto amable tuviste hoy contigo?",
                "¿Qué puedes soltar esta noche para que mañana empiece más ligero?",
                "¿Cómo te sentiste hoy con {theme}: en calma, con prisa, con ternura?",
                "Si la Luna de hoy en {moonSign} tuviera una palabra para ti, ¿cuál sería?",
            ],
            [
                "¿Cuándo notaste hoy el tema {ofBody}, aunque fuera un instante?",
                "¿Hubo hoy un momento con el tono {ofBody}? ¿Cómo lo recibiste?",
                "¿Qué te mostró el tránsito {ofBody} de hoy sobre tu propio ritmo?",
            ],
            [
                "Nada que preparar; solo descansa.",
                "Que dormir bien sea tu único plan.",
                "Recíbelo mañana, una respiración cada vez.",
            ]),

        [PerspectiveId.Knowledge] = new(
            [
                "La lección del cielo: la Luna en {moonSign}",
                "Fase de hoy: {phase} en {moonSign}",
                "Notas de la tarde: {body} y tu carta",
                "El cielo del día, explicado",
            ],
            [
                "Un repaso a la geometría de hoy, el mito que hay detrás y preguntas para tu cuaderno.",
                "Cómo recorrió hoy la Luna {moonSign} y qué decían de ello los textos antiguos.",
                "Repasa el cielo del día como un informe de laboratorio: observaciones, símbolos y lo que trae mañana.",
            ],
            [
                "Buenas tardes, {name}. Toca repasar el día.",
                "Hola, {name}, veamos qué hizo hoy el cielo.",
                "Buenas tardes, {name}. ¿Tienes el cuaderno a mano?",
            ],
            [
                "Buenas tardes. Toca repasar el día.",
                "Veamos qué hizo hoy el cielo.",
                "Buenas tardes. ¿Tienes el cuaderno a mano?",
            ],
            [
                "A mediodía la Luna estaba en {moonSign} tropical, iluminada al {illum} ({phase}). Esa fracción es solo la parte de su mitad iluminada que miraba a la Tierra desde el ángulo de hoy.",
                "La fase de hoy ({phase} en {moonSign}) es un fotograma de un ciclo de 29,5 días que los babilonios ya tabulaban. Con un {illum} de iluminación, podías haber dibujado su forma.",
                "La Luna avanza unos 13 grados al día frente a las estrellas; hoy recorrió parte de {moonSign}, en fase de {phase} e iluminada al {illum}.",
                "En el lenguaje simbólico, {moonSign} tiñe la Luna del día. Astronómicamente significa que la Luna estaba en esa porción de 30 grados de la eclíptica, iluminada al {illum}.",
            ],
            [
                "A las {moonTime} cruzó la frontera de {fromSign} a {toSign}, una de las unas 13 veces al mes que cambia de signo.",
                "Dejó {fromSign} por {toSign} a las {moonTime}; los astrólogos llaman ingreso a ese cruce.",
            ],
            new Dictionary<TransitFamily, IReadOnlyList<string>>
            {
                [TransitFamily.Flow] =
                [
                    "Tu carta tuvo {aspect}, orbe {orb}. Ptolomeo contaba estos ángulos entre los armónicos; como símbolo, pregúntate dónde apareció la cooperación.",
                    "Hoy hubo {aspect}. En la tradición helenística este ángulo une signos de elementos compatibles, una metáfora de facilidad que puedes contrastar con tu día.",
                    "{aspect}, orbe {orb}, fue el tránsito más fuerte del día. Los textos antiguos lo llaman aspecto amistoso; tus notas dirán si la metáfora encaja.",
                ],
                [TransitFamily.Tension] =
                [
                    "Tu carta tuvo {aspect}, orbe {orb}. Los autores clásicos leían este ángulo como una prueba que forja habilidad; ¿qué prueba planteó el día?",
                    "Hoy hubo {aspect}. Los astrólogos medievales llamaban maléficos a estos ángulos; los lectores modernos ven en la fricción una maestra.",
                    "{aspect}, orbe {orb}, fue el tránsito más fuerte del día. Cuadraturas y oposiciones dividen el círculo en cuartos y mitades, la geometría que la tradición asocia a los puntos de inflexión.",
                ],
                [TransitFamily.Fusion] =
                [
                    "Tu carta tuvo {aspect}, orbe {orb}: dos puntos que comparten un mismo tramo de la eclíptica, leído desde Ptolomeo como una mezcla de significados.",
                    "Hoy hubo {aspect}. El latín conjunctio significa unión; los alquimistas usaban la palabra para la unión de los opuestos.",
                    "{aspect}, orbe {orb}, fue el tránsito más fuerte del día. La tradición lee la conjunción como una semilla; anota qué empezó hoy.",
                ],
            },
            [
                "Ningún planeta formó hoy un aspecto cercano con tu carta natal, así que la lección del día es la del cielo en general.",
                "Tu carta no tuvo hoy ningún tránsito fuerte: buena tarde para estudiar el cielo por sí mismo.",
            ],
            [
                "¿Viste hoy la Luna? ¿En qué parte del cielo estaba y a qué hora?",
                "¿Qué símbolo de {moonSign} (su elemento, su regente, su mito) apareció en tu día?",
                "¿Qué aprendiste hoy que te gustaría consultar con calma mañana?",
                "¿Cómo habría descrito el cielo de hoy un observador antiguo, sin telescopio ni reloj?",
                "En cuanto a {theme}, ¿qué historia o mito describe mejor cómo fue el día?",
                "¿Qué pregunta sobre el cielo podrías responder observándolo esta noche?",
            ],
            [
                "¿Qué sabes del mito {ofBody}, y resonó hoy alguna parte de él?",
                "¿Cómo explicarías a alguien el tránsito {ofBody} de hoy, como geometría y no como destino?",
                "¿Qué significado antiguo {ofBody} encajó hoy, y cuál no encajó en absoluto?",
            ],
            [
                "Merece una línea en tu diario del cielo.",
                "Si te pica la curiosidad, compara la hora con un almanaque.",
                "Buen momento para buscar qué dice de ello la tradición.",
            ]),

        [PerspectiveId.Success] = new(
            [
                "Balance: qué avanzó con la Luna en {moonSign}",
                "Revisión del día: logros, bloqueos, siguiente paso",
                "Cierra el día con un balance",
                "Balance de la tarde: {body} y tus metas",
            ],
            [
                "Tres preguntas para repasar el día y fijar el primer paso de mañana antes de desconectar.",
                "Puntúa el día, anota la lección y mira qué trae el cielo de mañana para tu plan.",
                "Un balance de cinco minutos: qué funcionó, qué se atascó y qué viene ahora.",
            ],
            [
                "Buenas tardes, {name}. Toca hacer balance.",
                "{name}, cerremos el día.",
                "Buen trabajo hoy, {name}. ¿Repaso rápido?",
            ],
            [
                "Buenas tardes. Toca hacer balance.",
                "Cerremos el día.",
                "Buen trabajo hoy. ¿Repaso rápido?",
            ],
            [
                "Contexto del día: la Luna en {moonSign}, {phase}, iluminada al {illum}. Lo entregado cuenta; lo pendiente es la primera decisión de mañana.",
                "El día transcurrió con la Luna en {moonSign} ({phase}). Revísalo como un proyecto: resultado, obstáculo, ajuste.",
                "Con la Luna hoy en {moonSign}, el tema sobre el papel era el impulso. Mídelo en resultados: ¿qué avanzó de verdad?",
                "La Luna en {moonSign}, iluminada al {illum}, enmarcó el día. Los buenos equipos cierran el día con una revisión, no con una repetición; que sea breve.",
            ],
            [
                "A las {moonTime} la Luna pasó de {fromSign} a {toSign}: un corte natural entre la primera y la segunda mitad del día.",
                "La Luna entró en {toSign} desde {fromSign} a las {moonTime}. ¿Cambiaron también tus prioridades en algún momento de hoy?",
            ],
            new Dictionary<TransitFamily, IReadOnlyList<string>>
            {
                [TransitFamily.Flow] =
                [
                    "Tu tránsito más fuerte fue {aspect}, orbe {orb}: viento a favor sobre el papel. ¿Lo aprovechaste? Si no, anota una petición que aún puedas hacer mañana.",
                    "{aspect} abrió hoy una ventana fácil. Registra lo que funcionó para poder repetirlo a propósito.",
                    "Tu ventaja de hoy fue {aspect}. Los logros en condiciones fáciles también necesitan seguimiento; prográmalo ahora.",
                ],
                [TransitFamily.Tension] =
                [
                    "Tu tránsito más fuerte fue {aspect}, orbe {orb}: fricción sobre el papel. Nombra el bloqueo en una línea y decide la primera acción contra él.",
                    "{aspect} puso presión en el día. La presión muestra dónde flojea un plan; apunta el punto débil.",
                    "Tu punto de presión de hoy fue {aspect}. No repitas el conflicto en tu cabeza; saca la lección y sigue.",
                ],
                [TransitFamily.Fusion] =
                [
                    "Tu tránsito más fuerte fue {aspect}, orbe {orb}: impulso concentrado. ¿Qué empezaste y cuál es su siguiente hito?",
                    "{aspect} concentró hoy la energía en un área. Comprueba que fue a la meta que más importa.",
                    "Tu gran jugada de hoy fue {aspect}. Asegura el avance: una frase sobre lo logrado y otra sobre lo que viene.",
                ],
            },
            [
                "Ningún tránsito importante tocó tu carta hoy: un día limpio. Júzgalo solo por la ejecución.",
                "Carta tranquila hoy, así que los resultados fueron solo tuyos. Revísalos con honestidad.",
            ],
            [
                "¿Cuál fue tu mayor logro de hoy y qué lo hizo posible?",
                "¿Qué se atascó, y cuál es la acción más pequeña que lo desbloquea?",
                "¿Qué tarea de mañana merece tu primera y mejor hora?",
                "¿A qué dijiste que sí hoy que deberías haber rechazado?",
                "En {theme}, ¿te acercó el día a la meta de este mes? ¿Cuánto?",
                "¿Qué dejarás de hacer esta semana para dejar sitio a lo que importa?",
            ],
            [
                "¿Dónde se notó el tránsito {ofBody} en tus resultados, si es que se notó?",
                "¿Cómo podrías aprovechar mañana mejor que el tránsito {ofBody} de hoy?",
                "¿Qué harías distinto si un tránsito {ofBody} como el de hoy volviera el mes que viene?",
            ],
            [
                "Mételo ya en el plan de mañana.",
                "Organiza tu agenda en consecuencia.",
                "Planifica a su alrededor y ejecuta.",
            ]),

        [PerspectiveId.Evidence] = new(
            [
                "Registro: Luna en {moonSign}, iluminada al {illum}",
                "Datos de la tarde: {phase}, {retroCount} retrógrados",
                "Registra hoy, compruébalo después",
                "Tu registro: tránsito {ofBody}, orbe {orb}",
            ],
            [
                "El cielo medido de hoy, tu tránsito más fuerte con su orbe y tres entradas para tu registro.",
                "Primero las observaciones, después preguntas que puedes puntuar. La astrología sigue siendo una hipótesis.",
                "Registra el día antes de que la memoria lo edite: posiciones, tránsitos y los sucesos calculados de mañana.",
            ],
            [
                "Buenas tardes, {name}. Toca registrar el día.",
                "{name}, este es el registro de hoy.",
                "Hola, {name}. Primero los números, después los recuerdos.",
            ],
            [
                "Buenas tardes. Toca registrar el día.",
                "Este es el registro de hoy.",
                "Hola. Primero los números, después los recuerdos.",
            ],
            [
                "Medido hoy: la Luna en {moonSign} tropical, iluminada al {illum} ({phase}). Las posiciones son exactas; ningún estudio controlado ha mostrado que den forma a un día.",
                "Registrado a mediodía local: Luna en {moonSign}, {phase}, iluminada al {illum}; {retroCount} planetas en movimiento retrógrado aparente. La observación es segura; una influencia, no.",
                "Datos de hoy: {phase} al {illum} en {moonSign}. Los estudios sobre efectos lunares en el sueño y el ánimo han hallado como mucho resultados pequeños o no replicados.",
                "Observable hoy: la Luna con una iluminación del {illum} en {moonSign}. Trata cualquier relación que notes con tu día como una hipótesis que registrar, no como una conclusión.",
            ],
            [
                "Ingreso: la Luna pasó de {fromSign} a {toSign} a las {moonTime}, hora local.",
                "A las {moonTime} la Luna cruzó la frontera entre {fromSign} y {toSign}; si algo de tu registro cambió entonces, pregúntate con qué frecuencia ocurriría por azar.",
            ],
            new Dictionary<TransitFamily, IReadOnlyList<string>>
            {
                [TransitFamily.Flow] =
                [
                    "Tránsito más fuerte: {aspect}, orbe {orb}. La tradición lo llama favorable; no hay evidencia de tales efectos. Puntúa tu día del 1 al 10 y etiquétalo «fluido».",
                    "Registrado: {aspect}, orbe {orb}. Afirmación: facilidad. Prueba: compara la puntuación de esta noche con días sin ese aspecto.",
                    "Tránsito medido hoy: {aspect} ({orb}). Si el día fue bien, recuerda que la mayoría lo son; anota la tasa base.",
                ],
                [TransitFamily.Tension] =
                [
                    "Tránsito más fuerte: {aspect}, orbe {orb}. La tradición lo llama difícil; ningún dato publicado muestra que estos ángulos causen fricción. Puntúa tu día del 1 al 10 y etiquétalo «duro».",
                    "Registrado: {aspect}, orbe {orb}. Afirmación: presión. Revisa antes los factores de confusión: el sueño, el trabajo y las noticias suelen explicar más.",
                    "Tránsito medido hoy: {aspect} ({orb}). Anota cualquier conflicto tal como ocurrió, no como lo contaría un pronóstico.",
                ],
                [TransitFamily.Fusion] =
                [
                    "Tránsito más fuerte: {aspect}, orbe {orb}. La tradición lo lee como intensidad; ningún hallazgo replicado lo respalda. Puntúa la intensidad de hoy del 1 al 10.",
                    "Registrado: {aspect}, orbe {orb}. Afirmación: énfasis. Un día es una muestra de uno; etiquétalo y revísalo tras diez días parecidos.",
                    "Tránsito medido hoy: {aspect} ({orb}). Anota lo que notaste antes de releer lo que dice la astrología al respecto.",
                ],
            },
            [
                "Hoy no hubo tránsitos dentro de orbe de tus puntos natales: un día de control. Regístralo como cualquier otro.",
                "Cero tránsitos válidos hoy. Los días de referencia hacen posibles las comparaciones; anota tus puntuaciones.",
            ],
            [
                "Ánimo, energía y concentración de hoy, cada uno del 1 al 10: ¿cuáles son los tres números?",
                "¿Cuántas horas dormiste anoche y cómo se compara con tu media?",
                "Nombra un suceso de hoy que pareció encajar con la lectura de esta mañana y otro que no.",
                "¿Observaste hoy la Luna? Anota la hora, su forma y el estado del cielo.",
                "Sobre {theme}, ¿qué ocurrió hoy de verdad, dicho como un hecho y no como una interpretación?",
                "¿Qué contaría como evidencia en contra de la astrología en tu propio registro este mes?",
            ],
            [
                "Sin este correo, ¿habrías adivinado que hoy había un tránsito {ofBody}? ¿Por qué?",
                "¿Qué resultado habrías predicho esta mañana a partir del tránsito {ofBody}, y ocurrió?",
                "¿Podría explicarse el día sin el tránsito {ofBody}? Enumera las causas más sencillas.",
            ],
            [
                "Calculado, no pronosticado: registra el día y compara.",
                "Sucesos comprobables; si importan o no, lo dirán tus datos.",
                "Escribe ahora tu expectativa para mañana y puntúala mañana por la noche.",
            ]),
    };
}
