"""What a name in a job email is: an employer's name, its legal form, a person, a vendor.

Shared by the sender and the text readers of ``company``: the word lists and the folded key
that lets "Savia Energía", "SAVIA ENERGIA S.A." and savia-energia.com meet.
"""

import re
from functools import lru_cache

from worker.prefilter_case import Lowered
from worker.text import fold

LEGAL_SUFFIX = Lowered(re.compile(
    r"[\s,]+(?:inc|incorporated|llc|l\.l\.c|ltd|limited|private limited|pvt\.? ltd|pvt|gmbh(?: & co\.? kg)?|ggmbh|\w*gesellschaft mbh|mbh|ag|se|kg|kgaa|ug|e\.?\s?v|b\.?\s?v|n\.?\s?v|"
    r"s\.?\s?a\.?\s?s|s\.?\s?a\.?\s?r\.?\s?l|sarlu?|sasu|eurl|s\.?\s?a|s\.?\s?l\.?\s?u?|s\.?\s?p\.?\s?a|s\.?\s?a\.? de c\.?\s?v|s\.?\s?a\.?\s?c|s\.?\s?c\.?\s?a|s\.? ?coop|e\.?\s?i\.?\s?r\.?\s?l|ltda|s\.? de r\.?\s?l|a[öo]r|k[öo]r|plc|corp|corporation|co|pty(?: ltd)?|oy|ab|aps|as|bv|nv|sa|sl|sas|srl|spa|llp|lp)\.?$",
    re.IGNORECASE,
))
"""Legal forms at the end of a company name, removed when names are compared or shown."""

_LEGAL_PREFIX = re.compile(r"^(?:stichting|vereniging)\s+(?=\S)", re.IGNORECASE)
"""Legal forms written before the name (Dutch foundations and associations)."""

SENDER_NOISE = Lowered(re.compile(
    r"\b(?:(?:hr|human resources|recruitment|recruiting|personnel|people) department|departamento de (?:recursos humanos|rrhh|selecci[oó]n)|d[ée]partement (?:rh|recrutement)"
    r"|afdeling (?:hr|p&o|personeelszaken)|hiring team|hiring|recruiting team|recruiting|recruitment team|recruitment|recruiters?|graduate recruitment|early careers|early talent|campus recruiting|university recruiting"
    r"|talent acquisition team|talent acquisition|talent team|talent|acquisition|careers?|jobs?|hr team|hr|people & culture|people and culture|people team|people|culture|team|teams"
    r"|no-?reply|notifications?|mailer|karriere|personal|personalabteilung|personalmanagement|personalwesen|bewerbermanagement|recruiting-team|human resources|ressources humaines|rh|recrutement|emploi|empleo"
    r"|selecci[oó]n de personal|selecci[oó]n|rrhh|recursos humanos|reclutamiento|talento|werving & selectie|werving en selectie|werving|selectie|p&o|personeelszaken|hoofdkantoor|recruitmentteam"
    r"|applications?|applicant|the|rr\.? ?hh\.?|hauptamt|personalamt|ausbildung|duales studium|personalstelle|personalservice|hr services|recruitment cell|gesti[oó]n humana|gesti[oó]n del talento|atracci[oó]n de talento|desarrollo humano|talento humano|capital humano|campus|carri[eè]res|carreras|empleos|équipe|equipe|equipo|admissions|graduates|bewerbungen|bewerbung|vacatures|sollicitaties|staffing|service)(?![\w&])",
    re.IGNORECASE,
))

JOINERS = frozenset({"of", "and", "de", "du", "des", "la", "le", "el", "del", "der", "die", "und", "et", "y", "van", "von", "für", "for", "&", "-", "the", "at", "bei", "chez", "bij", "en", "from"})
VENDOR_WORDS = frozenset({"linkedin", "indeed", "glassdoor", "xing", "stepstone", "infojobs", "computrabajo", "welcometothejungle", "docusign", "hackerrank", "codility", "goodtime", "calendly"})
EMAIL = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")
GENERIC_LABELS = frozenset({"mail", "email", "e", "em", "mg", "bounce", "hire", "jobs", "job", "careers", "career", "karriere", "us", "eu", "app", "notifications", "notification",
                             "no-reply", "noreply", "donotreply", "recruiting", "recruitment", "talent", "hr", "www", "apply", "bewerbung", "bewerbungen", "info", "support",
                             "system", "candidates", "candidate", "mailer", "reply", "emploi", "empleo", "werkenbij", "seleccion", "rrhh"})

NOT_EMPLOYER = Lowered(re.compile(
    r"^(?:linkedin|indeed|glassdoor|xing|stepstone|infojobs|computrabajo|welcome to the jungle|docusign|zoom|teams|microsoft teams|google meet|google|calendly|ma'am|sir|madam)$"
    r"|\b(?:interview|application|assessment|entretien|entrevista|gespräch|sollicitatie|bewerbung|candidature|candidatura|update|status|feedback|decision|entscheidung|offer|angebot|opportunity|opportunities|vacancy|vacature)\b",
    re.IGNORECASE,
))
TITLE_END = Lowered(re.compile(r"\b(?:engineer|developer|manager|designer|analyst|scientist|specialist|consultant|recruiter|partner at|officer|director|lead|intern|trainee|internship|apprenticeship|traineeship"
                               r"|representative|coordinator|administrator|assistant|accountant|technician|apprentice)$", re.IGNORECASE))

STOP_COMPANY = frozenset(
    """i we you our us the this that it your a an my he she they dear hi hello hey thank thanks
    unfortunately regards best kind sincerely application applications role position job jobs team
    interview monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december linkedin indeed glassdoor greenhouse
    lever workday hr ich wir sie du ihr ihre leider vielen danke je nous vous tu votre merci
    malheureusement bonjour nosotros usted gracias hola estimado estimada lamentablemente ik wij
    je jij u helaas beste bedankt this these those here there mr mrs ms all any every some ihnen dir dich euch uns
    januar februar märz mai juni juli oktober dezember janvier février mars avril juin juillet
    août septembre octobre novembre décembre enero febrero marzo abril mayo junio julio agosto
    septiembre octubre noviembre diciembre januari februari maart mei augustus oktober
    montag dienstag mittwoch donnerstag freitag lundi mardi mercredi jeudi vendredi lunes martes
    miércoles jueves viernes maandag dinsdag woensdag donderdag vrijdag""".split()
)

@lru_cache(maxsize=4096)
def is_legal_form(name: str) -> bool:
    """Whether a name is only a legal form ("GmbH", "Inc.", "corp"): never an employer alone."""
    return bool(name.strip()) and not LEGAL_SUFFIX.sub("", " " + name.strip()).strip(" .,")


def normalize_company(name: str) -> str:
    """A key that compares two ways of writing one employer: lower case, legal form removed,
    punctuation and spaces dropped ("Acme, Inc." and "ACME" give "acme")."""
    name = strip_legal_suffix(name)
    return re.sub(r"[^\w]", "", name.lower())


@lru_cache(maxsize=4096)
def strip_legal_suffix(name: str) -> str:
    """The name without its legal form ("Acme GmbH", "Stichting Acme" give "Acme")."""
    name = name.strip(" \t.,;:-–|\"'")
    for _ in range(2):
        name = LEGAL_SUFFIX.sub("", name).strip(" \t.,;:-–|\"'")
    return _LEGAL_PREFIX.sub("", name)


UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})


@lru_cache(maxsize=4096)
def name_key(text: str) -> str:
    """Lower case without accents or punctuation: "Savia Energía" and "saviaenergia" meet."""
    return "".join(c for c in fold(text) if c.isalnum())


PERSONAL_WORDS = frozenset({"bank", "group", "groep", "gruppe", "grupo", "groupe", "labs", "lab", "health", "systems", "software", "foods", "pharma", "energy", "studio", "studios",
                             "partners", "partner", "consulting", "ai", "tech", "technologies", "solutions", "services", "gemeente", "stichting", "capital", "digital", "data",
                             "analytics", "media", "logistics", "logistik", "insurance", "university", "council", "hotel", "hotels", "kliniken", "stadtwerke", "agentur", "atelier",
                             "maisons", "banque", "banco", "farmacias", "transports", "transportes", "compagnie", "company", "inc", "ltd", "gmbh", "verzekeringen", "bakkerij", "brasserie",
                             "medien", "médias", "medios", "museum", "museo", "musée", "college", "verlag", "versicherung", "versicherungen", "techniek", "technik", "elektro",
                             "bau", "maschinenbau", "apotheke", "klinik", "zorggroep", "logistiek"})
"""Words that make a two-word display name an organisation rather than a person."""

ORG_WORDS = frozenset({"technologies", "technology", "trust", "digital", "studio", "fintech", "ai", "labs", "systems", "software", "solutions", "analytics", "group", "holding",
                        "partners", "consulting", "services", "foundation", "association", "university", "bank", "health", "healthcare", "estudio", "advocaten"})
"""Trailing words that complete a company name written after its short form."""

VENUE_WORDS = frozenset({"bistrot", "bistro", "restaurant", "restaurante", "café", "cafe", "cafeteria", "cafetería", "bar", "bakery", "boulangerie", "panadería", "panaderia",
                          "bakkerij", "bäckerei", "gasthaus", "gasthof", "brasserie", "hôtel", "hostal", "pizzeria", "trattoria", "salon", "salón", "kapsalon", "atelier", "ateliers",
                          "studio", "estudio", "bureau", "agence", "agencia", "kanzlei", "praxis", "cabinet", "clinique", "clínica", "kita", "kindergarten", "crèche", "garage",
                          "taller", "boutique", "tienda", "winkel", "laden", "shop", "store", "farm", "nursery", "academy", "school", "escuela", "école", "schule", "hospital"})
"""Words that make a display name a business (a café writing from free mail), not a person."""


KIND_WORDS = frozenset(name_key(w) for w in VENUE_WORDS | {"hotel", "hotels", "groupe", "grupo", "gruppe", "groep", "group", "stichting", "gemeente", "stadt", "ville", "hospital",
                                                            "klinikum", "kliniken", "klinik", "universität", "université", "universidad", "universiteit", "fundación", "fondation",
                                                            "stiftung", "apotheke", "apotheek", "pharmacie", "farmacia", "pharmacy", "bouwbedrijf"})
"""Words naming a kind of organisation that is often written before the name ("Hotel", "Groupe",
"Restaurant"): "Restaurant Rosenkeller" and "Rosenkeller" are one employer."""

_ARTICLES = frozenset("the la le les l el los las de het die der das".split())


def personlike(name: str) -> bool:
    """Two or three capitalized words and none an organisation word: "Carina Wolf"."""
    words = name.split()
    return 2 <= len(words) <= 3 and all(w[:1].isupper() and w.replace("-", "").replace(".", "").isalpha() for w in words) and not any(
        w.lower() in PERSONAL_WORDS for w in words)


GIVEN_NAMES = frozenset(
    """james john robert michael william david richard joseph thomas charles christopher daniel matthew anthony donald steven paul andrew joshua kenneth
    kevin brian george timothy ronald edward jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin scott brandon benjamin samuel
    gregory alexander frank patrick raymond jack dennis jerry tyler aaron jose adam nathan henry zachary douglas peter kyle noah ethan jeremy walter
    christian keith roger terry austin sean gerald carl harold dylan arthur lawrence jordan jesse bryan billy bruce gabriel joe logan alan juan albert
    willie elijah wayne randy vincent liam oliver lucas owen luke isaac connor oscar harry leo toby callum jamie rory finn declan
    mary patricia jennifer linda elizabeth barbara susan jessica sarah karen lisa nancy betty sandra margaret ashley kimberly emily donna michelle carol
    amanda melissa deborah stephanie rebecca sharon laura cynthia dorothy amy kathleen angela shirley brenda emma anna pamela nicole samantha katherine
    christine helen debra rachel carolyn janet maria catherine heather diane olivia julie joyce evelyn frances joan christina kelly lauren judith megan
    andrea cheryl hannah jacqueline martha madison teresa gloria sara janice julia kathryn abigail sophia judy charlotte natalie grace amelia isabella
    mia chloe ella lily zoe lucy ellie sophie holly jessie katie claire fiona kate lydia naomi priya nadia alice
    hans peter klaus jürgen juergen wolfgang michael thomas andreas stefan frank uwe markus matthias christian martin bernd ralf torsten sven jens
    dirk holger tobias florian sebastian jan tim lukas lukas felix maximilian moritz niklas jonas leon paul philipp julian fabian dominik timo
    ursula sabine petra monika claudia susanne andrea birgit karin heike stefanie katrin anja nicole julia katharina anna lena lea laura lisa
    johanna marie sophie hannah leonie jana nina sandra silke ute gabriele renate ingrid kerstin annika franziska carina miriam vanessa
    jean pierre michel philippe alain nicolas christophe patrick françois francois laurent frédéric frederic éric stéphane stephane sébastien
    sebastien olivier thierry julien pascal guillaume antoine mathieu matthieu vincent benoît benoit romain maxime hugo louis théo theo
    marie nathalie isabelle sylvie catherine françoise francoise valérie valerie christine sandrine véronique veronique céline celine aurélie
    aurelie émilie emilie camille julie élodie elodie mathilde chloé léa lea manon pauline caroline amélie amelie margaux océane oceane
    josé jose antonio manuel francisco juan javier david daniel carlos jesús jesus alejandro miguel rafael pedro pablo sergio fernando jorge luis
    alberto álvaro alvaro diego adrián adrian andrés andres ramón ramon enrique vicente joaquín joaquin santiago
    carmen josefa isabel dolores pilar teresa ana lucía lucia cristina marta elena rosa paula raquel beatriz silvia patricia mónica monica
    alicia irene sonia nuria rocío rocio inés ines sofía sofia valentina daniela camila gabriela natalia mariana
    jan pieter kees henk johan willem wouter bas thijs daan sander bram joost maarten koen ruud stijn niels jeroen rik jasper
    anne ingrid marieke femke sanne lotte eva fleur iris lieke anouk esther ilse inge petra karin linda marloes
    giuseppe giovanni marco luca francesco alessandro andrea matteo lorenzo stefano giulia chiara francesca alessia federica
    ahmed mohamed mohammed ali omar hassan fatima aisha amir yusuf rahul amit arjun vikram anil sunil ravi deepak sanjay rohan
    kiran anjali pooja neha divya sneha wei li ming chen hiroshi yuki kenji ivan olga natasha dmitri sergei igor katarzyna piotr tomasz""".split()
)
"""Common given names: a display name that starts with one ("Claire Vautrin") is a person,
never an employer, even when the family name is in the company's domain."""


def is_person_name(name: str) -> bool:
    """Two or three capitalized words, none an organisation word, the first a common given name
    (a title such as "Dr" before it is skipped): "Claire Vautrin", "Dr Owen Prentiss"."""
    words = name.split()
    while words and fold(words[0]).strip(".") in ("mr", "mrs", "ms", "dr", "prof", "mme", "herr", "frau", "dhr", "mevr", "sr", "sra"):
        words = words[1:]
    return personlike(" ".join(words)) and fold(words[0]) in GIVEN_NAMES


def same_employer(a: str | None, b: str | None) -> bool:
    """Whether two names are one employer as a user sees it: after case, accents, punctuation
    and legal forms are dropped, one is the other's leading words ("Harrowmere" and "Harrowmere
    Shipping", "Vrieswijk Nederland" and "Vrieswijk"), unless the shorter is one generic
    word ("Hotel", "Group"), which names a kind of employer rather than this one."""
    return same_employer_words(company_words(a), company_words(b))


def company_words(name: str | None) -> tuple[str, ...]:
    """A company name as folded words, legal form and punctuation dropped: "Acme-Werke, Inc."
    gives ("acme", "werke")."""
    if not name:
        return ()
    return tuple(w for w in (name_key(w) for w in re.split(r"[\s\-–—/&+.,]+", strip_legal_suffix(name))) if w)


GENERIC_WORDS = frozenset(name_key(w) for w in PERSONAL_WORDS | ORG_WORDS | VENUE_WORDS) | frozenset(
    "the university hospital city school college council ministry department agency bank group company services jobs careers talent hr recruitment global international"
    " national general united first new".split()
)
"""Single words that name a kind of organisation, not one employer: "Hotel" is not "Hotel Marisol"."""


def same_employer_words(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """`same_employer` on names already split by `company_words`; a leading article or word for
    the kind of organisation ("La Ressourcerie …", "Restaurant Rosenkeller", "Apotheke Tannenhof")
    may be written or left out."""
    if not a or not b:
        return False
    if _same_words(a, b):
        return True
    core_a, core_b = _core(a), _core(b)
    return (core_a, core_b) != (a, b) and _same_words(core_a, core_b)


def _core(words: tuple[str, ...]) -> tuple[str, ...]:
    """The words without leading articles and kinds of organisation ("Crèche La Cerisaie" is "Cerisaie")."""
    while len(words) > 1 and (words[0] in _ARTICLES or words[0] in KIND_WORDS):
        words = words[1:]
    return words


def _same_words(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """One name is the other's leading words, the shorter not one generic word."""
    if "".join(a) == "".join(b):
        return True
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    if long[: len(short)] != short:
        return False
    return not (len(short) == 1 and (short[0] in GENERIC_WORDS or len(short[0]) < 3))
