"""Who a job email is from: the employer, never a person, a legal form or a vendor.

A job board's or agency's mail names the employer only in its text; otherwise the sender's
display name (spelled as the domain has it), a text mention that matches the domain, the
signature, the most frequent mention, and last the domain itself.
"""

import re
from collections import Counter
from functools import lru_cache
from itertools import chain

from worker.extract.names import (
    EMAIL,
    GENERIC_LABELS,
    GENERIC_WORDS,
    GIVEN_NAMES,
    JOINERS,
    KIND_WORDS,
    NOT_EMPLOYER,
    ORG_WORDS,
    PERSONAL_WORDS,
    SENDER_NOISE,
    STOP_COMPANY,
    TITLE_END,
    VENDOR_WORDS,
    VENUE_WORDS,
    company_words,
    is_legal_form,
    is_person_name,
    name_key,
    personlike,
    same_employer,
    strip_legal_suffix,
)
from worker.extract.role import SUBJECT_NOISE, SUBJECT_SPLIT, TITLE_WORDS
from worker.extract.sender import domain_key, fits_key, is_platform_name, own_domain, sender_company, site_key
from worker.parse import ParsedMessage
from worker.prefilter import Guarded
from worker.prefilter_case import Lowered, StartScan
from worker.senders import ats_vendor, is_free_mail, is_job_board, is_relay, looks_like_agency, registered_domain
from worker.text import REPLY_PREFIX, fold

_GREETING = StartScan(re.compile(r"(?i:\b(?:hi|hello|hey|dear|hallo|liebe|lieber|sehr geehrte|bonjour|hola|estimad[oa]|beste|hoi|dag|ciao))\s+([A-ZÀ-Þ][\w'-]+)"))


def strip_reply(subject: str) -> str:
    """The subject without its reply and forward prefixes."""
    return REPLY_PREFIX.sub("", subject)


_COMPANY_WORD = r"(?:[A-ZÀ-ÖØ-Þ0-9][\w&'’.\-À-ÿ]*|(?:&|of|and|de|du|des|la|le|el|del|der|die|und|et|y|van|von|für|for)(?![\w&]))"
_COMPANY = rf"(?<![\w&'’.\-])(?P<company>[A-ZÀ-ÖØ-Þ0-9][\w&'’.\-À-ÿ]*(?:[ \t]+{_COMPANY_WORD}){{0,4}})"
_COMPANY_CONTEXT = re.compile(
    r"(?:\b(?:at|with|join|joining|to join|in joining|interest in|interest in working at|interest in joining|applying to|applied to|apply to|application to|considering|from|team at|career at|careers at|position at|role at|"
    r"sent to|on behalf of|bei|bei der|bei dem|bei den|chez|rejoindre|au sein de|au sein d'|envoyée à|en|con|unirte a|formar parte de|la empresa|l'entreprise|bij|namens)\s+(?:the\s+|der\s+|die\s+|la\s+|le\s+|l'|el\s+|de\s+|het\s+)?)"
    + _COMPANY
)
_COMPANY_TEAM = Guarded(re.compile(_COMPANY + r"\s+(?:team|hiring team|recruiting team|talent team|people team|Team|Recruiting-Team|Personalabteilung|HR-Team)\b"))
_BOARD_PHRASE = re.compile(
    r"(?i:\b(?:sent to|was sent to|submitted to|envoyée à|envoyé à|enviad[oa] a|se ha enviado a|gesendet an|verstuurd naar|verzonden naar|la empresa|l'entreprise|das unternehmen|het bedrijf|the employer|the company)\s+)"
    + _COMPANY
)
_BOARD_UPDATE = re.compile(
    r"(?:^|(?<=[.!\n]\s))" + _COMPANY + r"[ \t]+(?:has|ha|hat|a|heeft)[ \t]+(?:\w+[ \t]+){0,3}?(?:updated|actualizado|aktualisiert|mis à jour|bijgewerkt|viewed|reviewed|visto|consultado|angesehen|bekeken|consulté|gesehen)\b"
)
_BOARD_LINE = re.compile(r"^" + _COMPANY + r"[ \t]+[·•|–—-][ \t]+[A-ZÀ-Þ]", re.MULTILINE)

_EMPLOYER = r"(?P<company>[A-ZÀ-ÖØ-Þ][\w&'’.\-À-ÿ]*(?:[ \t]+" + _COMPANY_WORD + r"){0,4})"
_JOB_NOUN = (r"position|role|job|vacancy|opening|opportunity|post|internship|apprenticeship|application|candidacy|stelle|position|vakanz|rolle|bewerbung|ausbildung|praktikum"
             r"|poste|offre|stage|alternance|candidature|puesto|vacante|plaza|candidatura|postulaci[oó]n|functie|vacature|positie|sollicitatie|stageplek")
_EMPLOYER_PHRASES = (
    # "the Data Analyst position at Corvane Foods", "Stelle als Elektroniker bei der Holtmeier AG", "functie Monteur bij Dekkers"
    re.compile(rf"\b(?i:(?P<noun>{_JOB_NOUN})\b(?P<middle>[ \t]+(?:of|as|als|de|d'|van|voor|for|für|pour|para)\b[^\n.,;:!?()]{{1,60}}?)?[ \t]+(?:at|bei(?:[ \t]+(?:der|dem|den))?|chez|bij|@)[ \t]+)" + _EMPLOYER),
    # "your application to Acme", "Bewerbung an die Acme", "candidature auprès de Acme", "sollicitatie bij Acme"
    re.compile(r"\b(?i:(?P<noun>application|applying|applied|bewerbung|candidature|candidatura|postulaci[oó]n|sollicitatie|solliciteren)[ \t]+"
               r"(?:to|with|at|an(?:[ \t]+(?:die|den|das))?|bei(?:[ \t]+(?:der|dem|den))?|auprès[ \t]+(?:de|d')|chez|a|en|bij)[ \t]+(?:join[ \t]+)?)" + _EMPLOYER),
    # platforms relaying the employer: "accepted by Acme", "acceptée par Acme", "au sein de la structure Acme", "vivier de l'entreprise Acme"
    re.compile(r"\b(?i:(?:accepted|declined|rejected|reviewed|received|acceptée?|refusée?|déclinée?|retenue?|examinée?|transmise?|mise en attente|angenommen|abgelehnt|aceptada|rechazada)"
               r"[ \t]+(?:by|par|von|por|door)[ \t]+(?:l'entreprise[ \t]+|la structure[ \t]+|l'employeur[ \t]+|the employer[ \t]+|the company[ \t]+)?)" + _EMPLOYER),
    re.compile(r"\b(?i:(?:au sein de|vivier de)[ \t]+(?:la structure[ \t]+|l'entreprise[ \t]+|la soci[ée]t[ée][ \t]+|du groupe[ \t]+)?"
               r"|(?:la empresa|l'entreprise|l'employeur|el empleador|das Unternehmen|der Arbeitgeber|het bedrijf|de werkgever|the employer|the hiring company|on behalf of|im Auftrag von|pour le compte de|en nombre de|namens)[ \t]+"
               r"|(?:hiring|recruiting|recruitment|talent|people)[ \t]+team[ \t]+(?:at|of|from)[ \t]+"
               r"|(?:sent|submitted|forwarded|delivered|envoy[ée]e?|transmise?|enviad[ao]|gesendet|weitergeleitet|verstuurd|doorgestuurd)[ \t]+(?:to|à|a|an|naar)[ \t]+)" + _EMPLOYER),
    # a field: "Company: Acme", "Nom de la structure : Acme", "Arbeitgeber: Acme", "Empresa: Acme"
    re.compile(r"^(?im:[ \t*_•-]*(?:company|employer|organi[sz]ation|hiring company|entreprise|employeur|nom de la structure|structure|soci[ée]t[ée]|empresa|unternehmen|arbeitgeber|firma|werkgever|bedrijf|organisatie)"
               r"[ \t*_]*:[ \t*_]*)" + _EMPLOYER + r"[ \t*_]*$", re.MULTILINE),
)
"""Where a job email names the employer of the job: a job noun or an application followed by
the employer, a platform's "accepted by", a field. A platform, an ATS or an assessment vendor
writes these about its customer; the employer then is the name here, not the sender."""

_EMPLOYER_SCANS = tuple(map(StartScan, _EMPLOYER_PHRASES))
"""Each phrase tried only where its first words are (``worker.prefilter_case``): the same matches."""

_EMPLOYER_ACTS = re.compile(
    r"(?i:[ \t]+(?:has|hat|a|ha|heeft)[ \t]+(?:\w+[ \t]+){0,2}?"
    r"(?:received|reviewed|viewed|decided|chosen|declined|rejected|invited|erhalten|entschieden|gesichtet|reçu|décidé|examiné|retenu|recibido|decidido|revisado|ontvangen|besloten|bekeken)\b)"
)
_EMPLOYER_BEFORE = re.compile(r"(?:^|(?<=[.!?,:][ \t])|(?<=\n))" + _EMPLOYER + r"$")
"""The employer as the subject of what it did: "Acme has received your application", "Acme a
bien reçu", "Acme hat sich entschieden", "Acme heeft besloten" (the verb found first, the name
read back from it)."""

_NOT_AFTER = re.compile(r"(?i:\b(?:your|current|previous|former|past|present|ihre|ihrer|deine|votre|ton|tu|su|jouw|uw|je|aktuellen?|actuel|actual|huidige)[ \t]+)$")
"""Before a job noun, words that make it the reader's own job elsewhere ("your current role at Acme")."""

def find_company(msg: ParsedMessage, text: str) -> str | None:
    """The employer: a job board's or agency's client named in the text, else the display
    name (spelled as the domain has it), else a text mention matching the domain, the
    signature, the most frequent mention, and last the domain itself."""
    domain = own_domain(msg.sender_domain)
    key = domain_key(msg)
    tld = name_key(domain.rpartition(".")[2]) if domain else ""
    people = _people(msg, text)
    mentions = _mentions(text, people)
    if is_job_board(domain):
        return sender_company(msg) or _board_company(text, people, mentions)
    if key and _is_agency(msg, text, key):
        client = _agency_client(msg, text, key, tld, people, mentions)
        if client:
            return client
    named = sender_company(msg)
    employer, strong = _named_employer(text, people)
    platform = is_platform_name(msg.from_name) or (bool(named) and _is_platform(named, msg.body))
    if employer and not _is_sender(employer, named, msg, key, tld) and (strong or platform or _only_signs(msg, named)):
        return employer
    if platform:
        return None
    if named:
        if key and name_key("the" + named) == key:
            named = "The " + named
        named = _agreed_part(named, key, tld, text)
        return _from_signature(_respell(named, key, tld, mentions, text, domain), msg.body, key)
    own_site = key and not ats_vendor(domain) and not is_relay(domain)
    site_domain = domain
    if not key and is_free_mail(domain) and strip_reply(msg.subject) != msg.subject and not _FORWARD.match(msg.subject):
        site_domain = _addressee_domain(msg)
        if site_domain:
            key = site_key(registered_domain(site_domain).split(".")[0])
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
        site = " ".join(w.title() for w in re.split(r"[-_]", label) if w not in GENERIC_LABELS) or key.title()
        if is_legal_form(site):
            return _legal_signature(msg.body, key)
        return _legal_signature(msg.body, key) or _from_signature(site, msg.body, key)
    if key and ats_vendor(domain):
        mailbox = _mailbox_company(key)
        if mailbox:
            return mailbox
    return (mentions[0] if mentions else None) or subject_name


def _mailbox_company(key: str) -> str | None:
    """The customer an ATS mailbox or subdomain is named after (acme@myworkday.com, acme.recruitee.com):
    the domain key in title case, unless it is only team words."""
    name = key.title()
    return None if _only_noise(name) or is_legal_form(name) or not name.isalpha() or len(name) < 3 else name


def _named_employer(text: str, people: set[str]) -> tuple[str | None, bool]:
    """The one employer the text names in a job or application phrase (see `_EMPLOYER_PHRASES`),
    and whether a phrase other than "<job> at X" names it (that one may name a place: "the Cabin
    Crew role at London Gatwick"). None when the text names none, or several (a list of jobs)."""
    found: list[str] = []
    strong = False
    head = text[:6000]
    sources = [(i, scan.finditer(head)) for i, scan in enumerate(_EMPLOYER_SCANS)] + [(len(_EMPLOYER_PHRASES), _acting(head))]
    for i, matches in sources:
        for m in matches:
            application = i > 0 or (_APPLICATION_NOUN.match(m.group("noun")) is not None and not m.group("middle"))
            if not application and _NOT_AFTER.search(head, max(0, m.start() - 40), m.start()):
                continue
            name = strip_legal_suffix(_LEGAL_PREFIX.sub("", _EMPLOYER_NOUN.sub("", _trim_company(m.group("company")))))
            if (not _plausible_company(name, people) or name_key(name) in VENDOR_WORDS or TITLE_WORDS.search(name) or _PLACE_OR_TIME.match(name)
                    or fold(name) in GIVEN_NAMES or fold(name.split()[0]) in _NOT_A_NAME or _JOB_NOUN_WORD.fullmatch(name.split()[0])):
                continue
            if not any(same_employer(name, other) for other in found):
                found.append(name)
            strong = strong or application
    return (found[0], strong) if len(found) == 1 else (None, False)


def _acting(head: str):
    """Matches of `_EMPLOYER_BEFORE` right before each `_EMPLOYER_ACTS` verb phrase."""
    for verb in _EMPLOYER_ACTS.finditer(head):
        start = max(0, verb.start() - 80)
        m = _EMPLOYER_BEFORE.search(head, start, verb.start())
        if m:
            yield m


_NOT_A_NAME = frozenset(
    """he she it they someone somebody everyone everybody nobody nothing everything something anyone each everyone who what which
    er es man jemand niemand nichts alles il elle on quelqu'un personne rien tout tous él ella alguien nadie nada todo todos
    hij zij ze het iemand niemand niets alles iedereen men nobody none neither either another sie ihnen uns herr herrn frau""".split()
)
"""Sentence openers that are never a name ("Nothing has been decided", "Hij heeft besloten")."""

_JOB_NOUN_WORD = re.compile(rf"(?i:{_JOB_NOUN})")
_APPLICATION_NOUN = re.compile(r"(?i)application|candidacy|bewerbung|candidature|candidatura|postulaci|sollicitatie")


_EMPLOYER_NOUN = re.compile(r"^(?:L'employeur|L'entreprise|La empresa|El empleador|Das Unternehmen|Der Arbeitgeber|Het bedrijf|De werkgever)[ \t]+(?=[A-ZÀ-Þ])")
"""A sentence that opens with the word for employer before the name ("L'employeur Acme a retenu …")."""

_LEGAL_PREFIX = re.compile(r"^(?-i:EI|ACI|ETTI|EITI|AI|GEIQ|EA|ESAT|SIAE)[ \t]+(?=[A-ZÀ-Þ])")
"""French structure types written before the name ("EI Ressort Vert", "ACI Les Potagers Unis")."""

_PLACE_OR_TIME = Lowered(re.compile(
    r"(?i)(?:the|our|this|that|a|an|home|headquarters|hq|office|site|campus|location|remote|zoom|teams|google|microsoft|\d)\b|"
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|montag|dienstag|mittwoch|donnerstag|freitag|lundi|mardi|mercredi|jeudi|vendredi)\b"
))
"""Names after "at" that are not an employer: a place, a meeting tool, a time."""


def _is_sender(employer: str, named: str | None, msg: ParsedMessage, key: str | None, tld: str) -> bool:
    """Whether a name from the text is the sender's own organisation (by display name or domain)."""
    if named and (same_employer(employer, named) or name_key(named) in name_key(employer) or name_key(employer) in name_key(named)):
        return True
    if key and (fits_key(employer, key, tld) or key in name_key(employer) or name_key(employer) in key):
        return True
    first = company_words(employer)[:1]
    return bool(first) and len(first[0]) >= 4 and first[0] in name_key(msg.from_name)


_PLATFORM = StartScan(re.compile(
    r"(?i:\b(?:through|via|powered by|using|on)[ \t]+(?:the[ \t]+)?)(?P<name>[^\n.,;:!?]{2,40}?)(?i:[ \t]+(?:platform|portal|app|website)\b)"
    r"|(?i:\b(?:through|via|powered by)[ \t]+)(?P<via>[^\n.,;:!?]{2,40}?)(?=[ \t]*(?:[,;:!?\n]|\.(?!\w)|$))"
))


def _is_platform(named: str, body: str) -> bool:
    """Whether the body calls the sender a platform it acts through: "apply through Acme",
    "roles on the Acme platform", "powered by Acme". Such a sender is not the employer."""
    key = name_key(named)
    return any(name_key(m.group("name") or m.group("via")) == key for m in _PLATFORM.finditer(body[:6000]))


def _only_signs(msg: ParsedMessage, named: str | None) -> bool:
    """Whether the sender is an organisation that only signs the mail: its name is not a person's
    and the body does not name it before the last lines. An employer names itself ("Acme
    Airlines" as the heading, "us at Acme"); a vendor writing about its customer only signs."""
    if not named:
        return False
    lines = [line for line in msg.body[:6000].splitlines() if line.strip()]
    head = name_key(" ".join(lines[: max(1, len(lines) - 3)]))
    return name_key(named) not in head


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
        if len(line) > 120 or EMAIL.search(line) or re.search(r"https?:|www\.", line):
            continue
        for segment in _SIG_SPLIT.split(line):
            segment = re.sub(r"[ \t]*\([^()]*\)", "", segment).strip(" .:;")
            words = segment.split()
            if not 1 <= len(words) <= 6 or re.search(r"\d", segment):
                continue
            if all(w[:1].isupper() or w[:1] in "&" or w.lower() in JOINERS for w in words) and words[-1][:1].isupper():
                names.append(segment)
    return tuple(names)


def _from_signature(company: str, body: str, key: str | None) -> str:
    """The company as the signature writes it in full ("Fjellhaus" signed "Fjellhaus Outdoor
    GmbH", "GF Acme" signed "Grupo Financiero Acme"): a longer name that starts or ends with it."""
    folded = name_key(company)
    if not folded:
        return company
    acronym = _acronym_pattern(company)
    for segment in _signature_names(body):
        name = strip_legal_suffix(segment)
        whole = name_key(name)
        if len(whole) <= len(folded) or TITLE_WORDS.search(name):
            continue
        if whole.endswith(folded) and not whole.startswith(folded):
            lead = name.split()[: len(name.split()) - len(company.split())]
            if len(lead) == 1 and name_key(lead[0]) in KIND_WORDS and name_key(" ".join(name.split()[1:])) == folded:
                return name  # "Glòria de Sant Jaume" signed "Hotel Glòria de Sant Jaume"
            continue
        if whole.startswith(folded):
            extra = name.split()[len(company.split()):]
        elif acronym and acronym.fullmatch(name):
            return name
        else:
            continue
        if not (1 <= len(extra) <= 2 and not SENDER_NOISE.search(" ".join(extra)) and name_key(" ".join(extra)) and name_key(company + "".join(extra)) == whole):
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
        if name != segment.strip() and any(len(w) >= 4 and w in key for w in (name_key(x) for x in name.split())) and not TITLE_WORDS.search(name):
            return name
    return None


_AGENCY_WORDS = re.compile(
    r"\b(?:recruitment|recruiting|recruiters|talent|talento|search|headhunt\w*|hunters|staffing|personalberatung|personalvermittlung|personaldienstleist\w*|"
    r"recrutement|cabinet|rh|selecci[oó]n|werving|uitzend\w*|executive|interim|resourcing|consultores|headhunters)\b",
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
    if looks_like_agency(own_domain(msg.sender_domain)):
        return True
    if not _CLIENT_WORD.search(text):
        return False
    names = [*_signature_names(msg.body), msg.from_name]
    return any(_AGENCY_WORDS.search(n) and (key in name_key(n) or fits_key(_AGENCY_WORDS.sub("", n), key)) for n in names if n)


def _agency_client(msg: ParsedMessage, text: str, key: str, tld: str, people: set[str], mentions: list[str]) -> str | None:
    """The client an agency names: "our client, Acme", a company in the subject that the
    text names too, else an employer mention that is not the agency."""
    signature = " ".join(_signature_names(msg.body))

    def usable(name: str) -> bool:
        return (_plausible_company(name, people) and not fits_key(name, key, tld) and key not in name_key(name) and not _only_noise(name)
                and not TITLE_WORDS.search(name) and name not in signature and not _personlike_mention(name, msg.body))

    for m in _CLIENT_PHRASE.finditer(text[:6000]):
        name = strip_legal_suffix(_trim_company(m.group("company")))
        if usable(name):
            return name
    body = msg.body[:6000]
    best = None
    for run in _CAPITALIZED.finditer(strip_reply(msg.subject)):
        if TITLE_WORDS.search(run.group(0)) and not SUBJECT_SPLIT.search(run.group(0)):
            continue
        for name in _capitalized_phrases(run.group(0)):
            if len(name) < 3 or not usable(name) or SUBJECT_NOISE.search(name.split()[0]):
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
        if len(candidate) > len(longest) and usable(candidate) and not SENDER_NOISE.search(candidate[len(name):]):
            longest = candidate
    return longest


def _fitting(candidates, key: str, tld: str) -> str | None:
    """The first candidate that matches the domain, or one naming the domain with its
    top-level part ("Sparrowhawk AI" at sparrowhawk.ai) when the text has it."""
    first = None
    for candidate in candidates:
        if is_legal_form(candidate):
            continue
        if tld and name_key(strip_legal_suffix(candidate)) == key + tld:
            return candidate
        if first is None and fits_key(candidate, key, tld):
            first = candidate
    return first


def _with_org_word(name: str, text: str) -> str:
    """The name with the organisation word that follows it in the text ("Brackenridge"
    written "Brackenridge Trust" in the signature)."""
    i = text.find(name)
    m = _FOLLOWING_WORDS.match(text, i + len(name)) if i >= 0 else None
    if m and name_key(m.group(1).split()[-1]) in ORG_WORDS:
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


def _agreed_part(named: str, key: str | None, tld: str, text: str) -> str:
    """The part of a display name that the domain and the text agree on, when the text never
    writes the display name itself: "Werkenbij Halvorsen Zorg" at halvorsen.nl, in a text that
    says "Halvorsen", is Halvorsen; "Hotel Marisol Soria" at marisol.es, in a text that says
    "Hotel Marisol", is Hotel Marisol: the longest run of its words that holds the domain's
    name and that the text writes. When no word of it spells the domain, a name of the text
    that does and shares a word with it ("Talentia Halvorsen Norte" at grupohalvorsen.es, in a
    text that says "Grupo Halvorsen")."""
    words = named.split()
    if not key or len(words) < 2 or fits_key(named, key, tld) or _written(named, text):
        return named
    spelled = [i for i, w in enumerate(words) if fits_key(w, key, tld) or (len(name_key(w)) >= 4 and key.startswith(name_key(w)))]
    if spelled:
        runs = [" ".join(words[a:b]) for a in range(spelled[0] + 1) for b in range(spelled[0] + 1, len(words) + 1) if (a, b) != (0, len(words))]
        written = [run for run in runs if _written(run, text) and run.split()[0].lower() not in JOINERS
                   and not any(name_key(w) in GENERIC_WORDS or (len(name_key(w)) >= 4 and name_key(w) in key) for w in _dropped_lead(words, run))]
        return max(written, key=len) if written else named
    shared = {name_key(w) for w in words if (len(name_key(w)) >= 3 or (len(w) >= 2 and w.isupper())) and name_key(w) not in GENERIC_WORDS}
    for candidate in _capitalized_phrases(text):
        if fits_key(candidate, key, tld) and shared & {name_key(w) for w in candidate.split()}:
            return candidate
    return named


def _dropped_lead(words: list[str], run: str) -> list[str]:
    """The leading words of a display name that a run of them leaves out: a kind of organisation
    there ("Gemeente", "Hotel"), or a word the domain spells too ("Métropole" at
    vallombre-metropole.fr), is part of the name even when the text leaves it out."""
    kept = run.split()
    return words[: next(i for i in range(len(words)) if words[i:i + len(kept)] == kept)]


def _written(name: str, text: str) -> bool:
    """Whether the text writes a name as words of its own (any case)."""
    return re.search(rf"(?<![\w&]){re.escape(name)}(?![\w&])", text, re.IGNORECASE) is not None


def _respell(named: str, key: str | None, tld: str, mentions: list[str], text: str, domain: str = "") -> str:
    """The display name, completed to the text's longer spelling when only that matches
    the domain ("Kessler" at kessler-logistik.de, "Kessler Logistik" in the text), or to the
    domain's own words when the name is their tail ("Hafen Nord" at logistik-hafen-nord.de)."""
    if not key or fits_key(named, key, tld):
        return named
    prefix = name_key(named)
    for candidate in chain(mentions, _capitalized_phrases(text)):  # lazily: the first that fits ends it
        if name_key(candidate).startswith(prefix) and len(candidate) > len(named) and fits_key(candidate, key, tld):
            return candidate
    labels = [w for w in re.split(r"[-_]", registered_domain(domain).split(".")[0]) if w] if domain and not ats_vendor(domain) else []
    tail = [name_key(w) for w in named.split()]
    if len(labels) > len(tail) >= 2 and [name_key(w) for w in labels[-len(tail):]] == tail and all(len(w) >= 3 for w in labels[: -len(tail)]):
        return " ".join(w.title() for w in labels[: -len(tail)]) + " " + named
    return named


def _mentions(text: str, people: set[str]) -> list[str]:
    """Plausible employer names in an employer context, most frequent first (ties: first seen)."""
    counts: Counter[str] = Counter()
    for pattern in (_COMPANY_CONTEXT, _COMPANY_TEAM):
        for m in pattern.finditer(text[:8000]):
            name = strip_legal_suffix(_trim_company(m.group("company")))
            if pattern is _COMPANY_TEAM:
                name = _team_owner(name)
            if _plausible_company(name, people):
                counts[name] += 1
    return [name for name, _ in counts.most_common()]


_TEAM_LEAD = re.compile(r"^(?i:(?:the|your|our|ihr|ihre|dein|deine|euer|unser|votre|notre|ton|het|je|uw|jullie|tu|su|vuestro|nuestro)[ \t]+)")


def _team_owner(name: str) -> str:
    """The employer of a team that signs: "The Acme Recruiting" (Team), "Ihr Acme" (Recruiting-Team)
    give "Acme"; the article, the possessive and the team's own words are not part of it."""
    words = _TEAM_LEAD.sub("", name).split()
    while len(words) > 1 and SENDER_NOISE.fullmatch(words[-1]):
        words.pop()
    return " ".join(words)


def _board_company(text: str, people: set[str], mentions: list[str]) -> str | None:
    """The employer in a job board's relay: "sent to Acme", "La empresa Acme", a mention
    ("Recruiter at Acme"), or the "Acme · City" line under the job title."""
    found = [strip_legal_suffix(_trim_company(m.group("company"))) for m in _BOARD_PHRASE.finditer(text[:6000])]
    found += [strip_legal_suffix(_trim_company(m.group("company"))) for m in _BOARD_UPDATE.finditer(text[:6000])]
    found += mentions
    found += [strip_legal_suffix(_trim_company(m.group("company"))) for m in _BOARD_LINE.finditer(text[:6000])]
    for name in found:
        if _plausible_company(name, people) and name_key(name) not in VENDOR_WORDS and not NOT_EMPLOYER.search(name) and not _personlike_mention(name, text):
            return name
    return None


def _personlike_mention(name: str, text: str) -> bool:
    """A mention that is a person's name: it opens a line of its own or follows "from"/"with" alone."""
    if not personlike(name):
        return False
    return any(line.strip() == name or line.rstrip().endswith((f"from {name}", f"with {name}")) for line in text.splitlines())


def _people(msg: ParsedMessage, text: str) -> set[str]:
    """Folded first words of the people in the mail (sender, greeting, sign-off): never an employer."""
    names = {name_key(w) for w in msg.from_name.split()[:1]}
    for m in _GREETING.finditer(text[:6000]):
        names.add(name_key(m.group(1)))
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
    if not line or len(line) > 60 or EMAIL.search(line) or re.search(r"\d{3}|https?:|www\.", line) or _SENT_FROM.search(line):
        return None
    m = re.search(r"(?:,|\bat|\bbei|\bchez|\bbij|\||–|-)\s+(?P<c>[A-ZÀ-Þ][^,|]{1,40})$", line)
    if m and TITLE_WORDS.search(line[: m.start()]):
        line = m.group("c")
    if TITLE_WORDS.search(line) or not line[:1].isupper() or len(line.split()) > 5:
        return None
    name = strip_legal_suffix(line)
    return name if _plausible_company(name, set()) and not _only_noise(name) else None


_SENT_FROM = re.compile(r"(?i)\b(?:sent from|sent with|get outlook|verstuurd (?:vanaf|met)|verzonden (?:vanaf|met)|envoy[ée] (?:de|depuis)|enviado desde|von meinem|gesendet von)\b")


def _subject_company(subject: str) -> str | None:
    """A subject part that names only an employer ("Kestrel Analytics - Data Analyst: …")."""
    for part in SUBJECT_SPLIT.split(strip_reply(subject)):
        words = part.split()
        while len(words) > 1 and SUBJECT_NOISE.fullmatch(words[0]):
            words = words[1:]  # "Retour Valmont Industrie", "Terugkoppeling …": what the mail is about, not the name
        part = " ".join(words)
        if 1 <= len(words) <= 3 and all(w[:1].isupper() for w in words) and not TITLE_WORDS.search(part) and _plausible_company(part, set()) and not NOT_EMPLOYER.search(part):
            return strip_legal_suffix(part)
        if 3 <= len(words) <= 6 and name_key(words[0]) in VENUE_WORDS | PERSONAL_WORDS and words[-1][:1].isupper() and all(
                w[:1].isupper() or w.lower() in JOINERS for w in words) and not TITLE_WORDS.search(part) and not NOT_EMPLOYER.search(part):
            return strip_legal_suffix(part)
    return None


def _only_noise(name: str) -> bool:
    """A name made only of team words ("Recruitment & Talent", "Talent Team")."""
    return not re.sub(r"[\W_]|\band\b|\bund\b|\ben\b|\by\b|\bet\b", "", SENDER_NOISE.sub("", name))


def _trim_company(name: str) -> str:
    """Drop trailing joiner words a greedy match took along ("Acme and", "Acme for")."""
    words = name.split()
    for i, word in enumerate(words):
        if i and word.endswith(".") and len(word) > 4:
            words = words[: i + 1]
            break
    while words and (words[-1].lower() in JOINERS or words[-1].lower() in STOP_COMPANY):
        words.pop()
    return " ".join(words)


def _plausible_company(name: str, people: set[str]) -> bool:
    if not name or len(name) < 2 or len(name) > 60 or name.isdigit() or is_legal_form(name):
        return False
    words = name.split()
    first = words[0].lower().strip(".,")
    if first in STOP_COMPANY or name_key(words[0]) in people or NOT_EMPLOYER.search(name):
        return False
    if _only_noise(name) or TITLE_END.search(name) or is_person_name(name):
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
