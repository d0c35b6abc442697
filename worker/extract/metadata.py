"""The rest of what a job email names: the ATS vendor, the requisition id, the language."""

import re
from collections import Counter

from worker.parse import ParsedMessage
from worker.senders import ATS_DOMAINS, ats_vendor


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

_DIGIT = re.compile(r"\d")


def find_job_id(text: str) -> str | None:
    """A requisition or job id when the email gives one ("Req ID: R-10423", "JR123456")."""
    head = text[:10000]
    if _DIGIT.search(head) is None:  # every id kept holds a digit: no need to scan a text without one
        return None
    for match in _JOB_ID.finditer(head):
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


_WORD_LANGUAGES = {word: tuple(lang for lang, words in _STOPWORDS.items() if word in words)
                   for word in frozenset().union(*_STOPWORDS.values())}
"""Each common word's languages, in ``_STOPWORDS`` order."""

_WORD = re.compile(r"[a-zà-ÿß]+")


def detect_language(text: str) -> str:
    """The language among en, de, fr, es, nl whose common words are most frequent (en by default;
    on a tie, the language whose first common word comes first)."""
    counts = Counter()
    for word, times in Counter(_WORD.findall(text.lower()[:4000])).items():  # first seen first
        for lang in _WORD_LANGUAGES.get(word, ()):
            counts[lang] += times
    if not counts:
        return "en"
    return counts.most_common(1)[0][0]
