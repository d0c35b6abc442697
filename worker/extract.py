"""Who and what a job email is about: employer, role, ATS vendor, requisition id, language.

Pure functions of a parsed message. The employer comes from the sender's display name
(an ATS sends "Acme Hiring via Greenhouse": the employer is Acme, not the vendor), from
phrases in the text ("your application at Acme"), and from the sender's own domain; a
job board's or an agency's mail names the employer only in its text.
"""

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from worker.parse import ParsedMessage
from worker.senders import (
    ATS_DOMAINS,
    ats_vendor,
    is_free_mail,
    is_job_board,
    is_relay,
    looks_like_agency,
    registered_domain,
)

LEGAL_SUFFIX = re.compile(
    r"[\s,]+(?:inc|incorporated|llc|l\.l\.c|ltd|limited|private limited|pvt\.? ltd|pvt|gmbh(?: & co\.? kg)?|ggmbh|\w*gesellschaft mbh|mbh|ag|se|kg|kgaa|ug|e\.?\s?v|b\.?\s?v|n\.?\s?v|"
    r"s\.?\s?a\.?\s?s|s\.?\s?a\.?\s?r\.?\s?l|sarl|s\.?\s?a|s\.?\s?l\.?\s?u?|s\.?\s?p\.?\s?a|s\.?\s?a\.? de c\.?\s?v|s\.?\s?a\.?\s?c|s\.?\s?c\.?\s?a|s\.? ?coop|e\.?\s?i\.?\s?r\.?\s?l|ltda|s\.? de r\.?\s?l|a[öo]r|k[öo]r|plc|corp|corporation|co|pty(?: ltd)?|oy|ab|aps|as|bv|nv|sa|sl|sas|srl|spa|llp|lp)\.?$",
    re.IGNORECASE,
)
"""Legal forms at the end of a company name, removed when names are compared or shown."""

_LEGAL_PREFIX = re.compile(r"^(?:stichting|vereniging)\s+(?=\S)", re.IGNORECASE)
"""Legal forms written before the name (Dutch foundations and associations)."""

_SENDER_NOISE = re.compile(
    r"\b(?:hiring team|hiring|recruiting team|recruiting|recruitment team|recruitment|recruiters?|graduate recruitment|early careers|early talent|campus recruiting|university recruiting"
    r"|talent acquisition team|talent acquisition|talent team|talent|acquisition|careers?|jobs?|hr team|hr|people & culture|people and culture|people team|people|culture|team|teams"
    r"|no-?reply|notifications?|mailer|karriere|personal|personalabteilung|personalmanagement|personalwesen|bewerbermanagement|recruiting-team|human resources|ressources humaines|rh|recrutement|emploi|empleo"
    r"|selecci[oó]n de personal|selecci[oó]n|rrhh|recursos humanos|reclutamiento|talento|werving & selectie|werving en selectie|werving|selectie|p&o|personeelszaken|hoofdkantoor|recruitmentteam"
    r"|applications?|applicant|the|rr\.? ?hh\.?|hauptamt|personalamt|ausbildung|duales studium|personalstelle|personalservice|hr services|recruitment cell|gesti[oó]n humana|gesti[oó]n del talento|atracci[oó]n de talento|desarrollo humano|talento humano|capital humano|campus|carri[eè]res|carreras|empleos|équipe|equipe|equipo|admissions|graduates|bewerbungen|bewerbung|vacatures|sollicitaties|staffing|service)(?![\w&])",
    re.IGNORECASE,
)
_SENDER_PHRASE = re.compile(
    r"\b(?:werken bij|werken voor|werk bij|working at|work at|careers? at|jobs? at|karriere bei|jobs bei|arbeiten bei|travailler chez|rejoindre|trabaja (?:en|con)|trabajar en|join(?:ing)?|team at|hiring at|recruiting at)\b",
    re.IGNORECASE,
)
_ON_BEHALF = re.compile(r"\s+(?:on behalf of|namens|im auftrag von|pour le compte de|en nombre de)\s+", re.IGNORECASE)
_VIA = re.compile(r"\s+(?:via|through|by|powered by|über|par|a traves de|a través de|vía)\s+.+$", re.IGNORECASE)
_NAME_SPLIT = re.compile(r"\s+(?:from|at|@|bei|chez|bij|en)\s+|\s*[|()\[\]/,:]\s*|\s+[-–—]\s+|\s*[–—]\s*", re.IGNORECASE)
_JOINERS = frozenset({"of", "and", "de", "du", "des", "la", "le", "el", "del", "der", "die", "und", "et", "y", "van", "von", "für", "for", "&", "-", "the", "at", "bei", "chez", "bij", "en", "from"})
_VENDOR_WORDS = frozenset({"linkedin", "indeed", "glassdoor", "xing", "stepstone", "infojobs", "computrabajo", "welcometothejungle", "docusign", "hackerrank", "codility", "goodtime", "calendly"})
_EMAIL = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")
_GENERIC_LABELS = frozenset({"mail", "email", "e", "em", "mg", "bounce", "hire", "jobs", "job", "careers", "career", "karriere", "us", "eu", "app", "notifications", "notification",
                             "no-reply", "noreply", "donotreply", "recruiting", "recruitment", "talent", "hr", "www", "apply", "bewerbung", "bewerbungen", "info", "support",
                             "system", "candidates", "candidate", "mailer", "reply", "emploi", "empleo", "werkenbij", "seleccion", "rrhh"})
_SITE_AFFIX = re.compile(r"^(?:werkenbij|werkenvoor|werkenbij|careersat|jobsat|joinus|join|karriere|careers|jobs)(?=\w{3})|(?<=\w{3})(?:careers|jobs|karriere|recruiting|talent|werkenbij)$")

_COMPANY_WORD = r"(?:[A-ZÀ-ÖØ-Þ0-9][\w&'’.\-À-ÿ]*|(?:&|of|and|de|du|des|la|le|el|del|der|die|und|et|y|van|von|für|for)(?![\w&]))"
_COMPANY = rf"(?<![\w&'’.\-])(?P<company>[A-ZÀ-ÖØ-Þ0-9][\w&'’.\-À-ÿ]*(?:[ \t]+{_COMPANY_WORD}){{0,4}})"
_COMPANY_CONTEXT = re.compile(
    r"(?:\b(?:at|with|join|joining|to join|in joining|interest in|interest in working at|interest in joining|applying to|applied to|apply to|application to|considering|from|team at|career at|careers at|position at|role at|"
    r"sent to|on behalf of|bei|bei der|bei dem|bei den|chez|rejoindre|au sein de|au sein d'|envoyée à|en|con|unirte a|formar parte de|la empresa|l'entreprise|bij|namens)\s+(?:the\s+|der\s+|die\s+|la\s+|le\s+|l'|el\s+|de\s+|het\s+)?)"
    + _COMPANY
)
_COMPANY_TEAM = re.compile(_COMPANY + r"\s+(?:team|hiring team|recruiting team|talent team|people team|Team|Recruiting-Team|Personalabteilung|HR-Team)\b")
_BOARD_PHRASE = re.compile(
    r"(?i:\b(?:sent to|was sent to|submitted to|envoyée à|envoyé à|enviad[oa] a|se ha enviado a|gesendet an|verstuurd naar|verzonden naar|la empresa|l'entreprise|das unternehmen|het bedrijf|the employer|the company)\s+)"
    + _COMPANY
)
_BOARD_UPDATE = re.compile(
    r"(?:^|(?<=[.!\n]\s))" + _COMPANY + r"[ \t]+(?:has|ha|hat|a|heeft)[ \t]+(?:\w+[ \t]+){0,3}?(?:updated|actualizado|aktualisiert|mis à jour|bijgewerkt|viewed|reviewed|visto|consultado|angesehen|bekeken|consulté|gesehen)\b"
)
_BOARD_LINE = re.compile(r"^" + _COMPANY + r"[ \t]+[·•|–—-][ \t]+[A-ZÀ-Þ]", re.MULTILINE)
_GREETING = re.compile(r"(?i:\b(?:hi|hello|hey|dear|hallo|liebe|lieber|sehr geehrte|bonjour|hola|estimad[oa]|beste|hoi|dag|ciao))\s+([A-ZÀ-Þ][\w'-]+)")
_NOT_EMPLOYER = re.compile(
    r"^(?:linkedin|indeed|glassdoor|xing|stepstone|infojobs|computrabajo|welcome to the jungle|docusign|zoom|teams|microsoft teams|google meet|google|calendly|ma'am|sir|madam)$"
    r"|\b(?:interview|application|assessment|entretien|entrevista|gespräch|sollicitatie|bewerbung|candidature|candidatura|update|status|feedback|decision|entscheidung|offer|angebot)\b",
    re.IGNORECASE,
)
_TITLE_END = re.compile(r"\b(?:engineer|developer|manager|designer|analyst|scientist|specialist|consultant|recruiter|partner at|officer|director|lead|intern|trainee)$", re.IGNORECASE)

_STOP_COMPANY = frozenset(
    """i we you our us the this that it your a an my he she they dear hi hello hey thank thanks
    unfortunately regards best kind sincerely application applications role position job jobs team
    interview monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december linkedin indeed glassdoor greenhouse
    lever workday hr ich wir sie du ihr ihre leider vielen danke je nous vous tu votre merci
    malheureusement bonjour nosotros usted gracias hola estimado estimada lamentablemente ik wij
    je jij u helaas beste bedankt this these those here there mr mrs ms all any every some
    januar februar märz mai juni juli oktober dezember janvier février mars avril juin juillet
    août septembre octobre novembre décembre enero febrero marzo abril mayo junio julio agosto
    septiembre octubre noviembre diciembre januari februari maart mei augustus oktober
    montag dienstag mittwoch donnerstag freitag lundi mardi mercredi jeudi vendredi lunes martes
    miércoles jueves viernes maandag dinsdag woensdag donderdag vrijdag""".split()
)


@dataclass(frozen=True, slots=True)
class Extraction:
    """What a job email names: employer, role, ATS vendor, requisition id, language."""

    company: str | None
    role: str | None
    ats: str | None
    job_id: str | None
    language: str


def extract(msg: ParsedMessage) -> Extraction:
    """Extract company, role, vendor, job id and language from a parsed message."""
    subject = _strip_reply(msg.subject)
    text = f"{subject}\n{msg.body}"
    company = find_company(msg, text)
    return Extraction(
        company=company,
        role=find_role(subject, msg.body, company),
        ats=find_ats(msg),
        job_id=find_job_id(text),
        language=detect_language(f"{subject}\n{msg.body[:3000]}"),
    )


def _strip_reply(subject: str) -> str:
    from worker.classify import REPLY_PREFIX

    return REPLY_PREFIX.sub("", subject)


# --- company ------------------------------------------------------------------------------

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


_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})
_LETTERS = str.maketrans({"ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "ł": "l", "đ": "d", "þ": "th"})


@lru_cache(maxsize=4096)
def _fold(text: str) -> str:
    """Lower case without accents or punctuation: "Savia Energía" and "saviaenergia" meet."""
    text = unicodedata.normalize("NFKD", text.lower().translate(_LETTERS))
    return "".join(c for c in text if c.isalnum() and not unicodedata.combining(c))


_PERSONAL_WORDS = frozenset({"bank", "group", "groep", "gruppe", "grupo", "groupe", "labs", "lab", "health", "systems", "software", "foods", "pharma", "energy", "studio", "studios",
                             "partners", "partner", "consulting", "ai", "tech", "technologies", "solutions", "services", "gemeente", "stichting", "capital", "digital", "data",
                             "analytics", "media", "logistics", "logistik", "insurance", "university", "council", "hotel", "hotels", "kliniken", "stadtwerke", "agentur", "atelier",
                             "maisons", "banque", "banco", "farmacias", "transports", "transportes", "compagnie", "company", "inc", "ltd", "gmbh", "verzekeringen", "bakkerij", "brasserie"})
"""Words that make a two-word display name an organisation rather than a person."""

_ORG_WORDS = frozenset({"technologies", "technology", "trust", "digital", "studio", "fintech", "ai", "labs", "systems", "software", "solutions", "analytics", "group", "holding",
                        "partners", "consulting", "services", "foundation", "association", "university", "bank", "health", "healthcare", "estudio", "advocaten"})
"""Trailing words that complete a company name written after its short form."""

_VENUE_WORDS = frozenset({"bistrot", "bistro", "restaurant", "restaurante", "café", "cafe", "cafeteria", "cafetería", "bar", "bakery", "boulangerie", "panadería", "panaderia",
                          "bakkerij", "bäckerei", "gasthaus", "gasthof", "brasserie", "hôtel", "hostal", "pizzeria", "trattoria", "salon", "salón", "kapsalon", "atelier", "ateliers",
                          "studio", "estudio", "bureau", "agence", "agencia", "kanzlei", "praxis", "cabinet", "clinique", "clínica", "kita", "kindergarten", "crèche", "garage",
                          "taller", "boutique", "tienda", "winkel", "laden", "shop", "store", "farm", "nursery", "academy", "school", "escuela", "école", "schule", "hospital"})
"""Words that make a display name a business (a café writing from free mail), not a person."""


def _personlike(name: str) -> bool:
    """Two or three capitalized words and none an organisation word: "Carina Wolf"."""
    words = name.split()
    return 2 <= len(words) <= 3 and all(w[:1].isupper() and w.replace("-", "").replace(".", "").isalpha() for w in words) and not any(
        w.lower() in _PERSONAL_WORDS for w in words)


def sender_company(msg: ParsedMessage) -> str | None:
    """The employer named by the sender's display name, or None for a person or a vendor."""
    name = msg.from_name.strip()
    if not name or "@" in name:
        return None
    name = _VIA.sub("", name)
    if _is_vendor_name(name):
        return None
    behalf = _ON_BEHALF.split(name, maxsplit=1)
    name = behalf[-1]
    name = _SENDER_PHRASE.sub(" | ", name)
    parts = [p.strip() for p in _NAME_SPLIT.split(name) if p and p.strip()]
    at_company = len(parts) > 1 and len(parts[0].split()) == 1 and re.match(r"^\S+\s+(?:at|from|bei|chez|bij|@)\s", name, re.IGNORECASE)
    if len(parts) > 1 and (at_company or _looks_like_person(parts[0], msg) or (_personlike(parts[0]) and not _names_site(parts[0], msg))):
        parts = parts[1:] + parts[:1]
    for part in parts:
        cleaned = _clean_sender_part(part)
        if len(cleaned) < 2 or _looks_like_person(cleaned, msg) or _is_vendor_name(cleaned):
            continue
        return strip_legal_suffix(cleaned)
    return None


def _names_site(name: str, msg: ParsedMessage) -> bool:
    """Whether a word of the name (4 letters or more) is in the sender's own domain name."""
    domain = msg.sender_domain
    if not domain or ats_vendor(domain) or is_free_mail(domain) or is_relay(domain):
        return False
    site = _fold(registered_domain(domain).split(".")[0])
    return any(len(w) >= 4 and w in site for w in (_fold(x) for x in name.split()))


def _clean_sender_part(part: str) -> str:
    """A display-name part without team words and loose joiners ("Reclutamiento Farmacias del Bajío")."""
    cleaned = " ".join(_SENDER_NOISE.sub(" ", part).split())
    words = cleaned.split()
    while words and words[0].strip(".,") in _JOINERS:
        words.pop(0)
    while words and words[-1].strip(".,") in _JOINERS:
        words.pop()
    return " ".join(words).strip(" .,-–|&")


def _is_vendor_name(name: str) -> bool:
    low = name.lower()
    return bool(ats_vendor(_fold(name) + ".com")) or low in _STOP_COMPANY or any(_fold(w) in _VENDOR_WORDS for w in name.split()) or _fold(name) in _VENDOR_WORDS


def _looks_like_person(name: str, msg: ParsedMessage) -> bool:
    """"Jane Doe" sending from jane.doe@… is a person; "Acme Careers" is not, nor "Acme"
    sending from acme@myworkday.com (the ATS mailbox is named after its customer)."""
    words = [w for w in re.findall(r"[^\W\d_]+", _fold_keep_space(name)) if len(w) >= 2]
    if not words or len(words) > 4:
        return False
    if _SENDER_NOISE.search(name) or any(w in _PERSONAL_WORDS or w in _ORG_WORDS or w in _VENUE_WORDS for w in words):
        return False
    domain = msg.sender_domain
    if ats_vendor(domain):
        return False
    local = _fold(msg.from_address.partition("@")[0])
    if _address_of(words, local):
        return True
    site = _fold(registered_domain(domain).split(".")[0]) if domain else ""
    in_local = [w for w in words if len(w) >= 3 and w in local]
    if len(in_local) >= 2 or any(w not in site for w in in_local):
        return True
    if is_free_mail(domain) and len(words) <= 3:
        return True
    if not _personlike(name):
        return False
    if is_relay(domain):
        return any(words[0] in a.partition("@")[0] for a in _EMAIL.findall(msg.body[:3000]))
    initials = "".join(w[0] for w in words)
    return (len(local) >= 2 and initials.startswith(local)) or not any(w in site for w in words if len(w) >= 3)


_TITLES = frozenset("mr mrs ms mx dr prof mme mlle sr sra dra herr frau dhr mevr mevrouw meneer".split())


def _address_of(words: list[str], local: str) -> bool:
    """Whether a mailbox is a person's own: "Sabine Auerbach" at s.auerbach@, sauerbach@,
    sabine.auerbach@ or sabine@ (even when the company carries the family name)."""
    words = [w for w in words if w not in _TITLES]
    if len(words) < 2 or len(local) < 3:
        return False
    first = words[0]
    if local == first:
        return True
    for j in range(1, len(words)):
        family = "".join(words[j:])
        if len(family) >= 3 and local in (family, first + family, first[0] + family, family + first, family + first[0]):
            return True
    return False


def _fold_keep_space(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.lower().translate(_LETTERS))
    return "".join(c for c in text if not unicodedata.combining(c))


def _domain_key(msg: ParsedMessage) -> str | None:
    """The sender domain's own name when it can be an employer's (not free mail, not a board,
    and for an ATS the customer's subdomain or mailbox name), folded like `_fold`."""
    domain = msg.sender_domain
    if not domain or is_free_mail(domain) or is_job_board(domain):
        return None
    if is_relay(domain):
        return _body_contact_key(msg.body)
    reg = registered_domain(domain)
    if not ats_vendor(domain):
        return _site_key(reg.split(".")[0])
    subs = [s for s in domain[: -len(reg)].strip(".").split(".") if s and s not in _GENERIC_LABELS]
    if subs:
        return _site_key(subs[-1])
    local = address_key = msg.from_address.partition("@")[0]
    if local in _GENERIC_LABELS or local.startswith(("no-reply", "noreply", "donotreply", "do-not-reply")):
        return None
    return _site_key(address_key)


def _site_key(label: str) -> str | None:
    """A domain label without career-site words: "werkenbijacme", "acme-careers" give "acme"."""
    parts = [p for p in re.split(r"[-_.]", label.lower()) if p and p not in _GENERIC_LABELS]
    key = _fold("".join(parts))
    key = _SITE_AFFIX.sub("", key)
    return key if len(key) >= 2 else None


def _body_contact_key(body: str) -> str | None:
    """For a relay (e-signature, test platform), the employer's domain of an address in the text."""
    for address in _EMAIL.findall(body[:3000]):
        domain = address.rpartition("@")[2].lower()
        if not (is_free_mail(domain) or is_job_board(domain) or is_relay(domain) or ats_vendor(domain)):
            return _site_key(registered_domain(domain).split(".")[0])
    return None


def _fits_key(name: str, key: str, tld: str = "") -> bool:
    """Whether a written name is the one behind a domain key: "Kessler Logistik" and
    "kesslerlogistik", "Auric Semiconductor" and "auricsemi", "Sparrowhawk AI" and sparrowhawk.ai."""
    folded = _fold(strip_legal_suffix(name))
    if not folded or not key:
        return False
    if any(c in name for c in "äöüÄÖÜ"):
        spelled = name.translate(_UMLAUTS)
        if spelled != name and _fits_key(spelled, key, tld):
            return True
    if folded == key or (tld and folded == key + tld):
        return True
    words = [_fold(w) for w in strip_legal_suffix(name).split()]
    words = [w for w in words if w]
    return 2 <= len(words) <= 5 and len(key) >= 5 and _covers(key, words)


def _covers(key: str, words: list[str]) -> bool:
    """Whether key is made of a prefix of each word in turn ("auricsemi" from auric+semiconductor)."""
    if not words:
        return not key
    if not key:
        return False
    word = words[0]
    for n in range(min(len(word), len(key)), 0, -1):
        if key.startswith(word[:n]) and _covers(key[n:], words[1:]):
            return True
    return False


def find_company(msg: ParsedMessage, text: str) -> str | None:
    """The employer: a job board's or agency's client named in the text, else the display
    name (spelled as the domain has it), else a text mention matching the domain, the
    signature, the most frequent mention, and last the domain itself."""
    domain = msg.sender_domain
    key = _domain_key(msg)
    tld = _fold(domain.rpartition(".")[2]) if domain else ""
    people = _people(msg, text)
    mentions = _mentions(text, people)
    if is_job_board(domain):
        return sender_company(msg) or _board_company(text, people, mentions)
    if key and _is_agency(msg, text, key):
        client = _agency_client(msg, text, key, tld, people, mentions)
        if client:
            return client
    named = sender_company(msg)
    if named:
        if key and _fold("the" + named) == key:
            named = "The " + named
        return _from_signature(_respell(named, key, tld, mentions, text), msg.body, key)
    own_site = key and not ats_vendor(domain) and not is_relay(domain)
    site_domain = domain
    if not key and is_free_mail(domain) and _strip_reply(msg.subject) != msg.subject and not _FORWARD.match(msg.subject):
        site_domain = _addressee_domain(msg)
        if site_domain:
            key = _site_key(registered_domain(site_domain).split(".")[0])
            own_site = bool(key)
    if key:
        fitting = _fitting(_candidates(mentions, msg, text), key, tld)
        if fitting:
            return _from_signature(_with_org_word(fitting, text), msg.body, key)
    subject_name = _subject_company(msg.subject)
    if subject_name and not key:
        return subject_name
    signed = _signature_company(msg, text)
    if signed:
        return signed
    if own_site:
        label = registered_domain(site_domain).split(".")[0]
        site = " ".join(w.title() for w in re.split(r"[-_]", label) if w not in _GENERIC_LABELS) or key.title()
        return _legal_signature(msg.body, key) or _from_signature(site, msg.body, key)
    return (mentions[0] if mentions else None) or subject_name


_FORWARD = re.compile(r"^\s*(?:fw|fwd|wg|tr|rv|doorst|enc)\s*:", re.IGNORECASE)


def _addressee_domain(msg: ParsedMessage) -> str | None:
    """For the user's own reply from a personal address, the employer's domain it goes to."""
    for address in msg.to:
        domain = address.rpartition("@")[2].lower()
        if domain and not (is_free_mail(domain) or is_job_board(domain) or is_relay(domain) or ats_vendor(domain)):
            return domain
    return None


_SIG_SPLIT = re.compile(r"[ \t]+[·•|–—-][ \t]+|[ \t]*[|·•][ \t]*|,[ \t]+")


def _signature_names(body: str) -> tuple[str, ...]:
    """Short capitalized segments of the last lines of the mail (a signature's company line,
    "Recruiting Coordinator, Acme Consulting", "Acme GmbH · Street 1 · City")."""
    return _tail_names(body[-1200:])


@lru_cache(maxsize=256)
def _tail_names(tail: str) -> tuple[str, ...]:
    lines = [line.strip() for line in tail.splitlines() if line.strip()][-10:]
    names = []
    for line in lines:
        if len(line) > 120 or _EMAIL.search(line) or re.search(r"https?:|www\.", line):
            continue
        for segment in _SIG_SPLIT.split(line):
            segment = segment.strip(" .:;")
            words = segment.split()
            if not 1 <= len(words) <= 6 or re.search(r"\d", segment):
                continue
            if all(w[:1].isupper() or w[:1] in "&" or w.lower() in _JOINERS for w in words) and words[-1][:1].isupper():
                names.append(segment)
    return tuple(names)


def _from_signature(company: str, body: str, key: str | None) -> str:
    """The company as the signature writes it in full ("Fjellhaus" signed "Fjellhaus Outdoor
    GmbH", "GF Acme" signed "Grupo Financiero Acme"): a longer name that starts or ends with it."""
    folded = _fold(company)
    if not folded:
        return company
    acronym = _acronym_pattern(company)
    for segment in _signature_names(body):
        name = strip_legal_suffix(segment)
        whole = _fold(name)
        if len(whole) <= len(folded) or _TITLE_WORDS.search(name):
            continue
        if whole.startswith(folded):
            extra = name.split()[len(company.split()):]
        elif acronym and acronym.fullmatch(name):
            return name
        else:
            continue
        if not (1 <= len(extra) <= 2 and not _SENDER_NOISE.search(" ".join(extra)) and _fold(" ".join(extra)) and _fold(company + "".join(extra)) == whole):
            continue
        if not re.search(rf"(?<!\w){re.escape(company)}(?![\w&])(?![ \t]+{re.escape(extra[0])})", body):
            return name
    return company


def _acronym_pattern(company: str) -> re.Pattern | None:
    """"GF Acme" as a pattern for "Grupo Financiero Acme" (initials of the leading words)."""
    words = company.split()
    if len(words) < 2 or not (2 <= len(words[0]) <= 4 and words[0].isupper() and words[0].isalpha()):
        return None
    lead = r"\s+(?:(?:de|del|la|of|and|&|für|und|et|y|van|der)\s+)?".join(rf"{c}\w+" for c in words[0])
    return re.compile(lead + r"\s+" + r"\s+".join(re.escape(w) for w in words[1:]))


def _legal_signature(body: str, key: str) -> str | None:
    """A signature segment with a legal form that shares a word with the domain ("Bankhaus
    Sollner KG" at sollner-privatbank.de)."""
    for segment in _signature_names(body):
        name = strip_legal_suffix(segment)
        if name != segment.strip() and any(len(w) >= 4 and w in key for w in (_fold(x) for x in name.split())) and not _TITLE_WORDS.search(name):
            return name
    return None


_AGENCY_WORDS = re.compile(
    r"\b(?:recruitment|recruiting|recruiters|talent|talento|search|headhunt\w*|hunters|staffing|personalberatung|personalvermittlung|personaldienstleist\w*|"
    r"recrutement|cabinet|rh|selecci[oó]n|werving|uitzend\w*|executive|interim|resourcing)\b",
    re.IGNORECASE,
)
_CLIENT_WORD = re.compile(r"\b(?:(?<!\bthe )client(?! service| success| support| relations| experience| manager| advisor| executive)|clients|Mandant\w*|Kunde|Kunden|cliente|clientes|opdrachtgever\w*)\b", re.IGNORECASE)
_CLIENT_PHRASE = re.compile(
    r"(?i:\b(?:our|my|notre|mon|mein|meinem|meines|unser|unserem|unseres|nuestro|nuestra|mi|onze|mijn)\s+(?:client|Mandant|Kunde|Auftraggeber|cliente|opdrachtgever)"
    r"\s*[,:]?\s+(?:the\s+|la\s+|le\s+|l'|die\s+|der\s+|el\s+|de\s+|het\s+)?)" + _COMPANY
)


def _is_agency(msg: ParsedMessage, text: str, key: str) -> bool:
    """A recruitment agency relaying a client's decision: its domain is named like one, or it
    speaks of its client and signs with an agency's name that matches the domain."""
    if looks_like_agency(msg.sender_domain):
        return True
    if not _CLIENT_WORD.search(text):
        return False
    names = [*_signature_names(msg.body), msg.from_name]
    return any(_AGENCY_WORDS.search(n) and (key in _fold(n) or _fits_key(_AGENCY_WORDS.sub("", n), key)) for n in names if n)


def _agency_client(msg: ParsedMessage, text: str, key: str, tld: str, people: set[str], mentions: list[str]) -> str | None:
    """The client an agency names: "our client, Acme", a company in the subject that the
    text names too, else an employer mention that is not the agency."""
    signature = " ".join(_signature_names(msg.body))

    def usable(name: str) -> bool:
        return (_plausible_company(name, people) and not _fits_key(name, key, tld) and key not in _fold(name) and not _only_noise(name)
                and not _TITLE_WORDS.search(name) and name not in signature and not _personlike_mention(name, msg.body))

    for m in _CLIENT_PHRASE.finditer(text[:6000]):
        name = strip_legal_suffix(_trim_company(m.group("company")))
        if usable(name):
            return name
    body = msg.body[:6000]
    best = None
    for run in _CAPITALIZED.finditer(_strip_reply(msg.subject)):
        if _TITLE_WORDS.search(run.group(0)) and not _SUBJECT_SPLIT.search(run.group(0)):
            continue
        for name in _capitalized_phrases(run.group(0)):
            if len(name) < 3 or not usable(name) or _SUBJECT_NOISE.search(name.split()[0]):
                continue
            if len(name.split()) == 1 and name not in mentions:
                continue
            if name in body or (len(name.split()[0]) >= 4 and re.search(rf"(?<!\w){re.escape(name.split()[0])}(?!\w)", body)):
                if best is None or len(name) > len(best):
                    best = name
    if best:
        return _longer_in(best, body, usable)
    client = next((m for m in mentions if usable(m)), None)
    return _longer_in(client, body, usable) if client else None


def _longer_in(name: str, body: str, usable) -> str:
    """The longest capitalized phrase of the body that starts with name ("Larchmont" written
    "Larchmont Insurance")."""
    longest = name
    for m in re.finditer(rf"(?<![\w&]){re.escape(name)}(?:[ \t]+(?:[A-ZÀ-Þ][\w&'-]*|&)){{1,2}}", body):
        candidate = strip_legal_suffix(_trim_company(m.group(0)))
        if len(candidate) > len(longest) and usable(candidate) and not _SENDER_NOISE.search(candidate[len(name):]):
            longest = candidate
    return longest


def _fitting(candidates, key: str, tld: str) -> str | None:
    """The first candidate that matches the domain, or one naming the domain with its
    top-level part ("Sparrowhawk AI" at sparrowhawk.ai) when the text has it."""
    first = None
    for candidate in candidates:
        if tld and _fold(strip_legal_suffix(candidate)) == key + tld:
            return candidate
        if first is None and _fits_key(candidate, key, tld):
            first = candidate
    return first


def _with_org_word(name: str, text: str) -> str:
    """The name with the organisation word that follows it in the text ("Brackenridge"
    written "Brackenridge Trust" in the signature)."""
    i = text.find(name)
    m = _FOLLOWING_WORDS.match(text, i + len(name)) if i >= 0 else None
    if m and _fold(m.group(1).split()[-1]) in _ORG_WORDS:
        return f"{name} {m.group(1)}"
    return name


_FOLLOWING_WORDS = re.compile(r"[ \t]+((?:[A-ZÀ-Þ][\w&-]*[ \t]+){0,2}[A-ZÀ-Þ][\w&-]*)")


def _candidates(mentions: list[str], msg: ParsedMessage, text: str):
    """Names to try against the domain: mentions, the signature's company line, then every
    capitalized phrase (and its leading parts)."""
    yield from mentions
    signed = _signature_company(msg, text)
    if signed:
        yield signed
    yield from _capitalized_phrases(text)


def _respell(named: str, key: str | None, tld: str, mentions: list[str], text: str) -> str:
    """The display name, completed to the text's longer spelling when only that matches
    the domain ("Kessler" at kessler-logistik.de, "Kessler Logistik" in the text)."""
    if not key or _fits_key(named, key, tld):
        return named
    prefix = _fold(named)
    for candidate in list(mentions) + list(_capitalized_phrases(text)):
        if _fold(candidate).startswith(prefix) and len(candidate) > len(named) and _fits_key(candidate, key, tld):
            return candidate
    return named


def _mentions(text: str, people: set[str]) -> list[str]:
    """Plausible employer names in an employer context, most frequent first (ties: first seen)."""
    counts: Counter[str] = Counter()
    for pattern in (_COMPANY_CONTEXT, _COMPANY_TEAM):
        for m in pattern.finditer(text[:8000]):
            name = strip_legal_suffix(_trim_company(m.group("company")))
            if _plausible_company(name, people):
                counts[name] += 1
    return [name for name, _ in counts.most_common()]


def _board_company(text: str, people: set[str], mentions: list[str]) -> str | None:
    """The employer in a job board's relay: "sent to Acme", "La empresa Acme", a mention
    ("Recruiter at Acme"), or the "Acme · City" line under the job title."""
    found = [strip_legal_suffix(_trim_company(m.group("company"))) for m in _BOARD_PHRASE.finditer(text[:6000])]
    found += [strip_legal_suffix(_trim_company(m.group("company"))) for m in _BOARD_UPDATE.finditer(text[:6000])]
    found += mentions
    found += [strip_legal_suffix(_trim_company(m.group("company"))) for m in _BOARD_LINE.finditer(text[:6000])]
    for name in found:
        if _plausible_company(name, people) and _fold(name) not in _VENDOR_WORDS and not _NOT_EMPLOYER.search(name) and not _personlike_mention(name, text):
            return name
    return None


def _personlike_mention(name: str, text: str) -> bool:
    """A mention that is a person's name: it opens a line of its own or follows "from"/"with" alone."""
    if not _personlike(name):
        return False
    return any(line.strip() == name or line.rstrip().endswith((f"from {name}", f"with {name}")) for line in text.splitlines())


def _people(msg: ParsedMessage, text: str) -> set[str]:
    """Folded first words of the people in the mail (sender, greeting, sign-off): never an employer."""
    names = {_fold(w) for w in msg.from_name.split()[:1]}
    for m in _GREETING.finditer(text[:6000]):
        names.add(_fold(m.group(1)))
    return {n for n in names if n}


def _signature_company(msg: ParsedMessage, text: str) -> str | None:
    """The company line of a signature: a short capitalized line right under the sender's
    name or title ("Sophie Carrington / Senior Consultant / Bridgepoint Talent")."""
    first = msg.from_name.split()[0] if msg.from_name.split() else ""
    if len(first) < 2:
        return None
    lines = [line.strip() for line in text[-1500:].splitlines()]
    for i, line in enumerate(lines):
        if not line.startswith(first) or len(line.split()) > 4:
            continue
        for nxt in lines[i + 1:i + 4]:
            name = _signature_line_company(nxt)
            if name:
                return name
    return None


def _signature_line_company(line: str) -> str | None:
    """The company in a signature line: "Acme Corp", "Head of Talent, Acme", "Recruiter at Acme"."""
    if not line or len(line) > 60 or _EMAIL.search(line) or re.search(r"\d{3}|https?:|www\.", line) or _SENT_FROM.search(line):
        return None
    m = re.search(r"(?:,|\bat|\bbei|\bchez|\bbij|\||–|-)\s+(?P<c>[A-ZÀ-Þ][^,|]{1,40})$", line)
    if m and _TITLE_WORDS.search(line[: m.start()]):
        line = m.group("c")
    if _TITLE_WORDS.search(line) or not line[:1].isupper() or len(line.split()) > 5:
        return None
    name = strip_legal_suffix(line)
    return name if _plausible_company(name, set()) and not _only_noise(name) else None


_SENT_FROM = re.compile(r"(?i)\b(?:sent from|sent with|get outlook|verstuurd (?:vanaf|met)|verzonden (?:vanaf|met)|envoy[ée] (?:de|depuis)|enviado desde|von meinem|gesendet von)\b")


def _subject_company(subject: str) -> str | None:
    """A subject part that names only an employer ("Kestrel Analytics - Data Analyst: …")."""
    for part in _SUBJECT_SPLIT.split(_strip_reply(subject)):
        part = part.strip()
        words = part.split()
        if 1 <= len(words) <= 3 and all(w[:1].isupper() for w in words) and not _TITLE_WORDS.search(part) and _plausible_company(part, set()) and not _NOT_EMPLOYER.search(part):
            return strip_legal_suffix(part)
        if 3 <= len(words) <= 6 and _fold(words[0]) in _VENUE_WORDS | _PERSONAL_WORDS and words[-1][:1].isupper() and all(
                w[:1].isupper() or w.lower() in _JOINERS for w in words) and not _TITLE_WORDS.search(part) and not _NOT_EMPLOYER.search(part):
            return strip_legal_suffix(part)
    return None


def _only_noise(name: str) -> bool:
    """A name made only of team words ("Recruitment & Talent", "Talent Team")."""
    return not re.sub(r"[\W_]|\band\b|\bund\b|\ben\b|\by\b|\bet\b", "", _SENDER_NOISE.sub("", name))


def _trim_company(name: str) -> str:
    """Drop trailing joiner words a greedy match took along ("Acme and", "Acme for")."""
    words = name.split()
    for i, word in enumerate(words):
        if i and word.endswith(".") and len(word) > 4:
            words = words[: i + 1]
            break
    while words and (words[-1].lower() in _JOINERS or words[-1].lower() in _STOP_COMPANY):
        words.pop()
    return " ".join(words)


def _plausible_company(name: str, people: set[str]) -> bool:
    if not name or len(name) < 2 or len(name) > 60 or name.isdigit():
        return False
    words = name.split()
    first = words[0].lower().strip(".,")
    if first in _STOP_COMPANY or _fold(words[0]) in people or _NOT_EMPLOYER.search(name):
        return False
    if _only_noise(name) or _TITLE_END.search(name):
        return False
    return True


_CAPITALIZED = re.compile(r"\b[A-ZÀ-ÖØ-Þ][\w&'’.\-À-ÿ]*(?:[ \t]+(?:[A-ZÀ-ÖØ-Þ][\w&'’.\-À-ÿ]*|(?:&|of|and|de|del|la|van|von|der)(?![\w&])))*")


def _capitalized_phrases(text: str):
    """Capitalized runs of words, and every leading part of each ("Kestrel Bank Group" gives
    "Kestrel Bank Group", "Kestrel Bank", "Kestrel")."""
    for match in _CAPITALIZED.finditer(text[:8000]):
        words = match.group(0).split()
        for start in range(min(len(words), 3)):
            for end in range(min(len(words), start + 5), start, -1):
                yield strip_legal_suffix(" ".join(words[start:end]))


# --- role -------------------------------------------------------------------------------------

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
    r"^[ \t]*(?:[•·*▪►-][ \t]*)?(?:job title|position|role|job|title|vacancy|opening|poste|intitulé du poste|puesto|vacante|oferta|stelle|stellenbezeichnung|position title|vacature|functie|cargo|empleo|job|emploi)[ \t]*:[ \t]*(?P<role>[^\n]{2,90})$",
    re.IGNORECASE | re.MULTILINE,
)
_INTRO = (
    r"(?:application|applying|applied|candidacy|interest|interview|interviews|offer|assessment|take-home|case study|coding task|test|screen|call|update|aufgabe|opdracht|prueba técnica)\s+(?:for|to|as|für|pour|para|voor)\s+(?:the\s+|our\s+|a\s+|an\s+)?(?:(?:position|role|post|job)\s+(?:of|as)\s+)?(?:an?\s+)?"
    r"|for (?:the|our|a|an) (?:position|role|post|job|vacancy|opening) (?:of|as)\s+(?:an?\s+)?|(?:the )?role of\s+(?:an?\s+)?|hire (?:a|an)\s+|hiring (?:a|an)\s+|recruiting for (?:a|an)\s+|offer you the\s+"
    r"|bewerbung\s+(?:als|für|auf|um|zum|zur)\s+(?:die\s+|das\s+|den\s+|eine\s+|unsere\s+)?(?:(?:stelle|position)\s+(?:als\s+|des\s+|der\s+)?)?(?:einer?\s+|eines\s+)?|(?:stelle|position)\s+(?:als|zum|zur)\s+(?:einer?\s+)?"
    r"|(?:au|pour le|le|du|sur le) poste (?:de |d'|d’)?|candidature\s+(?:au|pour|à|sur)?\s*(?:le\s+)?(?:poste\s+)?(?:de\s+|d'|d’)?|(?:offre|mission)\s+(?:de\s+|d'|d’)?"
    r"|(?:al|el|del|para el|de) puesto de\s+|(?:la|de la|para la) (?:vacante|posición|oferta|posicion) (?:de\s+)?|(?:candidatura|postulación|postulacion|solicitud|proceso|videoentrevista|prueba técnica|entrevista)\s+(?:para|a|al|de|del|como)\s+(?:el\s+|la\s+)?(?:puesto\s+de\s+|proceso\s+de\s+)?"
    r"|(?:de\s+)?(?:functie|vacature|positie|rol)\s+(?:van\s+|als\s+)?(?:een\s+)?|(?:al|el|del|para el|de) cargo (?:de\s+)?|(?:la|de la|para la) plaza de\s+|(?:un|ce|votre) poste (?:de |d'|d’)"
    r"|(?:the|die|der|zur|zum|la|de|het|this|diese|dieser)\s+(?:position|stelle|rolle|role|functie|vacature)\s+(?-i:(?=[A-ZÀ-Þ\"„“«]|[a-z]+[A-Z]))|(?:für|fuer) die (?=ausbildung (?:zum|zur|als) )|sollicitatie\s+(?:als|voor|op|naar)?\s*(?:de\s+)?(?:functie\s+|vacature\s+)?(?:van\s+|als\s+)?(?:een\s+)?"
)
_INTRO_ROLE = re.compile(rf"(?i:\b(?:{_INTRO}))(?P<role>[^\n]{{2,120}})")
_WEAK_INTRO = re.compile(r"(?i:\b(?:as|als|como|comme|en tant que|in de rol van)\s+(?:an?\s+|une?\s+|una?\s+|een\s+)?)(?-i:(?=[A-ZÀ-Þ]|[a-z]+[A-Z]))(?P<role>[^\n]{2,100})")
""""as X", "als X", "como X": a title only when a title word is in it ("als Scan zurück" is not)."""
_STRONG_NOUN = re.compile(r"(?i:\b(?:poste|plaza|puesto|cargo|functie|vacature|stelle|position|role|rol|vacante)\b)[^\n]{0,12}$")
_LOWER_ROLE = re.compile(r"(?P<role>[a-zà-ÿ][\w'’-]*(?:[ \t]+(?:de|du|des|d'|del|la|van|voor|der|of)?[ \t]*[a-zà-ÿ][\w'’-]*){0,3}?)(?=[ \t]*(?:[,.:;(!?]|\n|$)|[ \t]*[(\[][mwfhvx]/)")
_BEFORE_NOUN = re.compile(
    r"\b(?:the|our|your|this|a|an|for|to|on|de|het|voor)\s+(?P<role>[^\n]{2,80}?)(?:\s+|-)(?:position|role|opening|vacancy|job|post|application|hire|Stelle|Position|poste|vacature|functie|rol|programma)\b",
    re.IGNORECASE,
)
_ROLE_STOP = frozenset(
    """is was has have had will would we you i that which who but at with from to as by it our your been here there were are be am
    position role opening vacancy job team interview interviews application process today tomorrow since because after before so if or
    ist war wurde wird haben hat sind als bei mit im am an auf zu zum zur nicht leider sehr wir sie ihre ihr uns dass da weil aber noch nach vom vor ab
    est ont sont été chez à au aux pour avec dans sur par nous vous qui que ne n' pas jusqu'à jusqu mais ce cette sera
    es ha han fue está en con para por al nos te se sido ya pero cuando como ni su sus
    zijn wordt werd komt heeft hebben bij met op aan af uit te om naar dat niet helaas wij jij je u door toe mee ook graag
    within based located starting via where while opportunity search focused working responsible about
    later next last this which whom whose until who où dont lorsque quand donde cuando machen werden können anbieten einer einem eines einen er besetzt vergeben anzubieten""".split()
)
_ROLE_JOIN = frozenset("and und et y en for für voor in im e".split())
_ROLE_LEAD = frozenset(
    """the a an our your this that these das die der den dem des unser unsere unseren ihre ihr deine dein le la l' les un une el los las una het de een onze uw jouw
    position role job poste puesto vacante vacature functie positie stelle oferta offre mission proceso process posición of as""".split()
)
_ROLE_TAIL = frozenset("""position role job opening vacancy post poste puesto vacante vacature functie stelle positie application opportunity search test tests technical
    interview interviews assessment exercise task challenge case take-home trial hire recruitment hiring process vacancies""".split())
_NOT_ROLE = frozenset({
    "position", "role", "job", "opening", "vacancy", "post", "interest", "application", "applications", "opportunity", "opportunities",
    "hiring process", "hiring manager", "line manager", "interview process", "recruitment process", "selection process", "next stage", "next round", "future roles", "other roles",
})


def find_role(subject: str, body: str, company: str | None) -> str | None:
    """The job title as the email names it: a labelled field, then the subject (a phrase
    like "application for X", or the part that reads as a title), then the body."""
    company_key = normalize_company(company) if company else ""
    body = body[:6000]
    for m in _FIELD.finditer(body):
        role = _cut_role(m.group("role"), company_key)
        if role:
            return role
    role = _phrase_role(subject, company_key) or _subject_role(subject, company_key)
    if role:
        return _complete(role, body)
    return _phrase_role(body, company_key, subject)


def _phrase_role(text: str, company_key: str, subject: str = "") -> str | None:
    """A title after an introducing phrase ("application for X", "Bewerbung als X",
    "au poste de X") or before a job noun ("the X role")."""
    best = None
    for m in _INTRO_ROLE.finditer(text):
        role = _cut_role(m.group("role"), company_key)
        if not role and _STRONG_NOUN.search(text, m.start(), m.start("role")):
            low = _LOWER_ROLE.match(m.group("role"))
            role = clean_role(low.group("role")) if low and low.group("role").lower() not in _NOT_ROLE and low.group("role").split()[0] not in _ROLE_STOP else None
        if role:
            best = (m.start(), role)
            break
    for m in _WEAK_INTRO.finditer(text):
        if best is not None and m.start() > best[0]:
            break
        role = _cut_role(m.group("role"), company_key)
        if role and (_TITLE_WORDS.search(role) or (subject and role in subject)):
            best = (m.start(), role)
            break
    for m in _BEFORE_NOUN.finditer(text):
        role = _last_phrase(m.group("role"), company_key)
        if role and (best is None or m.start() < best[0]):
            best = (m.start(), role)
        break
    return best[1] if best else None


def _last_phrase(raw: str, company_key: str) -> str | None:
    """The title right before a job noun: the words after the last article or stop word."""
    words = raw.split()
    start = 0
    for i, word in enumerate(words):
        low = word.lower().strip(",.;:")
        if low in _ROLE_STOP or low in _ROLE_LEAD or word.endswith((",", ".", ";", ":")):
            start = i + 1
    return _cut_role(" ".join(words[start:]), company_key)


def _cut_role(raw: str, company_key: str) -> str | None:
    """The title at the start of raw text: up to a gender marker, a requisition id, a clause
    word, the company, or punctuation; leading articles and trailing job nouns dropped."""
    raw = _PAREN_ID.sub("", raw.lstrip(" \t\"„“«'‘"))
    marker = GENDER_MARKER.search(raw)
    if marker:
        raw = raw[: marker.start()]
    raw = re.split(r"\s+[|·•]\s+|\s+[-–—]\s+(?=(?:[a-zà-ÿ]|[A-ZÀ-Þ][a-zà-ÿ]+\s+[a-zà-ÿ]))|[!?;\"“”«»]|\.(?:\s|$)|:\s", raw, maxsplit=1)[0]
    raw = _ROLE_JUNK.sub("", raw)
    raw = _LEADING_ID.sub("", _drop_company(raw, company_key))
    words = _title_words(raw.split(), company_key)
    while words and words[0].lower().strip("'’") in _ROLE_LEAD and not (words[0] in ("Process", "Proceso", "Mission") and len(words) > 1):
        words.pop(0)
    while words and words[-1].lower() in _ROLE_TAIL:
        words.pop()
    role = clean_role(" ".join(words))
    return role if _plausible_role(role, company_key) else None


_PAREN_ID = re.compile(r"[ \t]*\((?i:job|req|ref|réf|id|vac|kennziffer|referencia|referentie|no\.?|nr\.?|number|candidate)\b[^)\n]*\)?")
_LEADING_ID = re.compile(r"^\s*(?:(?:req|ref|réf|job|id|kennziffer|vac|vacaturenummer|referentie|referencia|nr|no)\b\.?\s*[:#]?\s*)?(?=[\w-]*\d{3})[A-Z]{0,4}-?\d[\w/-]*\s+(?:[-–—|:]\s+)?", re.IGNORECASE)


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
    for i, word in enumerate(words):
        low = word.lower().strip(",.")
        if depth == 0 and kept and ((low in _ROLE_STOP and not word.isupper()) or _starts_company(words[i:], company_key)):
            break
        if depth == 0 and low in _ROLE_JOIN and not (i + 1 < len(words) and words[i + 1][:1].isupper() and not _starts_company(words[i + 1:], company_key)):
            break
        if word.startswith("("):
            if re.search(r"\d|,", " ".join(words[i:i + 4]).split(")")[0]):
                break
            depth += 1
        if word.endswith(")"):
            depth = max(depth - 1, 0)
        if depth == 0 and word.endswith(",") and kept:
            tail = words[i + 1:i + 3]
            if not (1 <= len(tail) <= 2 and all(t[:1].isupper() for t in tail) and len(words) <= i + 3 and not _starts_company(tail, company_key)):
                kept.append(word.rstrip(","))
                break
        kept.append(word)
        if len(kept) >= 10:
            break
    return kept


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
    role = _ROLE_JUNK.sub("", role)
    return role.strip(" \t-–—:#'\"“”‘’,.")


def _plausible_role(role: str, company_key: str) -> bool:
    words = role.split()
    if not words or len(words) > 10 or len(role) < 2:
        return False
    low = role.lower()
    if low in _NOT_ROLE or (words[0].lower() in _ROLE_STOP and not (words[0][:1].isupper() and len(words) > 1 and _TITLE_WORDS.search(role))) or words[0].lower() in ("all", "any", "other", "another", "future", "more", "similar", "such", "same", "new"):
        return False
    if company_key and company_key.startswith(normalize_company(role)):
        return False
    if _SUBJECT_NOISE.search(role) and not _TITLE_WORDS.search(role):
        return False
    if not any(c.isupper() for c in role) and not _TITLE_WORDS.search(role):
        return False
    return not re.search(r"\b(?:we|you|i|our|your|will|would|have|has|had|been|thank|thanks|please|unfortunately|ihre|ihnen|wir|nous|vous|hemos|wij|jouw)\b", role)


_SUBJECT_SPLIT = re.compile(r"\s+[-–—|:/]\s+|\s*[|:]\s*|\s*[–—]\s*")
_SUBJECT_NOISE = re.compile(
    r"^(?:(?:your|ihre|deine|votre|tu|su|je|uw)\s+)?(?:application|bewerbung|candidature|candidatura|sollicitatie|postulación|solicitud)\b|^(?:re|aw|fwd?|wg|tr|rv)\b"
    r"|\b(?:update|status|outcome|result|feedback|decision|next steps?|invitation|reminder|confirmation|received|thank|thanks|unfortunately|interview|offer|assessment|absage|zusage|einladung|entscheidung|"
    r"rückmeldung|ergebnis|eingangsbestätigung|erinnerung|résultat|réponse|suite|retour|point|entretien|resultado|actualización|novedades|comunicación|entrevista|uitslag|terugkoppeling|uitnodiging|"
    r"ontvangstbevestiging|reactie|uitkomst|aanbod|kennismaking|fallstudie|online-tests?|capaciteitentest|vragenlijst|journ[ée]e d'[ée]valuation|journ[ée]e de recrutement|desaf[ií]o|exercice|questionnaire|take-home|thuisopdracht|proefdag|hospitation|acknowledgement|acuse|accusé|confirmación|proceso|mission|opportunité|opportunity|ausschreibung|case study)\b",
    re.IGNORECASE,
)


def _subject_role(subject: str, company_key: str) -> str | None:
    """A subject made of parts ("Acme | Senior Backend Engineer – Ref 12"): the part that
    reads as a title, or the title words inside a part ("Terugkoppeling Senior Data Scientist")."""
    marker = GENDER_MARKER.search(subject)
    if marker:
        head = _SUBJECT_SPLIT.split(subject[: marker.start()])[-1]
        role = _cut_role(_drop_intro(head), company_key)
        if role:
            return role
    parts = [p.strip() for p in _SUBJECT_SPLIT.split(subject) if p.strip()]
    parts += re.findall(r"\(([^()]{3,60})\)", subject)
    for part in parts:
        part = _ROLE_JUNK.sub("", part)
        if _starts_company(part.split(), company_key) and len(part.split()) <= 4:
            continue
        if "(" in part and not _TITLE_WORDS.search(re.sub(r"\([^()]*\)?", " ", part)):
            continue
        if _TITLE_WORDS.search(part):
            title = _drop_intro(part)
            if title == part and _SUBJECT_NOISE.match(part.strip()):
                continue
            role = _cut_role(title, company_key)
            if role and _TITLE_WORDS.search(role):
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
        if _capword(head) and not _SUBJECT_NOISE.search(head) and head.lower() not in _ROLE_LEAD and _TITLE_WORDS.search(rest):
            if all(_capword(w) or w[:1] in "(&" or w.lower() in ("de", "of", "&", "du", "des", "d'", "del", "en", "y", "et", "und", "and", "für", "for", "in", "la", "le") or "/" in w for w in words[i:]):
                return rest
            continue
    return part


def _complete(role: str, body: str) -> str:
    """The subject's title, completed by the body when it writes a longer form ("Category
    Manager" and "Category Manager - Dairy", "Backend Engineer" and "Backend Engineer (Go)")."""
    i = body.find(role)
    if i < 0:
        return role
    m = re.match(r"(?:[ \t]+[-–][ \t]+[A-Z0-9][\w+]*(?:[ \t]+[A-Z][\w+]*){0,2}|[ \t]+\([A-Za-z][\w ]{1,30}\))(?=[ \t]*(?:\n|$|[,.;:)(])|[ \t]+(?:role|position)\b)", body[i + len(role):])
    if m and not GENDER_MARKER.match(m.group(0)) and not re.search(r"\d{3}", m.group(0)):
        return role + m.group(0)
    return role


_TITLE_WORDS = re.compile(
    r"\b(?:engineer|developer|analyst|scientist|specialist|coordinator|co[oö]rdinator|assistant|associate|consultant|officer|director|lead|intern|internship|trainee|administrator|architect"
    r"|representative|advisor|adviser|executive|accountant|technician|nurse|teacher|writer|editor|producer|researcher|recruiter|planner|operator|agent|clerk|controller|strategist|owner|head|supervisor|adjuster"
    r"|buyer|solicitor|lecturer|programme|program|graduate|apprentice|fellow|partner|receptionist|recepcionista|chef|cook|driver|barista|sre|devops|qa|ux|ui|cto|cfo|ceo|sde"
    r"|student|chief|vp|sdr|bdr|counsel|sachbearbeit|koordination|werkstudent|ingenieur|projektleiter|kaufmann|kauffrau|fachangestellte|pfleger|erzieher|praktikant|praktikum|konstrukteur|geschäftsführ|mechatroniker"
    r"|charg[ée]|responsable|ing[ée]nieure?|d[ée]veloppeu|stagiaire|stage|alternance|analyste|consultante?|technicien|gestionnaire|directeur|directrice|commercial|comptable|conseill|vendeu"
    r"|desarrollador|gerente|contr[ôo]leur|ingenier[oa]|t[ée]cnico|analista|becari[oa]|jefe|auxiliar|administrativ|gestor|coordinador|ejecutiv[oa]|tripulante|conductor|dependiente|dise[ñn]ador|programador|enfermer"
    r"|ontwikkelaar|adviseur|beheerder|stagiair|teamleider|projectleider|begeleider|jurist|verpleegkundige|werkvoorbereider|traineeship|beleidsmedewerker|boekhouder)"
    r"|(?:manager|designer|engineer|developer|analyst|ingenieur|planer|berater|leiter|leitung|entwickler|mitarbeiter|medewerker|innendienst|außendienst|fachkraft|assistenz|monteur|programm|adviseur|leider)",
    re.IGNORECASE,
)


# --- ATS, job id, language ------------------------------------------------------------------------

def find_ats(msg: ParsedMessage) -> str | None:
    """The ATS vendor: from the sender's domain, the "via X" display name, or the links."""
    vendor = ats_vendor(msg.sender_domain)
    if vendor:
        return vendor
    via = re.search(r"\bvia\s+(\w[\w .-]*)$", msg.from_name, re.IGNORECASE)
    if via:
        name = via.group(1).strip().lower()
        for domain, vendor in _VENDOR_BY_NAME.items():
            if name == domain:
                return vendor
    for host in msg.link_hosts:
        vendor = ats_vendor(host)
        if vendor:
            return vendor
    return None


_VENDOR_BY_NAME = {vendor.lower(): vendor for vendor in ATS_DOMAINS.values()}

_JOB_ID = re.compile(
    r"(?i:\b(?:req(?:uisition)?\.?(?:\s*(?:id|#|no\.?|number))?|job\s*(?:id|#|no\.?|number|code|ref(?:erence)?)|ref(?:erence)?\.?(?:\s*(?:id|#|no\.?|number|code))?|stellen-?id|kennziffer|referenznummer|referenz|r[ée]f[ée]rence|referencia|vacaturenummer|vacature-?id|n[º°o]\.? de referencia)\s*[:#.]?\s*)"
    r"(?P<id>[A-Z0-9][A-Z0-9_/.-]{1,24}[A-Z0-9])"
    r"|\b(?P<bare>(?:JR|REQ|R|JOB|J|VAC)-?\d{3,9})\b"
)


def find_job_id(text: str) -> str | None:
    """A requisition or job id when the email gives one ("Req ID: R-10423", "JR123456")."""
    for match in _JOB_ID.finditer(text[:10000]):
        value = match.group("id") or match.group("bare")
        if value and any(c.isdigit() for c in value):
            return value
    return None


_STOPWORDS = {
    "en": frozenset("the and to of you your for we in is that with this our be have will as are at on not has been from thank would it an".split()),
    "de": frozenset("der die das und sie ihre ihnen wir zu nicht mit für fur ist ein eine den dem uns bei auf wie auch sich von haben wurde leider vielen dank dass".split()),
    "fr": frozenset("le la les de des et vous votre nous pour que une un est dans pas avec sur au aux ce cette qui avons sommes du vos merci".split()),
    "es": frozenset("el la los las de del y que en por para con su tu una un es no nos hemos te le lo al como muy gracias sus tus".split()),
    "nl": frozenset("de het een en van je jouw u uw wij we ons voor met niet is dat zijn op bij naar heel hebben wordt graag bedankt helaas".split()),
}


def detect_language(text: str) -> str:
    """The language among en, de, fr, es, nl whose common words are most frequent (en by default)."""
    counts = Counter()
    for word in re.findall(r"[a-zà-ÿß]+", text.lower()[:4000]):
        for lang, words in _STOPWORDS.items():
            if word in words:
                counts[lang] += 1
    if not counts:
        return "en"
    return counts.most_common(1)[0][0]
