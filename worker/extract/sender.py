"""The employer as the sender reveals it: the display name and the domain.

An ATS sends "Acme Hiring via Greenhouse" (the employer is Acme, not the vendor); a person
writes from jane.doe@acme.com; a career site is named werkenbijacme.nl. Each gives a name or
a domain key that text mentions are matched against.
"""

import re

from worker.extract.names import (
    EMAIL,
    GENERIC_LABELS,
    GIVEN_NAMES,
    JOINERS,
    ORG_WORDS,
    PERSONAL_WORDS,
    SENDER_NOISE,
    STOP_COMPANY,
    TITLE_END,
    UMLAUTS,
    VENDOR_WORDS,
    VENUE_WORDS,
    is_legal_form,
    is_person_name,
    name_key,
    personlike,
    strip_legal_suffix,
)
from worker.parse import ParsedMessage
from worker.senders import (
    PLACEHOLDER_LABELS,
    ats_vendor,
    is_free_mail,
    is_job_board,
    is_placeholder,
    is_relay,
    registered_domain,
)
from worker.text import fold

_SITE_AFFIX = re.compile(r"^(?:werkenbij|werkenvoor|werkenbij|careersat|jobsat|joinus|join|karriere|careers|jobs)(?=\w{3})|(?<=\w{3})(?:careers|jobs|karriere|recruiting|talent|werkenbij)$")

_SENDER_PHRASE = re.compile(
    r"\b(?:werken bij|werken voor|werk bij|working at|work at|careers? at|jobs? at|karriere bei|jobs bei|arbeiten bei|travailler chez|rejoindre|trabaja (?:en|con)|trabajar en|join(?:ing)?|team at|hiring at|recruiting at)\b",
    re.IGNORECASE,
)
_ON_BEHALF = re.compile(r"\s+(?:on behalf of|namens|im auftrag von|pour le compte de|en nombre de)\s+", re.IGNORECASE)
_VIA = re.compile(r"\s+(?:via|through|by|powered by|über|par|a traves de|a través de|vía)\s+.+$", re.IGNORECASE)
_NAME_SPLIT = re.compile(r"\s+(?:from|at|@|bei|chez|bij|en)\s+|\s*[|()\[\]/,:]\s*|\s+[-–—]\s+|\s*[–—]\s*", re.IGNORECASE)
_OF = re.compile(r"^(?P<lead>.+?)\s+(?-i:van|von|de|d['’]|du|del|della|di|da|of)\s*(?P<rest>(?<=['’])\S.*|(?<=\s)[A-ZÀ-Þ].*)$")
"""A lead and the name it belongs to, joined by a lower-case "of" ("Sanne van Acme", "L'équipe de Acme")."""
_LEAD_WORDS = re.compile(
    r"\b(?:the|your|our|het|de|die|der|das|ihr|ihre|dein|deine|euer|eure|unser|unsere|votre|notre|ton|le|la|les|el|los|las|tu|su|nuestro|nuestra|je|uw|jullie|onze|ons)\b|\bl['’]|\bd['’]",
    re.IGNORECASE,
)
"""Articles and possessives before a team word ("Ihr Team", "L'équipe", "Het team")."""

def sender_company(msg: ParsedMessage) -> str | None:
    """The employer named by the sender's display name, or None for a person or a vendor."""
    name = msg.from_name.strip()
    if not name or EMAIL.search(name):
        return None
    name = _VIA.sub("", name)
    if _is_vendor_name(name):
        return None
    behalf = _ON_BEHALF.split(name, maxsplit=1)
    name = behalf[-1]
    name = _SENDER_PHRASE.sub(" | ", name)
    key = domain_key(msg)
    name = _employer_of(name, key, msg.body)
    parts = [p.strip() for p in _NAME_SPLIT.split(name) if p and p.strip()]
    if key:
        whole = [p for p in parts if name_key(strip_legal_suffix(p)) == key and not is_legal_form(p) and not _is_vendor_name(p)]
        if whole:
            return strip_legal_suffix(whole[0])
        parts.sort(key=lambda p: not (fits_key(_clean_sender_part(p), key) or _names_site(p, msg)))
    at_company = len(parts) > 1 and len(parts[0].split()) == 1 and re.match(r"^\S+\s+(?:at|from|bei|chez|bij|@)\s", name, re.IGNORECASE)
    if len(parts) > 1 and (at_company or _looks_like_person(parts[0], msg) or (personlike(parts[0]) and not _names_site(parts[0], msg))):
        parts = parts[1:] + parts[:1]
    for part in parts:
        cleaned = _clean_sender_part(part)
        if len(cleaned) < 2 or is_legal_form(cleaned) or _looks_like_person(cleaned, msg) or _is_vendor_name(cleaned) or TITLE_END.search(cleaned):
            continue
        return strip_legal_suffix(cleaned)
    return None


_PLATFORM_WORD = re.compile(r"(?<![\w-])(?:platform|plateforme|plataforma|plattform|portal|portail)(?![\w-])", re.IGNORECASE)
_JOB_WORD = re.compile(r"(?<![\w-])(?:emplois?|empleos?|empleo|jobs?|karriere|careers?|vacatures|stellen|werk|trabajo|recrutement|talents?)(?![\w-])", re.IGNORECASE)


def is_platform_name(name: str) -> bool:
    """A display name that calls the sender a job platform ("Plateforme Emploi Local", "Portal de
    Empleo", "Jobs Platform"): it relays employers, so its own name is never the employer. A portal
    named after one employer ("Portal KV Logistiek", "Jobportal Acme") has no job word beside it."""
    return bool(_PLATFORM_WORD.search(name) and _JOB_WORD.search(name))


def _employer_of(name: str, key: str | None, body: str) -> str:
    """The employer of "<team or person> of <employer>": "Het team van Acme", "L'équipe de Acme"
    (only a team word before it), and "Sanne van Acme" or "Lena von Acme" at acme's own domain
    (a common first name before a name the domain spells, and the text never writes the whole).
    Otherwise the name as it is ("Métropole de Vallombre", "Jan van Dijk")."""
    m = _OF.match(name)
    if not m:
        return name
    lead, rest = m.group("lead"), m.group("rest")
    if not " ".join(_LEAD_WORDS.sub(" ", SENDER_NOISE.sub(" ", lead)).split()).strip(" .,-–|&"):
        return rest
    words = lead.split()
    if (key and len(words) == 1 and fold(words[0]) in GIVEN_NAMES and _spells_key(_clean_sender_part(rest), key) and not fits_key(name, key)
            and name not in body):
        return rest
    return name


def _spells_key(name: str, key: str) -> bool:
    """Whether a name is the domain's or its first part ("Brakel" at brakel-maschinenbau.de)."""
    folded = name_key(strip_legal_suffix(name))
    return fits_key(name, key) or (len(folded) >= 4 and key.startswith(folded))


def _names_site(name: str, msg: ParsedMessage) -> bool:
    """Whether a word of the name (4 letters or more) is in the sender's own domain name."""
    domain = own_domain(msg.sender_domain)
    if not domain or ats_vendor(domain) or is_free_mail(domain) or is_relay(domain):
        return False
    site = name_key(registered_domain(domain).split(".")[0])
    return any(len(w) >= 4 and w in site for w in (name_key(x) for x in name.split()))


def _clean_sender_part(part: str) -> str:
    """A display-name part without team words and loose joiners ("Reclutamiento Farmacias del Bajío")."""
    cleaned = " ".join(SENDER_NOISE.sub(" ", part).split())
    words = cleaned.split()
    while words and words[0].strip(".,") in JOINERS:
        words.pop(0)
    while words and words[-1].strip(".,") in JOINERS:
        words.pop()
    return " ".join(words).strip(" .,-–|&")


def _is_vendor_name(name: str) -> bool:
    low = name.lower()
    return bool(ats_vendor(name_key(name) + ".com")) or low in STOP_COMPANY or any(name_key(w) in VENDOR_WORDS for w in name.split()) or name_key(name) in VENDOR_WORDS


def _looks_like_person(name: str, msg: ParsedMessage) -> bool:
    """"Jane Doe" sending from jane.doe@… is a person; "Acme Careers" is not, nor "Acme"
    sending from acme@myworkday.com (the ATS mailbox is named after its customer)."""
    words = [w for w in re.findall(r"[^\W\d_]+", fold(name)) if len(w) >= 2]
    if not words or len(words) > 4:
        return False
    if SENDER_NOISE.search(name) or any(w in PERSONAL_WORDS or w in ORG_WORDS or w in VENUE_WORDS for w in words):
        return False
    if is_person_name(name):
        return True
    domain = own_domain(msg.sender_domain)
    if ats_vendor(domain):
        return False
    local = name_key(msg.from_address.partition("@")[0])
    if _address_of(words, local):
        return True
    site = name_key(registered_domain(domain).split(".")[0]) if domain else ""
    in_local = [w for w in words if len(w) >= 3 and w in local]
    if len(in_local) >= 2 or any(w not in site for w in in_local):
        return True
    if is_free_mail(domain) and len(words) <= 3:
        return True
    if not personlike(name):
        return False
    if is_relay(domain):
        return any(words[0] in a.partition("@")[0] for a in EMAIL.findall(msg.body[:3000]))
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


def own_domain(domain: str) -> str:
    """The sender's domain with the stand-in label "example" taken out when the organisation's
    own label stands before it: "kestner.example.de" and "kestner.example.co.uk" are read as
    kestner's, like "kestner.example" is (samples and invented mail put it there, RFC 2606 style)."""
    parts = domain.lower().split(".") if domain else []
    if "example" in parts[1:-1]:
        i = parts.index("example", 1)
        if parts[i - 1] not in PLACEHOLDER_LABELS | GENERIC_LABELS:
            return ".".join(parts[:i] + parts[i + 1:])
    return domain


def domain_key(msg: ParsedMessage) -> str | None:
    """The sender domain's own name when it can be an employer's (not free mail, not a board,
    and for an ATS the customer's subdomain or mailbox name), folded like `name_key`."""
    domain = own_domain(msg.sender_domain)
    if not domain or is_free_mail(domain) or is_job_board(domain) or is_placeholder(domain):
        return None
    if is_relay(domain):
        return _body_contact_key(msg.body)
    reg = registered_domain(domain)
    if not ats_vendor(domain):
        return site_key(reg.split(".")[0])
    subs = [s for s in domain[: -len(reg)].strip(".").split(".") if s and s not in GENERIC_LABELS]
    if subs:
        return site_key(subs[-1])
    local = address_key = msg.from_address.partition("@")[0]
    if local in GENERIC_LABELS or local.startswith(("no-reply", "noreply", "donotreply", "do-not-reply")):
        return None
    return site_key(address_key)


def site_key(label: str) -> str | None:
    """A domain label without career-site words: "werkenbijacme", "acme-careers" give "acme"."""
    parts = [p for p in re.split(r"[-_.]", label.lower()) if p and p not in GENERIC_LABELS]
    key = name_key("".join(parts))
    key = _SITE_AFFIX.sub("", key)
    return key if len(key) >= 2 else None


def _body_contact_key(body: str) -> str | None:
    """For a relay (e-signature, test platform), the employer's domain of an address in the text."""
    for address in EMAIL.findall(body[:3000]):
        domain = address.rpartition("@")[2].lower()
        if not (is_free_mail(domain) or is_job_board(domain) or is_relay(domain) or ats_vendor(domain)):
            return site_key(registered_domain(domain).split(".")[0])
    return None


def fits_key(name: str, key: str, tld: str = "") -> bool:
    """Whether a written name is the one behind a domain key: "Kessler Logistik" and
    "kesslerlogistik", "Auric Semiconductor" and "auricsemi", "Sparrowhawk AI" and sparrowhawk.ai."""
    folded = name_key(strip_legal_suffix(name))
    if not folded or not key:
        return False
    if any(c in name for c in "äöüÄÖÜ"):
        spelled = name.translate(UMLAUTS)
        if spelled != name and fits_key(spelled, key, tld):
            return True
    if folded == key or (tld and folded == key + tld) or (key.startswith(folded) and is_legal_form(key[len(folded):])):
        return True
    words = [name_key(w) for w in strip_legal_suffix(name).split()]
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
