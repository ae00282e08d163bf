using Astropal.Core.Readers;
using Astropal.Core.Sky;

namespace Astropal.Core.Content.Offline;

internal static class SpanishPhrases
{
    public static LocaleBook Shared { get; } = new(
        new Dictionary<FocusAreaId, string>
        {
            [FocusAreaId.Relationships] = "las personas más cercanas",
            [FocusAreaId.Career] = "tu trabajo y tus metas",
            [FocusAreaId.Wellness] = "tu clima interior",
            [FocusAreaId.Social] = "las conversaciones y los mensajes",
            [FocusAreaId.Spiritual] = "tu sentido de propósito",
            [FocusAreaId.EvidenceBased] = "tus propias observaciones",
        },
        new Dictionary<Body, string>
        {
            [Body.Sun] = "los astrónomos babilonios dividieron el camino anual del Sol en doce signos iguales hacia el año 400 antes de nuestra era",
            [Body.Moon] = "los griegos dieron a la Luna tres rostros, Selene, Artemisa y Hécate, uno por cada fase visible",
            [Body.Mercury] = "Mercurio, el mensajero de sandalias aladas, rodea el Sol cada 88 días, más rápido que ningún otro planeta",
            [Body.Venus] = "los mayas medían su calendario con Venus, cuyo ciclo de 584 días anotaron en el Códice de Dresde",
            [Body.Mars] = "Marte debe su color rojo al óxido de hierro; los romanos le dieron el nombre de su dios de la guerra",
            [Body.Jupiter] = "Júpiter, rey de los dioses romanos, es un gigante gaseoso con más masa que todos los demás planetas juntos",
            [Body.Saturn] = "Saturno, viejo dios de las cosechas y del tiempo, tarda unos 29,5 años en recorrer el zodiaco",
            [Body.Uranus] = "Urano fue el primer planeta descubierto con telescopio, por William Herschel en 1781",
            [Body.Neptune] = "Neptuno se predijo con matemáticas antes de verlo; Galle lo encontró en 1846",
            [Body.Pluto] = "Plutón, llamado así por el señor del inframundo, necesita 248 años para una órbita",
        },
        "más allá de los próximos 30 días",
        "Luna",
        "{phase} en {moonSign}, iluminada al {illum}",
        "La Luna entra en {sign} a las {time}",
        "Entra en {sign} a las {time}",
        "Retrocede a {sign} a las {time}",
        "Se estaciona retrógrado en {lon}, {time}",
        "Se estaciona directo en {lon}, {time}",
        "{phase} exacta a las {time}",
        "Retrógrados",
        "Ningún planeta está retrógrado hoy",
        "Exacto hoy",
        "{first} {aspect} {second} a las {time}",
        "Tu carta, no solo el cielo",
        "Basic añade cada mañana los tránsitos a tu carta natal y una reflexión por la tarde a las 19:00. Cancela cuando quieras.",
        "Ver los planes");

    public static IReadOnlyDictionary<PerspectiveId, VoiceBook> Voices { get; } = new Dictionary<PerspectiveId, VoiceBook>
    {
        [PerspectiveId.Calm] = new(
            ["Respiración cósmica", "La energía de hoy", "Intención amable", "Práctica consciente"],
            [
                "Un ritmo más suave con la Luna en {moonSign}",
                "Respira con la {phase} de hoy",
                "Espacio para descansar: Luna en {moonSign}",
                "Mañanas lentas y Luna en {moonSign}",
                "Enraízate mientras {body} se mueve",
                "Con calma: la Luna flota en {moonSign}",
            ],
            [
                "Deja que el día se despliegue despacio; unos minutos tranquilos con la Luna en {moonSign} bastan.",
                "Una {phase} invita a la quietud. Así puedes acercarte hoy a tu carta con amabilidad.",
                "Nada que apresurar. Observa tu respiración, tus hombros y lo que {body} remueve.",
                "Acomódate: un ritual para enraizarte y una mirada suave a tu cielo de hoy.",
            ],
            [
                "Buenos días, {name}. Respira una vez sin prisa antes de seguir leyendo.",
                "Hola, {name}, te damos la bienvenida a un rincón tranquilo de tu mañana.",
                "{name}, deja caer los hombros; esta es una lectura suave.",
                "Buenos días, {name}. Siente tus pies en el suelo un momento.",
            ],
            [
                "Buenos días. Respira una vez sin prisa antes de seguir leyendo.",
                "Te damos la bienvenida a un rincón tranquilo de tu mañana.",
                "Deja caer los hombros; esta es una lectura suave.",
                "Buenos días. Siente tus pies en el suelo un momento.",
            ],
            [
                "La Luna descansa en {moonSign} como {phase}. Que su luz suave te recuerde que cada emoción pasa, como la marea.",
                "Bajo una {phase} en {moonSign} no hay nada que forzar. Inhala en cuatro tiempos, exhala en seis, y empieza desde ahí.",
                "La Luna en {moonSign} pide ternura contigo. Estés donde estés, suelta la mandíbula y abre las manos.",
                "Imagina la {phase} suspendida en {moonSign}, serena y sin prisa. Tú también puedes ir a ese paso.",
                "Hoy la Luna recorre {moonSign}. Trata tu atención como agua: deja que se asiente antes de verterla.",
                "Una {phase} en {moonSign} recuerda que el descanso forma parte de cada ciclo, no es una pausa de él.",
            ],
            new Dictionary<TransitFamily, IReadOnlyList<string>>
            {
                [TransitFamily.Flow] = ["Una corriente amable de {body}", "{body} abre una puerta suave", "Un apoyo tierno para tu {point}"],
                [TransitFamily.Tension] = ["Un nudo que respirar", "{body} pide paciencia", "Terreno sensible cerca de tu {point}"],
                [TransitFamily.Fusion] = ["{body} se posa junto a tu {point}", "Una intensidad serena con {body}", "Quietud alrededor de tu {point}"],
            },
            new Dictionary<TransitFamily, IReadOnlyList<string>>
            {
                [TransitFamily.Flow] =
                [
                    "Deja que esta corriente te lleve sin aferrarte. Cuando algo resulte fácil, agradécelo y sigue respirando.",
                    "Un hilo de apoyo recorre tu mañana. Sigue lo que se siente ligero y deja lo demás para luego.",
                    "Hoy hay calma disponible. Búscala en lo pequeño: una taza caliente, una palabra amable, un paso más lento.",
                    "Observa dónde se abre el día sin esfuerzo y deja que ese sea tu camino durante un rato.",
                    "Algo está de tu lado esta mañana. Recíbelo en silencio, sin necesidad de ganártelo.",
                    "Una corriente amable te sostiene. Apóyate en ella como en un sillón cálido.",
                ],
                [TransitFamily.Tension] =
                [
                    "Si algo aprieta, haz una pausa y exhala más largo de lo que inhalas. La fricción se puede sostener con suavidad.",
                    "Quizá notes inquietud. Lleva una mano al pecho, cuenta cinco respiraciones y deja que la urgencia se afloje.",
                    "La tensión es información, no un veredicto. Recíbela con paciencia y regálate un minuto más entre tareas.",
                    "Recibe cualquier aspereza con una exhalación lenta y una mirada más blanda. No todo necesita respuesta en esta hora.",
                    "Si la paciencia se agota, aléjate tres respiraciones y vuelve con las manos más sueltas.",
                    "Deja que la dificultad sea un tiempo que pasa; tú eres el cielo por el que se mueve.",
                ],
                [TransitFamily.Fusion] =
                [
                    "La energía se reúne en un solo lugar. Quédate con ella un momento antes de actuar, como ante la llama de una vela.",
                    "Algo pide tu atención. Dale una mirada tranquila y amable en lugar de una respuesta apresurada.",
                    "Este encuentro puede sentirse concentrado. Primero enraízate: pies en el suelo, espalda larga, respiración baja.",
                    "Un solo tema brilla más de lo habitual. Sostenlo como una taza caliente: cerca, sin apretar.",
                    "La atención se concentra en un punto. Déjala reposar ahí y dale silencio en lugar de presión.",
                    "Algo se reúne dentro de ti. Hónralo con quietud antes de ponerle nombre.",
                ],
            },
            [
                "Con {theme}, elige hoy la suavidad. Con {planet} en {planetSign}, una presencia paciente que escucha dice más que las palabras.",
                "Sostén {theme} con ligereza. {planet} en {planetSign} sugiere un ritmo lento; consulta a tu cuerpo antes de responder.",
                "Lleva un poco de calma a {theme}. Una sola pausa consciente de tres respiraciones puede cambiar el tono de una hora.",
                "Deja respirar {theme}. {planet} en {planetSign} te invita a cuidarte primero y después a lo que te reclama.",
                "Ofrece hoy a {theme} un momento de atención tranquila, con la suavidad de quien riega una planta.",
                "Con {theme}, lo lento es amable. {planet} en {planetSign} te invita a escuchar antes de hablar.",
            ],
            "Práctica consciente",
            [
                "Respiración en caja: inhala en cuatro, sostén cuatro, exhala en cuatro, sostén cuatro. Repite dos minutos cuando el día se acelere.",
                "Antes de comer, asómate a una ventana y nombra cinco cosas que veas. Deja descansar la vista en la más lejana.",
                "Esta noche escribe una frase sobre un momento que se sintió en paz. Guarda el cuaderno junto a la cama.",
                "Prueba un escaneo corporal: lleva la atención de los pies a la coronilla, suavizando cada zona al pasar.",
                "Bebe un vaso de agua despacio, sintiendo su temperatura, como un pequeño ritual de llegar al presente.",
                "Con la mano en el corazón, repite en voz baja: puedo vivir este día respiración a respiración.",
            ],
            [
                "La Luna está en {moonSign}. Respira despacio y deja que el día venga a ti.",
                "Una {phase} en {moonSign}: una invitación amable a descansar y volver a empezar.",
                "Luz suave, respiración lenta: la Luna en {moonSign} me mantiene en calma hoy.",
                "Hoy me muevo al ritmo de una {phase}, en calma y sin prisa.",
            ],
            [
                "Hoy ningún tránsito fuerte toca tu carta, y eso es un regalo: un cielo tranquilo para cuidarte.",
                "Tu carta descansa hoy. Deja que esa amplitud sea suficiente.",
            ]),

        [PerspectiveId.Knowledge] = new(
            ["Mecánica cósmica", "Mitología", "Perspectiva histórica", "Laboratorio personal"],
            [
                "Por qué la Luna se ve al {illum} hoy",
                "La mecánica de una {phase} en {moonSign}",
                "{body} explicado: mito y órbita",
                "Lección del día: la Luna en {moonSign}",
                "Cómo funciona el cielo en el día de {body}",
                "De Babilonia a hoy: Luna en {moonSign}",
            ],
            [
                "Lo que muestra esta mañana la geometría del Sol, la Tierra y la Luna, y las historias que se contaron sobre ella.",
                "Una breve lección de mecánica celeste, más la mitología de {body} y tu propia carta.",
                "Los astrónomos antiguos miraban este mismo cielo. Esto es lo que vieron y lo que simbolizan tus tránsitos.",
                "Órbitas, mitos y un poco de historia: el cielo de hoy descifrado, con tus tránsitos personales.",
            ],
            [
                "Hola, {name}, aquí está la lección de hoy del cielo.",
                "Saludos, {name}. ¿Curiosidad por el cielo? Mirémoslo de cerca.",
                "{name}, acerca una silla para una breve clase de astronomía.",
                "Hola de nuevo, {name}. El cielo de hoy tiene una historia que vale la pena.",
            ],
            [
                "Hola, aquí está la lección de hoy del cielo.",
                "Saludos. ¿Curiosidad por el cielo? Mirémoslo de cerca.",
                "Acerca una silla para una breve clase de astronomía.",
                "De nuevo aquí. El cielo de hoy tiene una historia que vale la pena.",
            ],
            [
                "La Luna aparece iluminada al {illum} porque vemos en ángulo parte de su mitad soleada; está en {moonSign}, es decir, vista desde la Tierra se proyecta sobre ese tramo de la eclíptica.",
                "Una {phase} es pura geometría: el ángulo entre el Sol y la Luna visto desde la Tierra decide cuánta cara iluminada vemos. Hoy ese ángulo sitúa la Luna en {moonSign}.",
                "La astrología usa los signos como lenguaje simbólico, no como constelaciones: el zodiaco tropical empieza donde el Sol cruza el ecuador celeste en marzo, así que {moonSign} es una porción de 30 grados.",
                "La Luna recorre unos 13 grados al día, por eso cambia de signo cada dos días y medio; hoy está en {moonSign} y muestra una {phase}.",
                "Los antiguos observadores seguían la {phase} para llevar el calendario; los meses hebreo e islámico aún empiezan con el creciente. Hoy la Luna está en {moonSign}.",
                "Las mareas que provoca la Luna alargan nuestro día unos 2 milisegundos por siglo. Hoy está en {moonSign} como {phase}.",
            ],
            new Dictionary<TransitFamily, IReadOnlyList<string>>
            {
                [TransitFamily.Flow] = ["La geometría armónica de {body}", "{body} y el simbolismo de la facilidad", "Un ángulo clásico «benéfico» a tu {point}"],
                [TransitFamily.Tension] = ["El ángulo duro de {body}", "{body} y la tradición del desafío", "Por qué importa un ángulo de 90 o 180 grados a tu {point}"],
                [TransitFamily.Fusion] = ["{body} se une a tu {point}: una conjunción", "La unión en los textos antiguos: {body}", "Dos puntos en un mismo lugar"],
            },
            new Dictionary<TransitFamily, IReadOnlyList<string>>
            {
                [TransitFamily.Flow] =
                [
                    "Ptolomeo llamó armónicos a los ángulos de 60 y 120 grados porque dividen el círculo en sextos y tercios. Simbólicamente, {body} aporta apoyo. Contexto: {myth}.",
                    "En la astrología helenística, trígonos y sextiles unían signos de elementos afines. Léelo como metáfora de cooperación. ¿Sabías que {myth}?",
                    "Astrólogos del Renacimiento como Kepler estudiaron estos ángulos como armonías musicales de las esferas. Dato: {myth}.",
                    "Los aspectos son ángulos medidos a lo largo de la eclíptica; el sextil de 60 grados coincide con el lado de un hexágono inscrito, figura apreciada por los pitagóricos.",
                    "La palabra «trígono» viene del griego y significa tres ángulos: tres de ellos cierran el círculo zodiacal, como los tres signos de fuego.",
                    "Al-Biruni, en el siglo XI, describió estos ángulos como amistosos en su Libro de instrucción en los elementos del arte de la astrología.",
                ],
                [TransitFamily.Tension] =
                [
                    "Los autores clásicos veían cuadraturas y oposiciones como pruebas: los signos chocan en elemento o modalidad. Simbólicamente, {body} pide esfuerzo. Contexto: {myth}.",
                    "La cuadratura divide el círculo en cuartos, la misma geometría de los cuartos lunares. La tradición la lee como fricción que crea destreza. Dato: {myth}.",
                    "Los textos medievales llamaban «maléficos» a estos ángulos; hoy se leen como impulsos para crecer. Dato: {myth}.",
                    "Una oposición sitúa los dos puntos en lados opuestos del cielo terrestre; para los planetas exteriores marca además su mayor brillo y su salida al atardecer.",
                    "Los 90 grados de la cuadratura evocan las cuatro estaciones y los cuatro elementos clásicos; por eso la tradición la asocia a puntos de giro.",
                    "La Christian Astrology de William Lilly, de 1647, llamaba a estos ángulos aspectos de enemistad, un vocabulario que hoy se reinterpreta como crecimiento.",
                ],
                [TransitFamily.Fusion] =
                [
                    "Una conjunción significa que dos puntos comparten longitud eclíptica vistos desde la Tierra, y su simbolismo se mezcla. Dato: {myth}.",
                    "Desde Ptolomeo, las conjunciones se leen como comienzos, igual que la Luna nueva abre el mes lunar. Dato: {myth}.",
                    "Cuando {body} se superpone a un punto natal, los textos antiguos hablan de una semilla plantada. Dato: {myth}.",
                    "Los astrónomos también hablan de conjunción: dos cuerpos comparten ascensión recta o longitud eclíptica, e incluso pueden pasar uno delante del otro.",
                    "Las grandes conjunciones de Júpiter y Saturno, cada 20 años, servían para dividir la historia en épocas; la última fue en diciembre de 2020.",
                    "En latín conjunctio significa simplemente unión; los alquimistas tomaron la palabra para la unión de opuestos.",
                ],
            },
            [
                "En el lenguaje simbólico, {planet}, ahora en {planetSign}, habla de {theme}. Estudia cómo encajan las viejas asociaciones de ese signo con tu semana.",
                "Los historiadores señalan que {planet} se asocia con {theme} desde los textos de presagios babilonios. Con él en {planetSign}, experimenta y mira qué te enseña el símbolo.",
                "Para {theme}, piensa en la mitología de {planet}, hoy en {planetSign}: ¿qué parte de esa historia refleja tu situación?",
                "Trata {theme} como un estudio de campo. {planet} en {planetSign} te da un símbolo; tus notas le dan sentido.",
                "Curiosidad para {theme}: {planet}, hoy en {planetSign}, acumula siglos de comentarios. Lee una fuente antigua y compárala con tu vida.",
                "Para {theme}, observa cómo el idioma guarda astronomía: palabras como desastre e influencia nacieron como afirmaciones sobre las estrellas.",
            ],
            "Laboratorio personal",
            [
                "Sal al anochecer y busca la Luna. Dibuja su forma, anota la hora y compárala con el dibujo de mañana.",
                "Busca el mito de un planeta mencionado hoy y escribe tres frases sobre lo que enseña.",
                "Usa una aplicación de planetario gratuita para localizar Venus o Júpiter esta noche; anota su distancia a la Luna.",
                "Lee el origen del nombre de un signo y pregúntate cómo aparece su símbolo en tu día.",
                "Apunta durante una semana las horas de salida y puesta del Sol y observa cómo cambia la duración del día.",
                "Compara el tránsito de hoy con una entrada de tu diario de hace un mes; el símbolo es una pregunta, no una respuesta.",
            ],
            [
                "La Luna está iluminada al {illum}: vemos en ángulo parte de su mitad soleada.",
                "Los signos son porciones de 30 grados de la eclíptica; hoy la Luna está en {moonSign}.",
                "Los calendarios antiguos seguían la {phase}; hoy está en {moonSign}.",
                "El mito se cruza con la órbita: {body} da forma al cielo simbólico de hoy.",
            ],
            [
                "Hoy ningún tránsito importante toca tu carta: buen momento para estudiar el cielo en general.",
                "Día tranquilo para tu carta: ocasión ideal para aprender cómo se mueven los planetas.",
            ]),

        [PerspectiveId.Success] = new(
            ["Resumen ejecutivo", "Ventana de oportunidad", "Movimientos estratégicos", "Control de riesgos"],
            [
                "Tu jugada: actúa con la Luna en {moonSign}",
                "Prioridades para un día de Luna en {moonSign}",
                "{body} marca la agenda de hoy",
                "Ejecuta pronto: impulso de {phase}",
                "La jugada de hoy: enfoque, entrega, revisión",
                "Ventaja de timing: {body} y tus metas",
            ],
            [
                "Tres movimientos, una ventana y un riesgo que gestionar. Tu informe estratégico de hoy.",
                "Dónde empujar y dónde esperar: el timing del día para tus metas, con {body} en juego.",
                "Reserva el tiempo, elige el objetivo, ejecuta. Este es tu plan con la Luna en {moonSign}.",
                "Tu ventaja hoy: prioridades claras y la ventana adecuada. Manos a la obra.",
            ],
            [
                "Buenos días, {name}. Aquí tienes tu informe.",
                "{name}, en marcha.",
                "¿Todo listo, {name}? El plan de hoy, abajo.",
                "Hola, {name}. Café en mano; esta es la estrategia.",
            ],
            [
                "Buenos días. Aquí tienes tu informe.",
                "En marcha.",
                "El plan de hoy, abajo.",
                "Café en mano; esta es la estrategia.",
            ],
            [
                "Conclusión: la Luna en {moonSign} favorece los arranques decididos. Elige tu tarea más importante y termínala antes del mediodía.",
                "Visión ejecutiva: {phase} en {moonSign}. Dedica las dos primeras horas al trabajo que hace avanzar tu meta principal.",
                "Punto clave: con la Luna en {moonSign}, el impulso gana a la perfección. Fija un plazo para una entrega y cúmplelo.",
                "Resumen: una {phase} es buen momento para revisar objetivos. Elimina hoy un compromiso de poco valor y redirige ese tiempo.",
                "Titular: la Luna en {moonSign} premia la preparación. Redacta el plan y comprométete con el primer paso concreto.",
                "Lo esencial: la Luna en {moonSign} te pide priorizar. Tres tareas como máximo; lo demás espera.",
            ],
            new Dictionary<TransitFamily, IReadOnlyList<string>>
            {
                [TransitFamily.Flow] = ["Luz verde de {body}", "{body} abre una ventana", "Aprovecha tu {point}"],
                [TransitFamily.Tension] = ["Punto de presión: {body}", "Avanza con {body}", "Gestiona la fricción en tu {point}"],
                [TransitFamily.Fusion] = ["Jugada fuerte: {body} sobre tu {point}", "{body} concentra tu empuje", "Energía de lanzamiento en tu {point}"],
            },
            new Dictionary<TransitFamily, IReadOnlyList<string>>
            {
                [TransitFamily.Flow] =
                [
                    "Usa el viento a favor: presenta la idea, envía la propuesta, pide la reunión. El impulso favorece a quien se mueve primero.",
                    "Las condiciones favorecen la colaboración. Identifica un aliado y hazle una petición concreta antes de que se cierre la ventana.",
                    "Poca resistencia hoy. Agrupa tus contactos y retoma todo lo que esté parado.",
                    "Aprovecha la buena disposición: cierra un asunto pendiente con un socio o cliente y deja el acuerdo por escrito.",
                    "La oportunidad favorece a quien se prepara. Lleva un plan de una página a tu próxima conversación y pide una decisión.",
                    "Exprime la ventaja: sube un diez por ciento el objetivo de la tarea que ya va bien.",
                ],
                [TransitFamily.Tension] =
                [
                    "Cuenta con fricción. Ataca primero la tarea más difícil mientras tienes energía y protege tu tarde.",
                    "La resistencia fortalece. Divide el bloqueo en tres acciones pequeñas y resuelve una por hora.",
                    "Todo parece más en juego. Revisa tus compromisos antes de cerrar nada y responde breve y claro.",
                    "Pon el plan a prueba: anota las tres cosas con más riesgo de fallar y prepara una alternativa para la primera.",
                    "Negocia desde la claridad. Conoce tu límite antes de la reunión y mantén un tono sereno y conciso.",
                    "Protege tu capacidad: cancela o delega un compromiso para que el trabajo crítico reciba tus mejores horas.",
                ],
                [TransitFamily.Fusion] =
                [
                    "Empuje concentrado: empieza el proyecto que sigues aplazando. Sprint de 90 minutos y puerta cerrada.",
                    "La energía se acumula en un área. Elige un único objetivo y dale tus mejores horas.",
                    "Señal de día de lanzamiento. Define el resultado, fija la métrica y da hoy el primer paso.",
                    "Consolida: reúne esfuerzos dispersos en una sola entrega y ponle una fecha visible.",
                    "Apuesta por una sola palanca. Identifica la acción con más potencial y hazla antes que nada.",
                    "Toma la decisión que llevas rodeando. Escríbela, cuéntasela a una persona y empieza a ejecutar.",
                ],
            },
            [
                "Para {theme}: fija hoy una meta medible. {planet} en {planetSign} favorece una petición clara sobre una esperanza vaga.",
                "Acción en {theme}: agéndalo, no lo esperes. Con {planet} en {planetSign}, el timing gana al talento.",
                "Estrategia para {theme}: decide qué es éxito antes de esta noche y da el primer paso concreto antes de comer.",
                "Control de riesgos en {theme}: {planet} en {planetSign} sugiere revisar compromisos antes de sumar nuevos.",
                "En {theme}, sigue un número esta semana y rinde cuentas contigo el viernes.",
                "Gana en {theme} simplificando: un objetivo, un responsable, una fecha. {planet} en {planetSign} premia el enfoque.",
            ],
            "Movimiento estratégico",
            [
                "Escribe en una tarjeta tus tres resultados clave del día. Táchalos; ignora todo lo demás hasta terminarlos.",
                "Haz un sprint de 25 minutos en la tarea de mayor retorno. Sin correo, sin móvil.",
                "Envía el seguimiento que llevas aplazando. Dos frases, una petición clara, un plazo.",
                "Cierra el día con una revisión de cinco minutos: qué avanzó, qué se atascó, cuál es el primer paso de mañana.",
                "Di que no a una petición que no sirva a tu meta principal de esta semana.",
                "Bloquea ahora tu agenda de mañana por la mañana, mientras las prioridades están claras.",
            ],
            [
                "Luna en {moonSign}: elige una meta y entrégala antes del mediodía.",
                "Energía de {phase}: decide, comprométete, ejecuta. Hoy toca actuar.",
                "Mi ventaja hoy: prioridades claras y {body} de mi lado.",
                "Impulso antes que perfección. La Luna en {moonSign} dice: empieza ya.",
            ],
            [
                "Hoy no hay tránsitos importantes a tu carta: pizarra limpia. Úsala para ejecutar el plan sin distracciones.",
                "Carta tranquila, pista despejada. Céntrate en el trabajo que solo tú puedes hacer.",
            ]),

        [PerspectiveId.Evidence] = new(
            ["Cielo observable", "Lo que dicen los datos", "Incertidumbre", "Registro de datos personal"],
            [
                "Luna iluminada al {illum}, en {moonSign}",
                "Observable hoy: {phase}, {retroCount} retrógrados",
                "Las cifras: Luna en {moonSign}, al {illum}",
                "Registro: tránsito de {body}, orbe {orb}",
                "Cielo medido: {phase} al {illum}",
                "Primero los datos: {retroCount} retrógrados",
            ],
            [
                "Posiciones, fases y orbes calculados para tu lugar, y lo que la evidencia apoya y lo que no.",
                "El cielo medible de hoy, tu tránsito más fuerte ({body}, orbe {orb}) y una nota honesta sobre la incertidumbre.",
                "Primero los números: iluminación lunar, retrógrados y tus tránsitos, con los límites de la astrología dichos claramente.",
                "Observaciones que puedes comprobar esta noche y un registro para contrastar la astrología con tus propios datos.",
            ],
            [
                "Hola, {name}. Los datos de hoy, calculados para tu carta.",
                "{name}, estas son las mediciones de hoy.",
                "Buenos días, {name}. Primero los números, después la interpretación.",
                "Hola, {name}. Lo que sigue está calculado, no adivinado.",
            ],
            [
                "Hola. Los datos de hoy, calculados para tu carta.",
                "Estas son las mediciones de hoy.",
                "Buenos días. Primero los números, después la interpretación.",
                "Lo que sigue está calculado, no adivinado.",
            ],
            [
                "Observable: la Luna está iluminada al {illum} y se encuentra en {moonSign} tropical. Puedes comprobar la fase esta noche; ningún estudio controlado la ha vinculado al ánimo o la conducta.",
                "Medido: {retroCount} planetas muestran movimiento retrógrado aparente hoy, un efecto de la propia órbita terrestre. La astrología le da significado; la evidencia física no respalda ninguno.",
                "Dato: {phase} con iluminación del {illum}. Los grandes estudios, incluido uno de sueño de 2013 con 33 voluntarios, hallaron como mucho efectos lunares pequeños y no replicados.",
                "Hecho: la Luna está en {moonSign} con iluminación del {illum}. Pruebas de doble ciego, como la de Carlson en Nature (1985), mostraron que los astrólogos no emparejaban cartas y personalidades mejor que el azar.",
                "Verificado: {retroCount} planetas retrógrados y una {phase}. Estas posiciones son precisas al segundo de arco; su significado es tradición, no medición.",
                "Registro: Luna al {illum} en {moonSign}. Conviene tratar la astrología como un estímulo para reflexionar; las estadísticas no muestran que prediga sucesos.",
            ],
            new Dictionary<TransitFamily, IReadOnlyList<string>>
            {
                [TransitFamily.Flow] = ["{body} a {point} natal, orbe {orb}", "Medido: {body} y {point}, {orb}", "Ángulo armónico, orbe {orb}"],
                [TransitFamily.Tension] = ["{body} a {point} natal, orbe {orb}", "Medido: {body} y {point}, {orb}", "Ángulo duro, orbe {orb}"],
                [TransitFamily.Fusion] = ["{body} sobre {point} natal, orbe {orb}", "Superposición medida: {orb}", "Misma longitud dentro de {orb}"],
            },
            new Dictionary<TransitFamily, IReadOnlyList<string>>
            {
                [TransitFamily.Flow] =
                [
                    "La tradición lo llama favorable. Evidencia: ninguna establecida. Anota si el día resulta más fácil y compáralo con días sin él.",
                    "Interpretación: facilidad y cooperación. Confianza: baja; trátalo como hipótesis y registra el resultado.",
                    "Lectura simbólica: apoyo. Afirmación comprobable: puntúa tu día del 1 al 10 esta noche y mira en un mes si los tránsitos armónicos puntúan más.",
                    "Afirmación puesta a prueba: los ángulos favorables traen facilidad. Estado: sin ensayos controlados. Tu registro es una muestra de una persona, pero honesta.",
                    "La probabilidad previa importa: la mayoría de los días van bien sea cual sea el cielo. Anota la tasa base antes de atribuírselo al tránsito.",
                    "Consejo de medición: decide ahora la escala de esta noche, para que la experiencia de hoy no la redefina.",
                ],
                [TransitFamily.Tension] =
                [
                    "La tradición lo llama difícil. Evidencia: ninguna establecida. Registra la fricción que notes y compárala con días más tranquilos.",
                    "Interpretación: presión o conflicto. Confianza: baja; la astrología no puede mostrar causa y efecto aquí.",
                    "Lectura simbólica: tensión. Controla los factores de confusión: el sueño, la carga de trabajo y el tiempo suelen explicar más que los tránsitos.",
                    "Afirmación puesta a prueba: los ángulos duros traen conflicto. Estado: sin apoyo en datos publicados. Cuenta los conflictos esta semana y compáralos con la siguiente.",
                    "Regresión a la media: a un día tenso suele seguirle otro más tranquilo, hagan lo que hagan los planetas. Tenlo presente al revisar.",
                    "La memoria selectiva amplifica la fricción que encaja con un pronóstico. Anota los hechos cuando ocurren, no después.",
                ],
                [TransitFamily.Fusion] =
                [
                    "La tradición lee las superposiciones como intensificación. Evidencia: ninguna establecida. Registra la intensidad que sientas del 1 al 10.",
                    "Interpretación: énfasis. Confianza: baja; el efecto, si existe, no se ha medido de forma fiable.",
                    "Lectura simbólica: un nuevo comienzo. Compruébalo: escribe ahora una expectativa y revísala en 24 horas.",
                    "Afirmación puesta a prueba: las conjunciones intensifican los temas. Estado: ningún hallazgo replicado. Puntúa la intensidad ahora y otra vez esta noche.",
                    "Tamaño de muestra: un tránsito en un día no puede mostrar un efecto. Etiqueta este día y revísalo tras diez parecidos.",
                    "Ciégate: puntúa tu día antes de mirar qué tránsitos estaban activos y después compara.",
                ],
            },
            [
                "{theme}: {planet} está hoy en {planetSign}. Sigue una métrica de esta área (horas, mensajes, ánimo) y compárala a lo largo del mes.",
                "Sobre {theme}, los datos son escasos: ningún estudio respalda una influencia planetaria. Usa {planet} en {planetSign} como estímulo para observar, no como pronóstico.",
                "Para {theme}, escribe esta mañana una expectativa refutable y puntúala esta noche. En 30 días tendrás tu propia muestra.",
                "{theme}: la astrología ofrece un marco, no evidencia. Anota lo que ocurre de verdad y busca patrones más allá del azar.",
                "Para {theme}, define la medida antes de observar: ¿qué contaría como un día bueno o malo?",
                "{theme}: registra resultados durante 30 días y comprueba si los días con {planet} en {planetSign} difieren del resto.",
            ],
            "Registro de datos personal",
            [
                "Registra tres números esta noche: horas de sueño, ánimo del 1 al 10 y energía del 1 al 10. Tras 30 días, compáralos con la fase lunar.",
                "Escribe una predicción para hoy antes de las 9:00 y puntúala a las 21:00. Lleva la cuenta de aciertos y fallos.",
                "Anota un suceso que pareció encajar con la lectura de hoy y otro que no. El sesgo de confirmación cuenta el primero y olvida el segundo.",
                "Mira la Luna esta noche y apunta su forma, la hora y el estado del cielo. Compárala con la iluminación calculada.",
                "Puntúa tu concentración cada tres horas. El mes que viene, compara días con y sin tránsitos duros.",
                "Registra tu ánimo antes de leer el correo de mañana, para que la lectura no influya en la puntuación.",
            ],
            [
                "Luna iluminada al {illum} en {moonSign}. Observable; su efecto en el ánimo no está demostrado.",
                "Hoy: {phase}, {retroCount} retrógrados. Medido con precisión, interpretado con cautela.",
                "La astrología como hipótesis: registro los datos y compruebo las afirmaciones.",
                "{retroCount} planetas retrógrados hoy: un efecto óptico de las órbitas, no una causa.",
            ],
            [
                "Hoy no hay tránsitos dentro de orbe de tus puntos natales. Registra un día de referencia para comparar.",
                "Cero tránsitos válidos hoy: un día de control útil para tu registro.",
            ]),
    };
}
