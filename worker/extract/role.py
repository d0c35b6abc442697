"""The job title an email is about: a labelled field, a phrase in the subject or body.

A title is cut at the first word that cannot belong to one, and dropped when what is left
is not a plausible title: a missing role is better than a fragment.
"""

import re

from worker.extract.metadata import detect_language
from worker.extract.names import is_person_name, name_key, normalize_company
from worker.prefilter_case import Lowered, StartScan

GENDER_MARKER = re.compile(
    r"\s*[(\[]\s*(?:[mwfdhxvoa]\s*/\s*){1,3}[mwfdhxvoa*]\s*[)\]]|\s*[(\[]\s*(?:all genders?|alle geschlechter|w/m/d|f/h|h/f|h/m|m/f|m/v|v/m)\s*[)\]]"
    r"|[ \t]+(?-i:[HF]/[HF]|[mwd]/[mwd]/[mwd]|[MWD]/[MWD]/[MWD]|m/v/x|M/V/X|h/m|H/M)(?![\w/])",
    re.IGNORECASE,
)
_ROLE_JUNK = re.compile(
    r"\s*(?:[-–—#,]\s*)?(?:\(?\s*\b(?:req(?:uisition)?|job|ref|id|reference|r|jr|vacaturenummer|kennziffer|réf|referencia)\b\.?\s*(?:id|#|no\.?)?\s*[:#.]?\s*[A-Z0-9/-]*\d[A-Z0-9/-]*\s*\)?)\s*$"
    r"|\s*\(\s*[A-Z]{0,5}-?\d[\w-]*\s*\)\s*$|\s+[-–—]\s+\d[\d-]{3,}\s*$",
    re.IGNORECASE,
)
_FIELD = re.compile(
    r"^[ \t]*(?:[•·*▪►-][ \t]*)?[*_]{0,2}(?:job title|position|role|job|title|vacancy|opening|poste|intitulé du poste|puesto|vacante|oferta|stelle|stellenbezeichnung|position title|vacature|functie|cargo|empleo|job|emploi"
    r"|(?:role|position|job|post|vacancy) applied for|applied (?:position|role|job|for)|job (?:opening|posting|requisition)|requisition(?: title)?|posting title"
    r"|stellentitel|(?:ausgeschriebene|beworbene) (?:stelle|position)|poste (?:concerné|visé)|offre|puesto (?:solicitado|al que postulaste)|sollicitatie voor)[*_]{0,2}[ \t]*:[ \t]*[*_]{0,2}[ \t]*(?P<role>[^\n]{2,90})$",
    re.IGNORECASE | re.MULTILINE,
)
"""A field that labels the title, plain or bold ("Position: X", "**Role applied for:** X", "Requisition: 4411 - X")."""
_FIELD_BELOW = re.compile(
    r"^[ \t*_]*(?:job title|position|role|vacancy|poste|m[ée]tier(?: recherch[ée])?|intitul[ée] du poste|puesto|vacante|stelle|stellenbezeichnung|functie|vacature)[ \t*_]*:[ \t*_]*\n"
    r"(?:[ \t]*\n)?[ \t]*[•·*▪►-][ \t]*(?P<role>[^\n]{2,90})$",
    re.IGNORECASE | re.MULTILINE,
)
"""A labelled field whose value is the bullet on the next line ("Métier recherché :" / "- Agent")."""
_DOUBLET = re.compile(r"\b(\w{3,}) / \1\w{0,3}\b")
"""A title written in both genders, spaced ("Agent / Agente d'entretien"): the first form is kept."""

_INTRO = (
    r"(?:application|applications|applying|applied|candidacy|interest|interview|interviews|interviewing|offer|assessment|invitation|approved|shortlisted|selected|outcome|result|results|decision|take-home|case study|coding task|test|screen|call|update|aufgabe|opdracht|prueba técnica)\s+(?:for|to|as|für|pour|para|voor)\s+(?:the\s+|our\s+|a\s+|an\s+)?(?:(?:position|role|post|job)\s+(?:of|as)\s+)?(?:an?\s+)?"
    r"|for (?:the|our|a|an) (?:position|role|post|job|vacancy|opening) (?:of|as)\s+(?:an?\s+)?|(?:the )?following (?:position|role|job|vacancy|opening|post)s?[ \t]*:[ \t]*|(?:for|to|in) the (?:position|role|job|vacancy|opening|post)[ \t]*:[ \t]*"
    r"|(?:opening|vacancy|search|hiring|recruitment|selection) for (?:an?|the|our)\s+|(?:hired|appointed) (?:an?|another)\s+|submitted for\s+(?:the\s+)?|(?:the )?role of\s+(?:an?\s+)?|(?:in )?the position of:?\s+|looking for (?:a|an)\s+(?:talented\s+|skilled\s+|experienced\s+|motivated\s+)?|(?:in|through) the (?:hiring |recruitment |selection |interview )?process for (?:the\s+)?"
    r"|(?:to be|to become|becoming|join us as|joining us as)\s+(?:our|your|an?|the)\s+(?:next\s+|new\s+)?|(?:suchen|suche)\s+(?:(?:ab sofort|aktuell|derzeit)\s+)?(?:eine:n|eine\*n|eine_n|eine/n|einen|eine)\s+|(?:recherchons|recherche|cherchons)\s+(?:un|une|un\(e\)|un·e)\s+|(?:buscamos|busca)\s+(?:un|una|un/a)\s+|(?:zoeken|zoekt)\s+(?:een)\s+|hire (?:a|an)\s+|hiring (?:a|an)\s+|recruiting for (?:a|an)\s+|offer you the\s+"
    r"|bewerbung\s+(?:als|für|auf|um|zum|zur)\s+(?:die\s+|das\s+|den\s+|eine\s+|unsere\s+)?(?:(?:ausgeschriebenen?\s+|vakanten?\s+|offenen?\s+)?(?:stelle|position|stellenanzeige|stellenausschreibung|anzeige)\s+(?:als\s+|des\s+|der\s+)?)?(?:einer?\s+|eines\s+)?|(?:stelle|position|ausbildungsplatz|praktikumsplatz|studienplatz)\s+(?:als|zum|zur)\s+(?:einer?\s+)?"
    r"|(?:au|pour le|le|du|sur le) poste (?:de |d'|d’)?|candidature\s+(?:(?:au|pour|à|sur)(?!\s+sein\b))?\s*(?:le\s+)?(?:poste\s+)?(?:de\s+|d'|d’)?|(?:offre|mission)\s+(?:d['’]emploi\s+)?(?:de\s+|d'|d’)?|(?:l['’]annonce|annonce)\s+(?:de\s+|d'|d’)?"
    r"|(?:al|el|del|para el|de) puesto de\s+|(?:al|el|del|para el|de) rol de\s+|(?:la|de la|para la|nuestra|a la|a nuestra) (?:vacante|posición|oferta|posicion) (?:de\s+)?|proceso de selecci[oó]n\s+(?:para|de|del)\s+(?:el\s+|la\s+)?(?:puesto\s+de\s+|rol\s+de\s+)?|(?:candidatura|postulación|postulacion|solicitud|proceso|videoentrevista|prueba técnica|entrevista)\s+(?:para|a|al|de|del|como)\s+(?:el\s+|la\s+)?(?:puesto\s+de\s+|proceso\s+de\s+)?"
    r"|(?:de\s+)?(?:functie|vacature|positie|rol)\s+(?:van\s+|als\s+)?(?:een\s+)?|(?:al|el|del|para el|de) cargo (?:de\s+)?|(?:la|de la|para la) plaza de\s+|(?:un|ce|votre) poste (?:de |d'|d’)"
    r"|(?:the|die|der|zur|zum|la|de|het|this|diese|dieser)\s+(?:(?:ausgeschriebenen?|offenen?|vakanten?|advertised|open|vacant|posted|openstaande)\s+)?(?:position|stelle|rolle|role|functie|vacature)\s+(?-i:(?=[A-ZÀ-Þ\"„“«]|[a-z]+[A-Z]))|(?:für|fuer) die (?=ausbildung (?:zum|zur|als) )|proceso de selecci[oó]n\s+(?:para|de|del)\s+(?:el\s+|la\s+)?(?:puesto\s+de\s+)?|gesolliciteerd\s+(?:op|voor|naar)\s+(?:de\s+)?(?:functie\s+|vacature\s+)?(?:van\s+)?|sollicitatie\s+(?:als|voor|op|naar)?\s*(?:de\s+)?(?:functie\s+|vacature\s+|positie\s+|rol\s+)?(?:van\s+|als\s+)?(?:een\s+)?"
    r"|(?:postular(?:te|se|me)?|postulado|postulaste|aplicar|aplicaste|aplicado)\s+(?:a|al|para|en)\s+(?:la\s+|el\s+)?(?:(?:vacante|puesto|cargo|posici[oó]n|oferta|rol)\s+(?:de\s+)?)?"
)
_INTRO_ROLE = re.compile(rf"(?i:\b(?:{_INTRO}))(?P<role>[^\n]{{2,120}})")
_QUOTED = re.compile(
    r"(?i:\b(?:application|applying|applied|interest|interesse|bewerbung|candidature|candidatura|sollicitatie|postulaci[oó]n)\b[^\n\"„“«]{0,24}?)"
    r"[\"„“«](?P<role>[^\"“”»\n]{2,80})[\"“”»]"
)
"""A title quoted after an application word ("your application "Bezorger (bijbaan)""): the
quotes mark where it starts and ends, so it needs no title word."""
_WEAK_INTRO = re.compile(r"(?i:\b(?:as|als|como|comme|en tant que|in de rol van|interest in|interesse in"
                         r"|(?:considered|consideration|candidates?|applicants?|fit|match|submission|resume|résumé|cv|profile|process|with you) for(?: the| our| this)?"
                         r"|(?:writing|reaching out|in touch) (?:about|regarding)(?: the| our)?)\s+(?:an?\s+|une?\s+|una?\s+|een\s+|(?:our|the) (?:next|new)\s+)?)(?-i:(?=[A-ZÀ-Þ]|[a-z]+[A-Z]))(?P<role>[^\n]{2,100})")
""""as X", "als X", "como X", "considered for X", "other applicants for X", "writing about X": a title only
when a title word is in it ("als Scan zurück" is not)."""
_STRONG_NOUN = re.compile(r"(?i:\b(?:poste|plaza|puesto|cargo|functie|vacature|stelle|position|role|rol|vacante)\b)[^\n]{0,12}$")
_LOWER_ROLE = re.compile(r"(?P<role>[a-zà-ÿ][\w'’-]*(?:[ \t]+(?:de|du|des|d'|del|la|van|voor|der|of)?[ \t]*[a-zà-ÿ][\w'’-]*){0,3}?)(?=[ \t]*(?:[,.:;(!?]|\n|$)|[ \t]*[(\[][mwfhvx]/)")
_BEFORE_NOUN = re.compile(
    r"\b(?:the|our|your|this|a|an|for|to|on|de|het|voor)\s+(?P<role>[^\n]{2,80}?)(?:\s+|-)(?:position|role|opening|vacancy|job|post|application|hire|Stelle|Position|poste|vacature|functie|rol|programma)\b",
    re.IGNORECASE,
)
_BEFORE_PROCESS = re.compile(
    r"\b(?:the|our|your|this)\s+(?P<role>[^\n]{2,80}?)(?:\s+|-)(?:(?:hiring|recruitment|selection|interview|application)\s+)?(?:process|opportunity|interviews?|(?:technical|final|first|second|onsite|on-site|phone|video)\s+interviews?|Prozess|Auswahlverfahren|processus|proceso|sollicitatieprocedure|procedure)\b",
    re.IGNORECASE,
)
"""A title before a process, an interview or an opportunity ("the Growth Marketing Manager process", "the Grid
Data Engineer technical interview", "the Senior Designer opportunity"): taken only when it holds a title word."""
_ROLE_STOP = frozenset(
    """update updates nodigen willen zouden kunnen moeten desde
    is was has have had will would we you i that which who but at with from to as by it our your been here there were are be am
    position role opening vacancy job team interview interviews application process today tomorrow since because after before so if or
    ist war wurde wird haben hat sind als bei mit im am an auf zu zum zur nicht leider sehr wir sie ihre ihr uns dass da weil aber noch nach vom vor ab
    est ont sont été chez à au aux pour avec dans sur par nous vous qui que ne n' pas jusqu'à jusqu mais ce cette sera
    es ha han fue está en con para por al nos te se sido ya pero cuando como ni su sus
    zijn wordt werd komt heeft hebben bij met op aan af uit te om naar dat niet helaas wij jij je u door toe mee ook graag
    within based located starting via where while opportunity search focused working responsible about
    later next last this which whom whose until who où dont lorsque quand donde cuando machen werden können anbieten einer einem eines einen er besetzt vergeben anzubieten
    teilen mitteilen besetzen zusagen aanbieden bieden vervullen invullen aan te ofrecer offrir proposer
    genau bereits schon nun jetzt inzwischen anderweitig erhalten geprüft angesehen berücksichtigen berücksichtigt entschieden leider
    zorgvuldig bekeken ontvangen inmiddels reeds al nu vervuld ingevuld
    a n'a n’a déjà bien pourvu retenue retenu
    no recibido revisado cubierto cubierta seleccionado seleccionada""".split()
)
_SENTENCE_WORD = re.compile(r"(?-i:[a-z]{3,}(?:ly|ed))|(?i:n['’]|qu['’]|l['’](?=[a-zà-ÿ]*$))\w*")
"""Lower-case words that go on a sentence, not a title ("… internally", "… carefully reviewed",
"… n'a pas été retenue"): English adverbs and participles, French elisions before a verb."""
_ROLE_JOIN = frozenset("and und et y en for für voor in im e".split())
_ROLE_LEAD = frozenset(
    """the a an our your this that these das die der den dem des unser unsere unseren ihre ihr deine dein le la l' les un une el los las una het de een onze uw jouw
    position role job poste puesto vacante vacature functie positie stelle oferta offre mission proceso process posición of as
    exciting exclusive great amazing fantastic interesting urgent potential spannende tolle
    voor cargo rol selección seleccion sélection selectie""".split()
)
_ROLE_TAIL = frozenset("""position role job opening vacancy post poste puesto vacante vacature functie stelle positie application opportunity search test tests technical
    interview interviews assessment exercise task challenge case take-home trial hire recruitment hiring process vacancies
    offer offre oferta aanbod angebot update result results outcome invitation""".split())
_NOT_ROLE = frozenset({
    "position", "role", "job", "employment", "work", "opening", "vacancy", "post", "interest", "application", "applications", "opportunity", "opportunities",
    "hiring process", "hiring manager", "line manager", "interview process", "recruitment process", "selection process", "next stage", "next round", "future roles", "other roles",
})


def find_role(subject: str, body: str, company: str | None) -> str | None:
    """The job title as the email names it: a labelled field, then the subject (a phrase
    like "application for X", or the part that reads as a title), then the body. Never the
    company's own acronym ("HKC" in "HKC Round 2 Update" from Halden Knowles Consulting)."""
    role = _find_role(subject, body, company)
    if role and _YEAR_TAIL.fullmatch(" " + role):
        return None  # "Summer 2026": when, not which job
    if role:
        role = strip_qualifiers(_BARE_REF.sub("", role))
        words = role.split()
        while len(words) > 1 and ((words[0].lower() in _ROLE_LEAD and not words[0][:1].isupper()) or words[0].lower() in _LEAD_NOISE):
            words.pop(0)
        lead = next((i for i, w in enumerate(words) if not (w.islower() or w.lower() in _LEAD_NOISE or SUBJECT_NOISE.fullmatch(w))), 0)
        if 0 < lead < len(words) and TITLE_WORDS.search(" ".join(words[lead:])) and not TITLE_WORDS.search(" ".join(words[:lead])):
            words = words[lead:]  # "journée de recrutement Conseiller clientèle", "Probetag Barista"
        role = " ".join(words)
        cut = _until_sentence_word(role)
        if cut != role and detect_language(f"{subject}\n{body[:3000]}") in _CAPITAL_TITLES:
            role = cut  # the language is looked at only when the cut would change the title
    if not role or role.lower() in _NOT_ROLE or role.lower() in _GENERIC_ROLE or (company and _is_acronym_of(role, company)):
        return None
    return role


_CITIES = frozenset(
    """london manchester birmingham leeds glasgow edinburgh bristol liverpool cardiff belfast dublin newcastle sheffield nottingham cambridge oxford boston chicago seattle
    austin denver atlanta dallas houston miami toronto vancouver montreal sydney melbourne singapore bengaluru bangalore mumbai pune hyderabad chennai delhi noida gurgaon
    gurugram kolkata ahmedabad berlin hamburg münchen munich köln cologne frankfurt stuttgart düsseldorf dortmund leipzig dresden hannover nürnberg bremen bonn mannheim
    karlsruhe augsburg wiesbaden münster regensburg freiburg heidelberg kiel mainz rostock potsdam ulm wien vienna graz linz salzburg innsbruck zürich zurich basel bern
    genf paris lyon marseille toulouse nantes strasbourg montpellier bordeaux lille rennes reims grenoble dijon angers nîmes niort rouen caen nancy metz brest limoges
    clermont-ferrand orléans amiens perpignan besançon madrid barcelona valencia sevilla zaragoza málaga malaga bilbao murcia palma alicante valladolid vigo gijón córdoba
    granada pamplona santander logroño bogotá bogota medellín medellin cali lima santiago cdmx monterrey guadalajara quito caracas montevideo amsterdam rotterdam utrecht
    eindhoven groningen tilburg almere breda nijmegen arnhem haarlem enschede leiden maastricht zwolle delft amersfoort apeldoorn brussel brussels bruxelles antwerpen
    antwerp gent ghent luxembourg lisboa lisbon porto milano milan roma rome""".split()
) | {"new york", "san francisco", "los angeles", "buenos aires", "ciudad de méxico", "são paulo", "den haag", "la défense", "frankfurt am main", "rio de janeiro"}
"""Cities a job ad names after a title, in the countries the product reads mail from."""
_CITY_WORDS = frozenset(c for c in _CITIES if " " not in c)
_LEAD_NOISE = frozenset(
    """open new current vacant available opportunity oportunidad opportunité opportunite kans vacature vacancy vacante vakanz stellenangebot jobangebot ausschreibung
    stellenausschreibung probetag probearbeiten schnuppertag vervolg sollicitatieprocedure stage""".split()
)
"""Words before a title that say it is open or on offer ("open Product Manager", "Oportunidad Product Owner")."""
_BARE_REF = re.compile(r"(?i)[ \t]*[-–—|,][ \t]*(?:req|ref|réf|job id|id|kennziffer)\.?[ \t]*$")
"""A reference label left after its number was cut ("Support Specialist - Req")."""
_CONTRACT_TAIL = re.compile(r"(?i:[ \t]*[(\[][ \t]*(?:cdi|cdd)[ \t]*[)\]]|[ \t]*[-–—|,/·][ \t]*(?:cdi|cdd)|[ \t]+en[ \t]+(?:cdi|cdd))[ \t]*$")
"""A French contract type after a title ("Comptable (CDI)", "Vendeur - CDD", "Agent en CDI").
Work modes, hours and other contract words stay: a label keeps them as often as not."""
_PLACE_TAIL = re.compile(
    r"(?:[ \t]*[(\[][ \t]*(?P<paren>[^()\[\]\n]{2,30}?)[ \t]*[)\]]|[ \t]*[-–—|,/·][ \t]*(?i:(?:base|standort|sede|site|location|local|locatie|vestiging)[ \t]+)?(?P<dash>[^-–—|,/·()\n]{2,30}?)"
    r"|[ \t]+(?:in|à|bei|te)[ \t]+(?P<inword>[A-ZÀ-Þ][\w'’-]+))[ \t]*$"
)
"""What may be a place after a title: in parentheses, after a dash or comma, or after "in"
("(Bengaluru)", "- Berlin", ", London", "in Utrecht"); cut only when it is a known city."""
_GENERIC_ROLE = frozenset(
    """stelle poste vacature functie puesto vacante plaza rol rolle emploi empleo offre oferta internship praktikum stage ausbildung apprenticeship
    candidature bewerbung sollicitatie candidatura postulación positions roles jobs vacancies stellen postes prácticas practicas pasantía pasantia stageplek stageplaats
    traineeship werkstudentenstelle ausbildungsplatz praktikumsplatz studienplatz tätigkeit anstellung beschäftigung""".split()
) | {"job offer", "open position", "job opening", "this position", "this role"}
"""Words that name a kind of job, never which one: a role of only this is no role."""


_YEAR_TAIL = re.compile(
    r"(?i)(?:[ \t]*[-–—|,:][ \t]*|[ \t]*[(\[][ \t]*|[ \t]+(?=\D))(?:(?:summer|spring|autumn|fall|winter|sommer|frühjahr|herbst|été|automne|printemps|hiver|verano|otoño|invierno|primavera|zomer|najaar|voorjaar"
    r"|intake|cohort|class of|jahrgang|start|rentrée)[ \t]+)?(?:19|20)\d\d(?:[ \t]*[/-][ \t]*(?:19|20)?\d\d)?[ \t]*[)\]]?[ \t]*$"
)
"""A season or intake after a title, or a year set apart ("Intern - Summer 2026", "(Autumn 2026)", "Analyst - 2026"):
when the job starts, not which job. A year written into a programme's name stays ("Graduate Scheme 2027",
"2026 Graduate Program"), as people name it so."""


_CAPITAL_TITLES = frozenset({"en", "de", "nl"})
"""Languages whose titles write every word but a link word with a capital ("Head of Sales",
"Assistenz der Geschäftsführung", "Medewerker Klantenservice")."""
_CAPITAL_LINKS = frozenset("of for in and & to at und für im der des zum zur mit van voor en de".split())
"""Link words inside such a title, before a word with a capital."""
_NOT_AFTER_LINK = frozenset("ihr ihre ihren ihrem ihrer ihnen sie dein deine deinen dir du your you je jouw uw u".split())
"""Words after "und"/"and" that start the sentence's next part ("… als Projektmanager und Ihr Interesse")."""


def _until_sentence_word(role: str) -> str:
    """A title in English, German or Dutch without the lower-case words that go on the sentence
    ("Kundenberater interessiert", "Data Analist binnen ons", "Projektmanager und", "Controller
    von letzter Woche"): after a capitalized word, a lower-case word ends the title unless it
    links to another capitalized word, is itself a job noun ("React developer") or sits in
    parentheses. A title written all in lower case is left as it is."""
    words = role.split()
    if not any(_capword(w) for w in words):
        return role
    depth = 0
    for i, word in enumerate(words):
        if i and depth == 0 and word[:1].islower() and not _capword(word):
            nxt = words[i + 1] if i + 1 < len(words) else ""
            links = word.lower() in _CAPITAL_LINKS and _capword(nxt) and nxt.lower().strip(",.") not in _NOT_AFTER_LINK
            if not links and not TITLE_WORDS.fullmatch(word.strip(",.;:")):
                words = words[:i]
                break
        depth += word.count("(") - word.count(")")
    while len(words) > 1 and words[-1].lower() in _CAPITAL_LINKS:
        words.pop()
    return " ".join(words).rstrip(" ,;:-–—")


def strip_qualifiers(role: str) -> str:
    """A title without the city it is in and a French contract type ("Data Engineer - Berlin",
    "Business Analyst (Bengaluru)", "Consultant, London", "Lagerist in Bremen", "Comptable
    (CDI)"). Only a known city counts as a place, so a specialty stays ("Relationship Manager
    - Wealth", "Lecturer in Statistics")."""
    for _ in range(4):
        head = None
        m = _CONTRACT_TAIL.search(role) or _YEAR_TAIL.search(role)
        if m:
            head = role[: m.start()]
        else:
            m = _PLACE_TAIL.search(role)
            if m and _is_city(m.group("paren") or m.group("dash") or m.group("inword") or ""):
                head = role[: m.start()]
            else:
                words = role.split()
                for n in (2, 1):
                    if len(words) > n and _is_city(" ".join(words[-n:])) and words[-n][:1].isupper():
                        head = " ".join(words[:-n])
                        break
        if head is None:
            break
        head = head.rstrip(" \t-–—|,/·:")
        if not re.search(r"\w{2}", head):
            break
        role = head
    return role


def _is_city(name: str) -> bool:
    name = name.strip().lower()
    return name in _CITIES or name in _CITY_WORDS



def _is_acronym_of(role: str, company: str) -> bool:
    """Whether a word in capitals is the company's initials ("HKC", "HK Consulting")."""
    token = role.replace(".", "").replace(" ", "")
    if not (2 <= len(token) <= 6 and token.isalpha() and token.isupper()):
        return False
    words = [w for w in re.split(r"[\s\-&]+", company) if w]
    initials = "".join(w[0] for w in words if w[:1].isupper())
    return token in (initials.upper(), "".join(w[0] for w in words).upper()) or normalize_company(token) == normalize_company(company)


_CONTRAST = re.compile(
    r"(?:^|(?<=[.!?])[ \t]+|\n[ \t]*)(?:however|that said|but|instead|on the other hand|en revanche|cependant|toutefois|par contre|n[ée]anmoins|allerdings|jedoch|dafür|stattdessen"
    r"|sin embargo|no obstante|en cambio|por otro lado|echter|daarentegen|wel|maar)\b",
    re.IGNORECASE,
)
_DECLINED = re.compile(
    r"(?i)\b(?:not|won't|unable|afraid|unfortunately|regret|decided to (?:go|move|proceed) with|ne\b[^.\n]{0,40}\bpas|malheureusement|nicht|leider|kein\w*|no (?:continuar|seguir|avanzar)|lamentablemente|no hemos|niet|geen|helaas)\b"
)
_NEXT_STEP = re.compile(
    r"(?i)\b(?:interview\w*|invite|invitation|call|chat|speak|talk|meet|offer|entretien|rencontrer|échange|inviter|gespräch\w*|kennenlernen|einladen|telefonat|entrevista|llamada|reuni[oó]n|charla|gesprek|kennismak\w*|uitnodigen|bellen)\b"
)


def _other_role(body: str, company_key: str) -> str | None:
    """The role an email moves on to after declining another ("Thanks for applying for the X
    role; we won't take that further. However, our Y opening …, would you be open to a call?"):
    the next step is about Y, so Y is the role. None when the mail has no such turn."""
    for m in _CONTRAST.finditer(body):
        before, after = body[: m.start()], body[m.end(): m.end() + 1200]
        if not _DECLINED.search(before[-800:]) or not _NEXT_STEP.search(after):
            continue
        first = _phrase_role(before, company_key)
        later = _phrase_role(after, company_key)
        if first and later and name_key(first) != name_key(later) and name_key(later) not in name_key(first):
            return later
    return None


def _card_role(body: str, company: str | None) -> str | None:
    """The title of a job card, as boards and ATS digests lay it out: the line right above the
    employer's line ("Solutions Engineer" / "Acme Systems · Denver (Hybrid)")."""
    if not company or len(company) < 3:
        return None
    for m in re.finditer(rf"^[ \t]*{re.escape(company)}[\w.,&' \t]{{0,20}}?[ \t]+[·•|–—-][ \t]+\S", body, re.MULTILINE):
        above = [line.strip() for line in body[: m.start()].splitlines() if line.strip()][-1:]
        if not above or len(above[0].split()) > 8 or re.search(r"[.!?:]$|https?:|@", above[0]):
            continue
        role = _cut_role(above[0], normalize_company(company))
        if role and TITLE_WORDS.search(role):
            return role
    return None


_QUOTED_SCAN, _INTRO_ROLE_SCAN, _WEAK_INTRO_SCAN, _BEFORE_PROCESS_SCAN = map(StartScan, (_QUOTED, _INTRO_ROLE, _WEAK_INTRO, _BEFORE_PROCESS))
"""The phrases tried only where their first words are (``worker.prefilter_case``): the same matches."""


_SUBJECT_TAG = re.compile(r"^[ \t]*\[[^\[\]\n]{1,40}\][ \t]*(?=\S)")
"""A bracketed tag opening a subject ("[Tarnwick] Data Analyst - application status"): a sender's label, never the title."""


def _find_role(subject: str, body: str, company: str | None) -> str | None:
    company_key = normalize_company(company) if company else ""
    body = body[:6000]
    subject = _SUBJECT_TAG.sub("", subject)
    other = _other_role(body, company_key)
    if other:
        return other
    for pattern in (_FIELD, _FIELD_BELOW):
        for m in pattern.finditer(body):
            role = _cut_role(_DOUBLET.sub(r"\1", m.group("role")), company_key)
            if role:
                return role
    for text in (subject, body):
        for m in _QUOTED_SCAN.finditer(text):
            role = _cut_role(GENDER_MARKER.sub(" ", m.group("role")), company_key)
            if role:
                return role
    role = _phrase_role(subject, company_key) or _subject_role(subject, company_key)
    if role:
        return _complete(role, body)
    return _phrase_role(body, company_key, subject) or _card_role(body[:2000], company) or _team_role(body, company_key)


_TEAM_LINE = re.compile(r"^[ \t]*(?:the[ \t]+)?(?P<role>[^\n]{3,80}?)[ \t]+(?:hiring[ \t]+|recruiting[ \t]+|recruitment[ \t]+|selection[ \t]+)?(?:team|panel|committee)[ \t]*$", re.IGNORECASE | re.MULTILINE)


def _team_role(body: str, company_key: str) -> str | None:
    """The title in a sign-off that names the hiring team after the job ("Best regards,\nData
    Analyst Internship Team"), when nothing before named one; never the company's own team."""
    tail = "\n".join(line for line in body.rstrip().splitlines()[-6:])
    for m in _TEAM_LINE.finditer(tail):
        role = _cut_role(m.group("role"), company_key)
        if role and TITLE_WORDS.fullmatch(role.split()[-1]) and not _is_company_part(role, company_key):
            return role  # a job noun last: "Engineering Hiring Team" names a department
    return None


def _phrase_role(text: str, company_key: str, subject: str = "") -> str | None:
    """A title after an introducing phrase ("application for X", "Bewerbung als X",
    "au poste de X") or before a job noun ("the X role")."""
    best = None
    m = _INTRO_ROLE_SCAN.search(text)
    tries = 0
    while m and tries < 40:
        role = _cut_role(m.group("role"), company_key)
        if not role and _STRONG_NOUN.search(text, m.start(), m.start("role")):
            low = _LOWER_ROLE.match(m.group("role"))
            role = clean_role(low.group("role")) if low and low.group("role").lower() not in _NOT_ROLE and low.group("role").split()[0] not in _ROLE_STOP else None
        if role:
            best = (m.start(), role)
            break
        # no title here: an intro inside what was taken as the title may hold one
        # ("your application for a post, in the role of Lab Engineer")
        m = _INTRO_ROLE_SCAN.search(text, m.start() + 1)
        tries += 1
    for m in _WEAK_INTRO_SCAN.finditer(text):
        if best is not None and m.start() > best[0]:
            break
        role = _cut_role(m.group("role"), company_key)
        if role and (TITLE_WORDS.search(role) or (subject and role in subject)):
            best = (m.start(), role)
            break
    for tries, m in enumerate(_BEFORE_NOUN.finditer(text)):
        if tries >= 8 or (best is not None and m.start() > best[0]):
            break
        role = _last_phrase(m.group("role"), company_key)
        if role:  # the first title before a job noun ("your application. … for the X position")
            best = (m.start(), role)
            break
    if best is None:
        for m in _BEFORE_PROCESS_SCAN.finditer(text):
            role = _last_phrase(m.group("role"), company_key)
            if role and TITLE_WORDS.search(role):
                best = (m.start(), role)
                break
    return best[1] if best else None


_ABBREVIATIONS = frozenset("sr. jr. snr. jnr. asst.".split())
"""Abbreviations that open a title with a full stop ("Sr. Data Analyst"): no sentence ends there."""


def _last_phrase(raw: str, company_key: str) -> str | None:
    """The title right before a job noun: the words after the last article or stop word."""
    words = raw.split()
    start = 0
    for i, word in enumerate(words):
        low = word.lower().strip(",.;:")
        if low == "of" and 0 < i < len(words) - 1 and words[i - 1][:1].isupper() and words[i + 1][:1].isupper():
            continue
        if word.endswith(",") and i >= start and TITLE_WORDS.search(word) and 1 <= len(words) - i - 1 <= 2 and all(w[:1].isupper() for w in words[i + 1:]):
            continue  # "the Product Manager, Growth role": a specialty after the comma
        if ((low in _ROLE_STOP or low in _ROLE_LEAD) and not (word.isupper() and len(word) > 1)) or (word.endswith((",", ".", ";", ":")) and word.lower() not in _ABBREVIATIONS):
            start = i + 1
    return _cut_role(" ".join(words[start:]), company_key)


def _cut_role(raw: str, company_key: str) -> str | None:
    """The title at the start of raw text: up to a gender marker, a requisition id, a clause
    word, the company, or punctuation; leading articles and trailing job nouns dropped."""
    raw = _PAREN_ID.sub("", raw.lstrip(" \t\"„“«'‘"))
    marker = GENDER_MARKER.search(raw)
    if marker:
        rest = raw[marker.end():]
        raw = raw[: marker.start()] + (" " + rest.lstrip() if _AREA.match(rest) else "")
    raw = _drop_parts(raw, company_key)
    raw = re.split(r"\s+[|·•]\s+|\s+[-–—]\s+(?=(?:[a-zà-ÿ]|[A-ZÀ-Þ][a-zà-ÿ]+\s+(?!(?:at|with|within|bei|chez|bij|für|for|in|en)\b)[a-zà-ÿ]))|[!?;\"“”«»]|(?<!\bSr)(?<!\bJr)(?<!\bSnr)(?<!\bJnr)(?<!\bAsst)\.(?:\s|$)|:\s", raw, maxsplit=1)[0]
    raw = _ROLE_JUNK.sub("", raw)
    raw = _LEADING_ID.sub("", _drop_company(raw, company_key))
    inside = re.match(r"[ \t]*\(([^()]{2,80})\)", raw)
    if inside:  # "Tarnwick (Data Analyst)" once the company is dropped
        raw = inside.group(1)
    words = _title_words(raw.split(), company_key)
    while words and words[0].lower().strip("'’") in _ROLE_LEAD and not (words[0] in ("Process", "Proceso", "Mission") and len(words) > 1):
        words.pop(0)
    while words and words[-1].lower() in _ROLE_TAIL:
        words.pop()
    role = clean_role(" ".join(words))
    return role if _plausible_role(role, company_key) else None


_AREA = re.compile(r"[ \t]+(?:im Bereich|in the area of|dans le domaine d[eu']?|en el área de|op het gebied van)[ \t]+(?-i:[A-ZÀ-Þ])", re.IGNORECASE)
"""The field a title is in, after it ("Praktikant im Bereich Marketing"): part of the title, also
after a gender marker ("Praktikant (m/w/d) im Bereich Marketing")."""

_PART_SPLIT = re.compile(r"[ \t]+[-–—|][ \t]+|[ \t]*[–—][ \t]*")
_ASIDE = re.compile(r"[ \t]*\((?:(?i:via|through|über|par|por|door)\b[^()\n]*|[A-ZÀ-Þ][\w'-]+[ \t]+[A-ZÀ-Þ][\w'-]+)\)")


def _drop_parts(raw: str, company_key: str) -> str:
    """A title without the parts a subject or a sentence puts around it: a status before it
    ("Interview - Platform Engineer"), the company or a status after it ("Koeltechnicus - Acme",
    "Chef de projet - 2e entretien", "Analyst – application received"), an aside naming a
    channel or a person ("Payroll Clerk (via Jobboard)", "Data Analyst (Jordan Ellis)")."""
    raw = _ASIDE.sub(lambda m: "" if "(" in m.group(0) and (_VIA_WORD.search(m.group(0)) or is_person_name(m.group(0).strip(" ()"))) else m.group(0), raw)
    parts = _PART_SPLIT.split(raw)
    if len(parts) < 2:
        return raw
    while len(parts) > 1 and _is_status(parts[0]):
        parts.pop(0)
    for i in range(1, len(parts)):
        if _is_status(parts[i]) or _is_company_part(parts[i], company_key):
            parts = parts[:i]
            break
    return " - ".join(parts)


_VIA_WORD = re.compile(r"(?i)^\W*(?:via|through|über|par|por|door)\b")


def _is_status(part: str) -> bool:
    """A subject part that says what happened, not what the job is ("Interview", "Application
    received", "2e entretien", "Absage")."""
    words = part.split()
    return 1 <= len(words) <= 4 and bool(SUBJECT_NOISE.search(part)) and not TITLE_WORDS.search(part)


def _is_company_part(part: str, company_key: str) -> bool:
    """A part that names the company, whole or its leading words ("Vrieswijk" for Vrieswijk
    Nederland)."""
    key = normalize_company(part)
    return bool(company_key) and len(key) >= 3 and (key == company_key or company_key.startswith(key) or key.startswith(company_key))


_PAREN_ID = re.compile(r"[ \t]*\((?i:job|req|ref|réf|id|vac|kennziffer|referencia|referentie|no\.?|nr\.?|number|candidate)\b[^)\n]*\)?")
_LEADING_ID = re.compile(r"^\s*(?!(?:19|20)\d\d[ \t]+(?-i:[A-ZÀ-Þ][a-zà-ÿ]))(?:(?:req|ref|réf|job|id|kennziffer|vac|vacaturenummer|referentie|referencia|nr|no)\b\.?\s*[:#]?\s*)?(?=[\w-]*\d{3})[A-Z]{0,4}-?\d[\w/-]*\s+(?:[-–—|:]\s+)?", re.IGNORECASE)


def _drop_company(raw: str, company_key: str) -> str:
    """Text without the company name it opens with ("Lumenworks – Frontend Engineer")."""
    words = raw.split()
    joined = ""
    for i, word in enumerate(words[:6]):
        joined += re.sub(r"[^\w]", "", word.lower())
        if company_key and joined == company_key and i + 1 < len(words):
            return re.sub(r"^[-–—|:,]\s*", "", " ".join(words[i + 1:]))
        if not company_key.startswith(joined):
            break
    return raw


def _title_words(words: list[str], company_key: str) -> list[str]:
    """The leading words that can belong to a title (see `_cut_role`)."""
    kept: list[str] = []
    depth = 0
    area = -1
    for i, word in enumerate(words):
        low = word.lower().strip(",.")
        if kept and _AREA.match(" " + " ".join(words[i:i + 5])):
            area = i + len(_AREA.match(" " + " ".join(words[i:i + 5])).group(0).split()) - 1
        if i < area:
            kept.append(word)
            continue
        if depth == 0 and kept and ((low in _ROLE_STOP and not word.isupper()) or _SENTENCE_WORD.fullmatch(word.rstrip(",.;:")) or _starts_company(words[i:], company_key)):
            break
        if depth == 0 and low in _ROLE_JOIN and not (i + 1 < len(words) and words[i + 1][:1].isupper() and not _starts_company(words[i + 1:], company_key)) and not _lower_pair(words, i):
            break
        if word.startswith("("):
            if re.search(r"\d{3}|\d[\d./-]|,", " ".join(words[i:i + 4]).split(")")[0]):
                break
            depth += 1
        if word.endswith(")"):
            depth = max(depth - 1, 0)
        if depth == 0 and word.endswith(",") and kept:
            tail: list[str] = []
            for t in words[i + 1:i + 4]:
                if not t[:1].isupper() or t.lower().strip(",.;:") in _ROLE_STOP:
                    break
                tail.append(t)
                if t.endswith((",", ".", ";", ":")):
                    break
            after = words[i + 1 + len(tail):i + 2 + len(tail)]
            ends = not after or after[0].lower().strip(",.") in _ROLE_STOP or tail[-1:] != [] and tail[-1].endswith((",", ".", ";", ":"))
            if not (1 <= len(tail) <= 2 and all(t[:1].isupper() for t in tail) and ends and not _starts_company(tail, company_key)):
                kept.append(word.rstrip(","))
                break
        kept.append(word)
        if len(kept) >= 10:
            break
    if depth > 0:  # an aside cut off inside its parenthesis ("BWL-Bank (Start 1")
        opened = max(i for i, w in enumerate(kept) if w.startswith("("))
        kept = kept[:opened]
    return kept


def _lower_pair(words: list[str], i: int) -> bool:
    """A join between two lower-case qualifiers of one title ("Directeur administratif et
    financier", "Responsable marketing y comunicación"): the word after ends the title."""
    if not (0 < i < len(words) - 1) or words[i].lower() not in ("et", "y", "e", "und", "en"):
        return False
    before, nxt = words[i - 1], words[i + 1].rstrip(",.;:")
    end = i + 2 >= len(words) or words[i + 1].endswith((",", ".", ";", ":")) or words[i + 2].lower().strip(",.") in _ROLE_STOP | _ROLE_TAIL
    return before.isalpha() and before.islower() and nxt.isalpha() and nxt.islower() and nxt not in _ROLE_STOP and len(nxt) >= 4 and end


def _starts_company(words: list[str], company_key: str) -> bool:
    if not company_key or not words:
        return False
    joined = ""
    for word in words[:6]:
        joined += re.sub(r"[^\w]", "", word.lower())
        if joined == company_key or normalize_company(joined) == company_key:
            return True
        if not company_key.startswith(joined):
            return False
    return False


def clean_role(role: str) -> str:
    role = GENDER_MARKER.sub("", role)
    role = _NOUN_SUFFIX.sub("", role)
    role = _ROLE_JUNK.sub("", role)
    return role.strip(" \t-–—:#'\"“”‘’,.")


_NOUN_SUFFIX = re.compile(r"(?<=\w)-(?:Stelle|Position|Rolle|Job|Vakanz|Stellenangebot)\b")
"""A job noun written onto the title ("Backend-Engineer-Stelle"): the title is what comes before."""

_DATE_WORD = re.compile(
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|june|july|august|september|october|november|december"
    r"|montag|dienstag|mittwoch|donnerstag|freitag|lundi|mardi|mercredi|jeudi|vendredi|lunes|martes|miércoles|jueves|viernes|maandag|dinsdag|woensdag|donderdag|vrijdag)\b"
)
"""A day or a month opening the text: a date, never a title ("Thursday, March 12")."""


_PRONOUNS = frozenset("je jou jouw uw mijn your my me votre ton ta tu su sus ihre ihr ihren ihrem ihrer ihnen deine dein mein meine".split())
"""Words that open a phrase about the reader, never a title ("Je stage-aanvraag", "jou")."""


def _plausible_role(role: str, company_key: str) -> bool:
    words = role.split()
    if not words or len(words) > 10 or len(role) < 2:
        return False
    low = role.lower()
    if _DATE_WORD.match(low):
        return False
    if words[0].lower() in _PRONOUNS:
        return False
    if low in _NOT_ROLE or low in _GENERIC_ROLE or (words[0].lower() in _ROLE_STOP and not (words[0][:1].isupper() and len(words) > 1 and TITLE_WORDS.search(role))) or words[0].lower() in ("all", "any", "other", "another", "future", "more", "similar", "such", "same", "new"):
        return False
    if company_key and company_key.startswith(normalize_company(role)):
        return False
    if SUBJECT_NOISE.search(role) and not TITLE_WORDS.search(role):
        return False
    if not any(c.isupper() for c in role) and not TITLE_WORDS.search(role):
        return False
    return not re.search(r"\b(?:we|you|i|our|your|will|would|have|has|had|been|thank|thanks|please|unfortunately|ihre|ihnen|wir|nous|vous|hemos|wij|jouw)\b", role)


SUBJECT_SPLIT = re.compile(r"\s+[-–—|:/]\s+|\s*[|:]\s*|\s*[–—]\s*")
SUBJECT_NOISE = Lowered(re.compile(
    r"^(?:(?:your|ihre|deine|votre|tu|su|je|uw)\s+)?(?:application|bewerbung|candidature|candidatura|sollicitatie|postulación|solicitud)\b|^(?:re|aw|fwd?|wg|tr|rv)\b"
    r"|\b(?:update|status|outcome|result|feedback|decision|next steps?|invitation|reminder|confirmation|received|thank|thanks|unfortunately|interview|offer|assessment|absage|zusage|einladung|entscheidung|"
    r"rückmeldung|ergebnis|eingangsbestätigung|erinnerung|résultat|réponse|suite|retour|point|entretien|resultado|actualización|novedades|comunicación|entrevista|uitslag|terugkoppeling|uitnodiging|"
    r"ontvangstbevestiging|reactie|uitkomst|aanbod|kennismaking|fallstudie|online-tests?|capaciteitentest|vragenlijst|journ[ée]e d'[ée]valuation|journ[ée]e de recrutement|desaf[ií]o|exercice|questionnaire|take-home|thuisopdracht|proefdag|hospitation|acknowledgement|acuse|accusé|confirmación|proceso|mission|opportunité|opportunity|ausschreibung|case study)\b",
    re.IGNORECASE,
))


def _subject_role(subject: str, company_key: str) -> str | None:
    """A subject made of parts ("Acme | Senior Backend Engineer – Ref 12"): the part that
    reads as a title, or the title words inside a part ("Terugkoppeling Senior Data Scientist")."""
    role = _beside_application(subject, company_key)
    if role:
        return role
    marker = GENDER_MARKER.search(subject)
    if marker:
        head = SUBJECT_SPLIT.split(subject[: marker.start()])[-1]
        role = _cut_role(_drop_intro(head), company_key)
        if role:
            return role
    parts = [p.strip() for p in SUBJECT_SPLIT.split(subject) if p.strip()]
    parts += re.findall(r"\(([^()]{3,60})\)", subject)
    for part in parts:
        part = _ROLE_JUNK.sub("", part)
        if _starts_company(part.split(), company_key) and len(part.split()) <= 4:
            continue
        if "(" in part and not TITLE_WORDS.search(re.sub(r"\([^()]*\)?", " ", part)):
            continue
        if TITLE_WORDS.search(part):
            title = _drop_intro(part)
            if title == part and SUBJECT_NOISE.match(part.strip()):
                continue
            role = _cut_role(title, company_key)
            if role and TITLE_WORDS.search(role):
                return role
    return None


_APPLICATION_PART = re.compile(
    r"(?i)(?:(?:thank you for|thanks for|merci pour|vielen dank für|danke für|gracias por|bedankt voor)\s+)?(?:(?:your|ihre|ihrer|deine|votre|ta|tu|su|je|jouw|uw)\s+)?"
    r"(?:job\s+)?(?:application|bewerbung|candidature|candidatura|sollicitatie|postulaci[oó]n|solicitud)"
    r"(?:\s+(?:received|confirmed|submitted|update|status|eingegangen|erhalten|bestätigt|reçue|confirmée|enregistrée|recibida|confirmada|ontvangen|bevestigd))?"
    r"|(?:eingangsbestätigung|empfangsbestätigung|accusé de réception|acuse de recibo|ontvangstbevestiging)(?:\s+(?:ihrer|ihre|deiner|de votre|de tu|van je|van uw)\s+(?:bewerbung|candidature|candidatura|sollicitatie))?"
)
"""A subject part that only says an application was made or received ("Your application",
"Bewerbung eingegangen", "Candidature reçue"): the other part of such a subject is the title."""


def _beside_application(subject: str, company_key: str) -> str | None:
    """The title in a two-part subject whose other part is only about the application
    ("Your application: Warehouse Picker", "Warehouse Picker – application received"). Without
    a known company the title needs a title word, so that a company is not taken for one."""
    parts = [p.strip() for p in SUBJECT_SPLIT.split(subject) if p.strip()]
    if len(parts) != 2:
        return None
    for app, other in ((parts[0], parts[1]), (parts[1], parts[0])):
        if not _APPLICATION_PART.fullmatch(app) or not _capword(other.split()[0]) or _is_status(other) or _is_company_part(other, company_key):
            continue
        role = _cut_role(other, company_key)
        if role and len(role.split()) <= 6 and (company_key or TITLE_WORDS.search(role)):
            return role
    return None


def _capword(word: str) -> bool:
    """A capitalized word, or a brand-style one with a capital inside ("iOS", "eCommerce")."""
    return word[:1].isupper() or (word[:1].islower() and any(c.isupper() for c in word[1:4]) and word.isalpha())


def _drop_intro(part: str) -> str:
    """A subject part without the status words before its title ("Uitslag assessment Traineeship
    Finance" gives "Traineeship Finance"): the title starts at the capitalized run holding a title word."""
    words = part.split()
    for i in range(len(words)):
        rest = " ".join(words[i:])
        head = words[i]
        if _capword(head) and not SUBJECT_NOISE.search(head) and head.lower() not in _ROLE_LEAD and TITLE_WORDS.search(rest):
            if all(_capword(w) or w[:1] in "(&" or w.lower() in ("de", "of", "&", "du", "des", "d'", "del", "en", "y", "et", "und", "and", "für", "for", "in", "la", "le") or "/" in w for w in words[i:]):
                return rest
            continue
    return part


def _aside(text: str) -> bool:
    """A parenthesis naming a channel or a person, not a part of the title ("(via Jobboard)", "(Jordan Ellis)")."""
    inner = text.strip(" \t()")
    return bool(_VIA_WORD.search(inner)) or is_person_name(inner)


def _complete(role: str, body: str) -> str:
    """The subject's title, completed by the body when it writes a longer form ("Category
    Manager" and "Category Manager - Dairy", "Backend Engineer" and "Backend Engineer (Go)")."""
    i = body.find(role)
    if i < 0:
        return role
    m = re.match(r"(?:[ \t]+[-–][ \t]+[A-Z0-9][\w+]*(?:[ \t]+[A-Z][\w+]*){0,2}(?=[ \t]*(?:\n|$|[,.;:)(])|[ \t]+(?:role|position|post|vacancy|opening|at|with|in|for|bei|chez|bij|en)\b)"
                 r"|[ \t]+\([A-Za-z][\w ]{1,30}\)(?![\w-]))", body[i + len(role):])
    if m and not GENDER_MARKER.match(m.group(0)) and not re.search(r"\d{3}", m.group(0)) and not _aside(m.group(0)):
        return role + m.group(0)
    return role


TITLE_WORDS = Lowered(re.compile(
    r"\b(?:engineer|developer|analyst|scientist|specialist|coordinator|co[oö]rdinator|assistant|associate|consultant|officer|director|lead|intern|internship|trainee|administrator|architect"
    r"|representative|advisor|adviser|executive|accountant|technician|nurse|teacher|writer|editor|producer|researcher|recruiter|planner|operator|agent|clerk|controller|strategist|owner|head|supervisor|adjuster"
    r"|buyer|solicitor|lecturer|programme|program|graduate|apprentice|fellow|partner|receptionist|recepcionista|chef|cook|driver|barista|sre|devops|qa|ux|ui|cto|cfo|ceo|sde"
    r"|student|chief|vp|sdr|bdr|counsel|sachbearbeit|koordination|werkstudent|ingenieur|projektleiter|kaufmann|kauffrau|fachangestellte|pfleger|erzieher|praktikant|praktikum|konstrukteur|geschäftsführ|mechatroniker"
    r"|charg[ée]|responsable|ing[ée]nieure?|d[ée]veloppeu|stagiaire|stage|alternance|analyste|consultante?|technicien|gestionnaire|directeur|directrice|commercial|comptable|conseill|vendeu"
    r"|desarrollador|gerente|contr[ôo]leur|ingenier[oa]|t[ée]cnico|analista|becari[oa]|jefe|auxiliar|administrativ|gestor|coordinador|ejecutiv[oa]|tripulante|conductor|dependiente|dise[ñn]ador|programador|enfermer"
    r"|ontwikkelaar|adviseur|consulent|asistente|asesor|enseignant|beheerder|stagiair|teamleider|projectleider|begeleider|jurist|verpleegkundige|werkvoorbereider|traineeship|beleidsmedewerker|boekhouder"
    r")"
    r"|\b(?:rep|minijob|studium|operative|teller|master|generalist|steward|stewardess|attendant|courier|guard|carpenter|hairdresser|stylist|photographer|journalist|reporter|translator|interpreter"
    r"|librarian|biologist|chemist|physicist|technologist|dentist|hygienist|midwife|paramedic|surgeon|doctor|veterinarian|psychologist|counsell?or|worker|host|hostess|concierge|gardener"
    r"|baker|butcher|florist|tailor|machinist|fitter|installer|assembler|fabricator|roofer|bricklayer|painter|decorator|joiner|locksmith|scheduler|stocker|loader|sorter|handler|runner"
    r"|dishwasher|lifeguard|coach|trainer|principal|professor|postdoc|curator|archivist|artist|animator|illustrator|tester|investigator|examiner|underwriter|broker|trader|banker"
    r"|negotiator|notary|secretary|typist|moderator|sourcer|firefighter|constable|detective|deckhand|navigator"
    r"|graphiste|acheteu(?:r|se)|manutentionnaire|cariste|op[ée]rat(?:eur|rice)|h[ôo]tesse|r[ée]ceptionniste|commis|plongeu(?:r|se)|m[ée]decin|avocate?|r[ée]dact(?:eur|rice)|traduct(?:eur|rice)|format(?:eur|rice)|professeure?|coordinat(?:eur|rice)|superviseu(?:r|se)|auditeu(?:r|se)"
    r"|contable|ayudante|mozo|encargad[oa]|especialista|consultor[a]?|director[a]?|redactor[a]?|traductor[a]?|docente|investigador[a]?|practicante"
    r"|beveiliger|administrateur|vakkenvuller|orderpicker|heftruckchauffeur|koch|köchin|meister|cashier|waiter|waitress|bartender|cleaner|caregiver|carer|electrician|plumber|mechanic|welder|picker|packer|porter|housekeeper|pharmacist|physician|therapist|paralegal|tutor|instructor"
    r"|copywriter|marketer|attorney|lawyer|auditor|economist|actuary|statistician|pilot|merchandiser|inspector|surveyor|estimator|dispatcher|foreman|labou?rer|janitor|custodian|bookkeeper|salesperson|storekeeper"
    r"|verkäufer|verkaeufer|kassierer|fahrer|elektriker|elektroniker|mechaniker|schreiner|tischler|friseur|kellner|bäcker|metzger|lagerist|disponent|buchhalter|referent|pflegefachkraft|altenpfleger|arzt|ärztin|oberarzt|apotheker|steuerfachangestellte|industriekauf|bürokauf"
    r"|serveur|serveuse|cuisinier|cuisini[eè]re|caissi[eè]re?|magasinier|infirmi[eè]re?|aide-soignante?|pr[ée]parateur|livreur|chauffeur|employ[ée]|opticien|pharmacien|boulanger|p[aâ]tissier|[ée]ducateur|[ée]ducatrice|animateur|animatrice|conducteur|ouvrier|juriste|secr[ée]taire"
    r"|camarer[oa]|cociner[oa]|cajer[oa]|vendedor|vendedora|repartidor|operari[oa]|reponedor|limpiador|abogad[oa]|contador|contadora|farmac[eé]utic[oa]|m[eé]dic[oa]|profesor|profesora|maestr[oa]|azafat[oa]|mec[aá]nico|electricista|soldador"
    r"|verkoper|verkoopster|kok|schoonmaker|bezorger|kassamedewerker|magazijnmedewerker|docent|leerkracht|apotheker|timmerman|loodgieter|elektricien|secretaresse|receptioniste|kapper)(?:s|in|innen|e|es|a|as)?\b"
    r"|(?:manager|designer|engineer|developer|analyst|analist|assistent|techniker|helfer|aushilfe|mechaniker|mechatroniker|referent|kraft|elektriker|elektroniker|fahrer|kaufmann|kauffrau|arbeiter|angestellte|pfleger|erzieher|ingenieur|informatiker|planer|berater|leiter|leitung|entwickler|mitarbeiter|medewerker|innendienst|außendienst|fachkraft|assistenz|monteur|programm|adviseur|leider)",
    re.IGNORECASE,
))
