"""The stage a rejection came at: application, assessment, interview, or unknown.

``application`` is a no on the application before any interview or test is mentioned (a
plain "we reviewed your application and will not move forward" reads as one); ``assessment``
after a test, exercise or assignment; ``interview`` after any call or interview; ``unknown``
only when nothing in the email places it.
"""

import re

from worker.prefilter import Alternatives
from worker.text import before_sign_off

STAGE_RULES: tuple[tuple[str, re.Pattern], ...] = tuple(
    (stage, re.compile(p))
    for stage, p in (
        # Assessment formats that look like interviews or include them (recorded one-way video
        # interviews, assessment days) and questionnaires that gate the interview come before
        # the interview clues.
        ("assessment", r"\b(?:(?:recorded|pre-recorded|on-demand|one-way|asynchronous|async) (?:\w+ )?(?:video|interview|responses|answers)|video (?:assessment|interview recording)|hirevue"
         r"|assessment (?:cent(?:er|re)|day)|assessment-?dag|assessmentcentrum|selectiedag|assessment-?tag|jornada de evaluacion|centre d'evaluation|journee d'evaluation"
         r"|zeitversetzte[ns]? (?:video)?interview|aufgezeichnete[n]? (?:antworten|video)|video-?interview (?:opgenomen|opnemen)|opnemen van (?:je|uw) video|opnames\b"
         r"|entretien video differe|video differee?|(?:videoentrevista|entrevista en video|entrevista de video|entrevista) grabada|respuestas grabadas|reponses enregistrees"
         r"|(?:personality|work-?style|behaviou?ral|psychometric|aptitude|situational judge?ment) (?:\w+ )?(?:questionnaire|test|assessment|survey|profile)|personlichkeits\w*|persoonlijkheids\w*"
         r"|(?:questionnaire|test) de personnalite|(?:evaluacion|test|cuestionario|prueba)s? (?:\w+ )?de (?:personalidad|estilo))"),
        # Any conversation that took place: interviews, calls, meetings, visits, trial days,
        # presentations, juries (not negated, and not one the candidate was not invited to).
        ("interview", r"\b(?:thank(?:s| you) (?:so much |again |very much )?for (?:taking the time to |your time (?:to |and )?|the time you (?:spent|took) |making (?:the )?time (?:to |for )?)?(?:interview|speak|meet|talk|chat|join|com(?:e|ing) (?:in|out|back|along|to|by|over|down)|visit|attend|jump|hop|sitting|the (?:\w+ )?(?:call|chat|conversation|interview|meeting|visit|discussion|coffee))"
         r"|(?:after|following|since|from|during|in) (?:your|our|the|all|both|each|these|those) (?:(?:recent|final|second|first|third|initial|phone|video|onsite|on-site|technical|panel|virtual|last|various|several|two|three|four|screening|intro|introductory|recruiter|hr|zoom|teams|informal|in-person|face-to-face|group|competency|culture|follow-up|short|quick) )*(?:interview|conversation|call|meeting|chat|discussion|conversations|interviews|screen|round|rounds|panel|visit|onsite|calls|meetings)\b(?! cent(?:re|er))"
         # Time given at a moment named (yesterday, last week, on Tuesday, on Zoom): a meeting.
         r"|\b(?:your|the|our|ihre|deine|eure|votre|ton|tu|su|je|jouw|uw) (?:time|zeit|temps|tiempo|tijd) (?:(?:with us|together|mit uns|avec nous|con nosotros|met ons) )?(?:yesterday|today|this (?:morning|afternoon|week)|earlier|last (?:week|\w+day)|the other day|on (?:\w+day|zoom|teams|google meet|the phone|site|the call)|gestern|heute|letzte woche|vergangene woche|am (?:\w+tag|mittwoch)|hier|ce matin|la semaine derniere|(?:lundi|mardi|mercredi|jeudi|vendredi|samedi)(?: dernier)?|ayer|hoy|esta manana|la semana pasada|el (?:lunes|martes|miercoles|jueves|viernes|sabado)|gisteren|vandaag|vanochtend|vorige week|afgelopen (?:week|\w+dag)|op \w+dag)\b"
         r"|\b(?:having|hosting|welcoming|seeing) you (?:in (?:on|for|the office|person|yesterday|last)|here|over|on site|onsite|at (?:the|our) (?:office|studio|shop|store|restaurant|site|hotel|kitchen)|yesterday|last)\b|\b(?:great|good|lovely|nice|pleasure) (?:to see|seeing|connecting|catching up) (?:with )?you\b"
         r"|\b(?:the|our|your) (?:\w+ )?(?:call|chat|conversation) (?:yesterday|today|earlier|last|this (?:morning|afternoon|week)|on (?:\w+day|zoom|teams))\b|\byou (?:met (?:with|us|me|the team)|spoke (?:with|to)|talked (?:with|to)|interviewed with)\b"
         r"|\b(?:after|since|following|when) (?:meeting|speaking|talking|chatting) (?:with |to )?you\b|\b(?:after|since|following|when) we (?:last )?(?:met|spoke|talked|chatted)\b|\bas (?:we )?discussed (?:on|during|in|yesterday|earlier|last|when)\b|\bsuper ?day\b"
         r"|\b(?:your|the) interviewers?\b|\bopportunity to (?:interview|meet you|speak with you|talk with you|get to know you)\b|\b(?:your|our) (?:[\w-]+ )?(?:call|chat)\b(?! (?:for|to action|cent(?:re|er)s?|line|handling|agents?)\b)|\bthe (?:screening|intro|introductory|recruiter|phone|video|zoom|teams) call\b"
         r"|\byour time (?:for|in|during|at) (?:the|our|your) (?:\w+ )?(?:interview|call|conversation|meeting)|\b(?:dedicated|devoted|gave|given|spent) (?:to|on|in) (?:our|the|your) (?:\w+ )?interview|\bapply(?:ing)? and (?:speak|talk|meet|chat|interview)\b|\bopportunity to (?:discuss|meet|speak|talk|chat) (?:\w+ ){0,4}?with (?:our|the|us|me)\b|\battending (?:our|the) (?:\w+ )?(?:selection|assessment|recruitment) (?:process|day|event)"
         r"|(?:met|spoke|speaking|meeting|talking|talked|chatting) (?:with|to) (?:you|our|the|me|us|several|a few|members)|(?:time|taking the time) to (?:interview|speak|meet|talk|chat)|final (?:round|interview|stage|panel|conversation|discussion)"
         r"|(?:enjoyed|pleasure|nice|great|lovely|good) (?:meeting|speaking|talking|getting to know|to meet|to speak|chatting|to chat|to talk)|interview(?:ed|ing)? (?:with|process with|for) (?:us|the team|our|me|the)|\binterviewed\b|\bafter interview"
         r"|(?:enjoyed|appreciated|valued) (?:our|the|your) (?:\w+ )?(?:conversation|conversations|chat|call|meeting|discussion|interview|visit)|(?:good|great|lovely|nice) (?:discussion|conversation)s?\b"
         r"|(?:wrapped up|concluded|completed|finished|finali[sz]ed) (?:\w+ ){0,2}?(?:interviews|interview process|interview stage|final round)|\binterviews? (?:held|conducted|that took place)\b"
         r"|(?:attend|attended|attending|attendance at) (?:the|your|our|a) (?:\w+[ -]){0,3}?(?:interview|round|rounds|discussion|meeting|panel)|(?:second|final|third|panel|onsite|on-site|walk-in|face-to-face|in-person|personal) interview|(?:time|session) (?:on the phone|with us)|on the phone"
         r"|(?:the|your|our|two|three|four|several) (?:\w+ )?(?:calls|video call|phone call|phone screen|conversations|interviews|pairing session|interview rounds|presentation|presentations)\b|conversations with"
         r"|\b(?:the|our|your) (?:application and )?interview process\b|\b(?:every|each|all|various|several|later) (?:stage|stages|round|rounds|step|steps) of (?:the|our|this) (?:\w+ )?process\b"
         r"|\b(?:who|we|i|they|everyone|all) (?:\w+ )?met you\b|\bmeeting you\b"
         r"|trial (?:day|shift|session)|work trial|\bshadow(?:ing|ed)?\b|\b(?:spent|spending|spend) (?:\w+ ){1,4}?(?:in|at|on) (?:the|our) (?:kitchen|shop|store|restaurant|bar|floor|warehouse|site|ward|salon|cafe|boutique)\b|\bjournee (?:\w+ )?(?:en|a la|au|dans (?:la|le|notre)) (?:boutique|magasin|restaurant|cuisine|agence|atelier)\b|(?:final|last) (?:two|three|few) candidates|between you and (?:one|two|the other)"
         r"|\b(?:das|dem|unserem|unseren|den|ihrem|deinem|eurem|dem personlichen|die|vier|drei|zwei|mehrere|letzte|letzten) (?:\w+ ){0,2}?(?:\w*gesprach\w*|\w*interview|\w*interviews|telefonat|kennenlernen|videocall|telefoninterview|prasentation|vortrag)\b"
         r"|\b(?:ihren|deinen|euren) (?:\w+ )?besuch\b(?! (?:auf|unserer))|\bgefreut,? (?:sie|dich|euch) (?:\w+ )?kennen(?:zu)?lernen|\bvorbeigekommen\b"
         r"|\b(?:nach|im|beim|zum|fur das|fur die|unser|unsere|ihr|dein|euer) (?:\w+ )?(?:\w*gesprach\w*|\w*interview|vorstellungsgesprach|kennenlernen|telefonat|prasentation)\b|\bsich (?:\w+ ){0,5}?(?:bei uns|personlich|vor ort|im \w+|in unserem \w+) (?:\w+ ){0,2}?vorgestellt\b|\b(?:sie|dich|euch) (?:\w+ ){0,2}?kennenlernen (?:durften|konnten|zu durfen)\b|\b(?:abschlussgesprach|gesprachsrunde|gesprachsrunden|zweitgesprach|probevortrag|hospitation\w*|probetag|probearbeit\w*|schnuppertag)|kennengelernt\b|\bzwischen (?:ihnen|dir|euch) beiden"
         r"|\b(?:notre|nos|votre|l'|cet|ces|les|vos|ta|tes) ?(?:\w+ )?(?:entretien|entretiens|echange|echanges|rencontre|appel|conversation|presentation|presentations|audition|auditions|visio)\b|\bsuite a (?:notre|votre|nos|l') ?(?:\w+ )?(?:entretien|echange|rencontre)"
         r"|\b(?:rencontre|discussion) avec\b|\bauditionnee?s?\b|\bjury\b|\bjournee d'(?:essai|immersion)|\b(?:notre|votre|ton|le) rendez-vous\b|\b(?:votre|ta) (?:venue|visite)\b(?! sur)"
         r"|\bc'etait (?:\w+ ){0,2}?(?:plaisir|super|genial|chouette|agreable) (?:de |d')(?:vous |te |t')?(?:rencontrer|echanger|discuter|parler|voir|accueillir)|\b(?:vous|t') ?avoir (?:\w+ )?rencontree?s?\b|\bvenue?s? (?:nous )?(?:rencontrer|voir)\b|\bd'avoir (?:pu )?(?:echange|discute|parle)\b|\bpris le temps (?:de |d')(?:nous |me )?(?:rencontrer|echanger|discuter|venir|parler)"
         r"|\b(?:l'|une |cette |votre |notre |ton |ta )entrevues?\b|\b(?:nos|vos|les|ces) (?:\w+ )?(?:rencontres|appels|visios)\b|\b(?:votre|ton) passage\b|\b(?:vous|t') ?avoir recue?s?\b"
         r"|\b(?:temps|disponibilite) que (?:vous|tu) nous (?:avez|as) (?:\w+ )?(?:accorde|consacre|donne)e?\b"
         r"|\b(?:la|nuestra|tu|su|las|nuestras) (?:\w+ )?(?:entrevista|entrevistas|conversacion|reunion|llamada|videollamada|presentacion)\b|\b(?:tras|despues de) (?:la|las|nuestra|nuestras|tu|su) (?:\w+ )?(?:entrevista|conversacion|reunion|llamada|presentacion)"
         r"|\b(?:dia|jornada) de prueba\b|\b(?:gusto|encanto|alegro|alegra) (?:de )?conocer(?:te|le|os)?\b"
         r"|\b(?:placer|gusto|encanto) (?:de )?(?:conversar|hablar|charlar|platicar|conocer(?:te|le|la|les|os))\b|\bhaber(?:te|le|la|les|los|las) (?:podido )?(?:conocido|entrevistado)\b|\b(?:haber|hemos|he) (?:podido )?(?:conversado|hablado|charlado) (?:contigo|con usted|con vos)\b|\bentrevist(?:ad[oa]s?|arte|arle|arla|amos)\b|\bgracias por (?:acudir|asistir)\b|\b(?:la|nuestra|tu|su) (?:\w+ )?(?:charla|visita|cita)\b|\bgracias por (?:venir|acercarte|pasarte|visitarnos)\b"
         r"|\b(?:het|ons|de|jullie|je|uw|drie|twee|vier) (?:\w+ )?(?:\w*gesprek|\w*gesprekken|interview|kennismaking|presentatie)\b|\bna (?:het|ons|de) (?:\w+ )?(?:\w*gesprek|gesprekken|interview)|\b(?:telefonisch|persoonlijk) (?:\w+ )?gesproken\b|gesprekken gevoerd"
         r"|\bmet (?:je|jou|u) te (?:praten|spreken)\b|\b(?:proefdag|meeloopdag|meedraaien|proefles)\b|\b(?:voor|van) de koffie\b"
         r"|\blangs (?:\w+ ){0,2}?(?:geweest|gekomen|kwam|kwamen)\b|\blangsgekomen\b|\b(?:video|beeld)bel\w*|\bkennis(?:gemaakt| te maken)\b|\b(?:je|jouw|uw) (?:\w+ )?(?:komst|bezoek)\b(?! aan (?:onze|de) (?:web)?site)|\b(?:hebben|heb) (?:je|jou|u) (?:\w+ ){0,2}?gesproken\b|\b(?:je|jou|u) (?:\w+ ){0,2}?gesproken\b"
         r"|\b(?:leuk|fijn|prettig|goed) (?:\w+ ){0,3}?(?:te )?(?:ontmoeten|ontmoet|spreken)\b)"),
        ("assessment", r"\b(?:(?<!\bour )(?<!\bmy )assessments?(?! (?:of|against)\b)|coding (?:challenge|test|exercise|task|assignment)|take[- ]home|technical (?:test|exercise|challenge|task|assignment)|online (?:test|tests|assessment)|case stud(?:y|ies)|business case|test results?|your (?:test|submission|solution|answers|responses|code|repo|repository)|aptitude|psychometric"
         r"|hackerrank|codility|codesignal|testgorilla|design (?:exercise|challenge|task)|assignment|skills test|work sample|exercise|(?<!next )(?<!new )(?<!career )(?<!future )challenge|the repo\b"
         r"|test|tests|testergebnis|testergebnisse|capaciteitentest|capaciteitstest|\w*toets|(?:einstellungs|eignungs|online|programmeer|persoonlijkheids|auswahl|wissens|logik|programmier|sprach|intelligenz|leistungs|kompetenz|kennis|taal|reken|logica|vaardigheids)test|(?:passing|pass|minimum|required|cut-?off) (?:mark|score|grade)|examen (?:ecrit|oral|technique|en ligne|teorico|practico|escrito)|\w*(?:test|probe|fall|case|programmier|code|coding)aufgaben?|fallstudie|arbeitsprobe|exercice|etude de cas|cas pratique|epreuves?|mise en situation|prueba|pruebas|psicotecnic\w*|ejercicio|caso practico|desafio|reto tecnico"
         r"|\w*opdracht|toets|casus|de case)\b"),
        # Screening of the application: CV or profile reviewed, shortlisting, "not invited to
        # interview". Thanks for an application is not a clue (every rejection has one).
        ("application", r"\b(?:review(?:ed|ing)?|review of|considered|consideration of|assessed|evaluated|screened|examined|(?:looked|looking|read|reading|gone|went|going) (?:\w+ )?(?:at|through|over)|read|reading) (?:\w+ ){0,2}(?:your|all|the) (?:\w+ )?(?:application|applications|cv|resume|profile|background|candidacy|submission|portfolio|reel|cover letter|documents|qualifications|credentials)"
         r"|\b(?:application|applications|cv|resume|profile|candidacy|submission)s? (?:\w+ )?(?:has|have|was|were) (?:now )?(?:been )?(?:carefully )?(?:reviewed|screened|assessed|evaluated|considered|read)\b|\bnot (?:being )?referred\b"
         r"|\b(?:read|reviewed?|reviewing|(?:looked|gone|went|going) through) (?:every(?:one)?|each|yours)\b|\b(?:will not|won't|not) be reviewed\b|\bbefore (?:\w+ ){0,3}?(?:interviews|reviewing|screening|we (?:could )?review)\b|\b(?:hire|hired|fill|filled|appoint|appointed) (?:\w+ ){0,3}?internally\b|\binternal candidate"
         r"|\b(?:your|ihrer|ihre|deiner|deine|vos|votre|tus|sus|je|uw) (?:\w+ )?(?:qualifications|qualifikation\w*|cualificaciones|kwalificaties)|\bvor eingang\b"
         r"|\b(?:profile|experience|background|skills|qualifications) (?:\w+ ){0,2}?(?:does not|doesn't|did not|didn't|do not|don't) (?:quite )?(?:match|meet|align)|\b(?:profil|parcours) ne (?:correspond|repond) pas|\b(?:ihr|dein) profil (?:\w+ ){0,2}?(?:passt|entspricht) (?:\w+ )?nicht|\bperfil no (?:encaja|se ajusta|cumple|coincide)|\bprofiel (?:\w+ ){0,2}?(?:sluit|past) (?:\w+ )?niet"
         r"|\b(?:large|high|significant|overwhelming|great|huge|record) (?:number|volume|amount) of|\bmany (?:\w+ )?(?:applications|applicants|candidates)|\bshortlist|\bscreening\b|\binitial review"
         r"|(?:\bnot|n't) (?:be )?(?:inviting|invite|invited|bringing|bring|progressing|taking|take|moving|selected|shortlisted) (?:you |your (?:\w+ )?)?(?:\w+ ){0,2}?(?:to|for|in for|in to) (?:an? |the |a first )?(?:interview|chat|conversation|call|meeting)"
         r"|\b(?:cv|resume|curricul\w*|lebenslauf|portfolio|reel|folio|cover letter|hoja de vida)\b(?! (?:and (?:\w+ )?)?(?:on file|in (?:our|mind)))"
         r"|\b(?:ihre|deine|ihrer|deiner) (?:bewerbungs)?unterlagen|\b(?:prufung|sichtung|durchsicht|auswertung) (?:ihrer|deiner|aller|der) (?:\w+ )?(?:unterlagen|bewerbung|bewerbungen)|\bin (?:ihre|deine) bewerbung (?:\w+ ){0,2}(?:investiert|gesteckt)|\bnicht zu einem (?:\w+ )?(?:gesprach|vorstellungsgesprach|interview|kennenlernen)|\bbewerbungen (?:erhalten|eingegangen)|\bvielen? (?:\w+ )?bewerbungen"
         r"|\b(?:profil|bewerbung|unterlagen|anschreiben)\w* (?:\w+ ){0,3}?(?:angesehen|angeschaut|gesichtet|gepruft|durchgesehen|gelesen)\b|\bvon einer (?:personlichen )?vorstellung ab\b"
         r"|\b(?:etudie|examine|analyse|lu|consacre a) (?:attentivement |avec attention )?(?:votre|ta) (?:candidature|dossier|cv)|\b(?:lecture|etude|analyse|examen) (?:\w+ )?d(?:e|u|es) (?:votre |ta )?(?:candidature|dossier|dossiers|cv)\b|\bnombre (?:\w+ )?de (?:dossiers|candidatures)|\b(?:proposer|convier|inviter)\w* (?:a )?(?:un|a un) entretien|\bexamen de (?:votre|ta) candidature|\bnombreuses candidatures"
         r"|\bselection sur dossiers?|\bretenu (?:\w+ ){0,4}(?:dossiers|candidatures|profils) pour|\bpas (?:ete )?presentee? (?:en|a|au) (?:entretien|client)"
         r"|\b(?:revis|analiz|valor|estudi)\w* (?:\w+ ){0,2}(?:tu|su|los|las|todos los|todas las) (?:candidatura|solicitud|postulacion|hoja de vida|perfil|documentacion|curricul\w*|candidaturas|postulaciones|perfiles)|\b(?:revisada|analizada|estudiada) (?:la|tu|su) (?:documentacion|candidatura|solicitud|postulacion)|\bpreseleccion\b|\brevision curricular|\b(?:convocar|invitar|citar)\w* a (?:una |la )?entrevista"
         r"|\bveel (?:\w+ )?(?:reacties|sollicitaties|kandidaturen)|\buitgenodigd voor (?:een|het) (?:\w+ )?gesprek|\buitnodigen voor (?:een|het) (?:\w+ )?gesprek|\bgereageerd op\b|\b(?:sollicitaties|kandidaturen|reacties) ontvangen|\bsollicitatiebrief|\bmotivatie(?:brief)?\b"
         r"|\b(?:cv|brief|brieven|sollicitatie|profiel|mapje)\w* (?:\w+ ){0,3}?(?:bekeken|gelezen|doorgenomen|beoordeeld)\b|\b(?:lezen|bekijken|doornemen) van (?:alle |je |jouw |uw )?(?:brieven|sollicitaties|cv)|\bgeen gesprek\b|\bniemand uit voor een gesprek"),
    )
)
"""Clues to the stage a rejection came at, strongest first: the first clue that appears
wins (interview and assessment clues only when not negated or prospective, see
``NOT_HELD``); ``unknown`` when none does."""

NOT_HELD = re.compile(
    r"(?:\bnot|n't|\bnever|\bunable to|\bno longer|\bnicht|\bkeine?n?|\bpas|\bni|\bno|\bniet|\bgeen|\bwithout|\bohne|\bsans|\bsin"
    r"|\binvit\w*|\bconv(?:ier|ions|oquer|ocar\w*)|\bpropos(?:er|ions|erons)\b|\beinzuladen|\beinladen|\beinladung|\buitnodig\w*|\buit te nodigen|\bmeenemen"
    r"|\blook(?:ing)? forward to|\b(?:would|'d) (?:\w+ )?(?:like|love|be happy|be glad|welcome)|\b(?:happy|glad|pleased) to|\bfeel free|\bhesitate|\bin the future|\bfuture\b|\bwurden|\bfreuen uns|\bserions|\bserai[st]?|\bravis? de|\bencantaria|\bzouden|\bgraag"
    r"|\bpasar a|\bpasaran a|\bpasser (?:a|au|aux)|\bcomprend|\bzum nachsten|\bin die nachste|\bto the next|\bnaar de volgende|\ba la siguiente|\ba l'etape suivante|\bshortlisted for|\bselected for|\bpour (?:les|un|des))\b[^.!?\n]{0,30}$"
    r"|\b(?:shortlisted|selected|chosen|retenu\w*|preseleccionad\w*|ausgewahlt|geselecteerd) (?:\w+ ){0,5}(?:for|pour|para|fur|voor) $"
)
"""Words just before a meeting or test that say it did not take place: a negation ("will not
be inviting you to...") or an invitation to it ("the interview we invite finalists to")."""

APPLIED = re.compile(
    r"\b(?:application|applications|applying|applied|candidacy|candidature|cv|resume|bewerbung\w*|beworben|candidatura|postulacion"
    r"|solicitud|sollicitatie|gesolliciteerd|postule|postulado|postulaste|unterlagen|dossier|profil|profile|perfil|profiel"
    r"|aanmelding|inschrijving|registration|registrierung|inscripcion)\b"
)
"""Words of the application itself: a rejection that speaks of it and of nothing later (no
interview, no test) turned the application down."""


TOOK_PART = re.compile(
    r"\b(?:participat\w*|taking part|took part|take part|participar|participacion|participaste|participer|participation|teilnahme|teilgenommen|deelname|deelgenomen|meegedaan)"
    r" (?:\w+ ){0,4}?(?:selection|recruitment|hiring|seleccion|recrutement|auswahl\w*|bewerbungsverfahren|bewerbungsprozess|selectie\w*|sollicitatieprocedure|proceso|processus|process|procedure|verfahren)\b"
)
"""Thanks for taking part in a selection process: it says the user went through some of it,
not how far, so it does not place the rejection at the application (only an interview or a
test named does place it)."""


def rejection_stage(text: str) -> str:
    """The stage a rejection came at, read in the text before its closing line
    (``before_sign_off``), from the first clue in ``STAGE_RULES`` order that appears in it
    (interview and assessment clues only when they took place: "not invited to interview" is
    an application-stage no, see ``NOT_HELD``); a rejection that only speaks of the application
    is an application-stage one, unless it thanks the user for taking part in the selection
    process (``TOOK_PART``), which leaves the stage unknown."""
    text = before_sign_off(text)
    took_part = TOOK_PART.search(text) is not None
    for index, (stage, _) in enumerate(STAGE_RULES):
        if stage == "application" and took_part:
            return "unknown"
        for match in _STAGE_PATTERNS.finditer_in(index, text):
            if stage == "application" or not NOT_HELD.search(text, max(0, match.start() - 40), match.start()):
                return stage
    return "application" if APPLIED.search(text) else "unknown"


_STAGE_PATTERNS = Alternatives(pattern for _, pattern in STAGE_RULES)
"""``STAGE_RULES`` run as their alternatives, only where their literals are: the same matches."""
