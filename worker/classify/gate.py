"""The everyday gate: settles, before the full classification, the mail that is never about
a job application, which is most of a mailbox.

Two cheap looks. The headers (split by hand, without the MIME parser): a discussion list, a
delivery report or a service's notification, unless the subject or the sender names a job
search. Then the folded text: a message without a single word of a job search in any of the five
languages is not job mail. That second look runs first on the raw bytes of a body the MIME
parser would only copy (no base64, quoted-printable or HTML, plain ASCII): no job word there
means none in the text the parser would give either, so most everyday mail is settled before
any parse. Measured to lose no job email of the corpus or of the real mail
(``tests/worker/test_quality.py``).
"""

import codecs
import re
from collections.abc import Mapping
from email.message import Message
from email.parser import BytesHeaderParser
from email.policy import compat32

from worker.classify import names
from worker.parse import MAX_MESSAGE_BYTES, decode_header_value
from worker.prefilter_headers import headers_hint_job
from worker.text import fold

NOTIFICATION_SENDERS = frozenset({
    "github.com", "gitlab.com", "bitbucket.org", "atlassian.net", "sourceforge.net", "launchpad.net",
    "calendar-notification@google.com", "facebookmail.com", "twitter.com", "x.com", "paypal.com", "amazon.com",
    "amazon.de", "amazon.fr", "ebay.com", "doctolib.fr", "doctolib.de",
})
"""Domains (or whole addresses) whose mail is a service talking about itself, never an employer."""

_BOUNCE_LOCAL = re.compile(r"^(?:mailer-daemon|postmaster|mail-daemon|bounces?)\b", re.IGNORECASE)


Headers = Message | Mapping[str, str]
"""Parsed headers: a stdlib message, or ``worker.parse.header_fields``' lower-case names to raw values."""


def header_verdict(raw: bytes, fields: Mapping[str, str] | None = None, hinted: bool | None = None) -> tuple[str, str] | None:
    """(reason, what showed it) when the headers alone show everyday mail, else None.

    ``fields`` are the message's header fields already split (``worker.parse.header_fields``);
    without them the header section is parsed here. A job-looking subject or sender
    (``worker.prefilter_headers``) always goes on to the full classification; ``hinted`` is that
    look's answer on these ``fields`` when the caller already has it."""
    headers: Headers = fields if fields is not None else BytesHeaderParser(policy=compat32).parsebytes(header_bytes(raw))
    if headers_hint_job(headers) if hinted is None or fields is None else hinted:
        return None
    return _list(headers) or _bounce(headers) or _notification(headers)


def _get(headers: Headers, name: str) -> str:
    if isinstance(headers, Message):
        value = headers.get(name)
        return "" if value is None else str(value)
    return headers.get(name.lower(), "")


def header_bytes(raw: bytes) -> bytes:
    """The header section of a raw message, with the blank line that ends it."""
    end = raw.find(b"\n\n")
    crlf = raw.find(b"\r\n\r\n")
    if crlf != -1 and (end == -1 or crlf < end):
        return raw[: crlf + 4]
    return raw if end == -1 else raw[: end + 2]


def _list(headers: Headers) -> tuple[str, str] | None:
    list_id = _get(headers, "List-Id")
    if list_id:
        return names.MAILING_LIST, decode_header_value(list_id)[:80]
    precedence = _get(headers, "Precedence").strip().lower()
    if precedence in ("list", "bulk", "junk") and not _get(headers, "List-Unsubscribe"):
        return names.MAILING_LIST, f"Precedence: {precedence}"
    return None


def _bounce(headers: Headers) -> tuple[str, str] | None:
    sender = decode_header_value(_get(headers, "From"))
    local = sender.rpartition("<")[2].partition("@")[0]
    if _BOUNCE_LOCAL.match(local.strip()):
        return names.DELIVERY_REPORT, local.strip()
    if _get(headers, "Content-Type").lower().startswith("multipart/report"):
        return names.DELIVERY_REPORT, "multipart/report"
    return None


def _notification(headers: Headers) -> tuple[str, str] | None:
    sender = decode_header_value(_get(headers, "From")).lower()
    match = re.search(r"[\w.+'=-]+@([\w-]+(?:\.[\w-]+)+)", sender)
    if not match:
        return None
    address, domain = match.group(0), match.group(1)
    for candidate in (address, domain, domain.partition(".")[2]):
        if candidate in NOTIFICATION_SENDERS:
            return names.NOTIFICATION, candidate
    return None


JOB_SEARCH_STEMS = re.compile(
    r"\b(?:jobs?\b|position|roles?\b|rol\b|rolle|vacan|hiring|hire|recruit|interview|career|employ|talent|applica|applie|apply|candida|cv\b"
    r"|resume|offer|opening|headhunt|intern|trainee|trial (?:shift|day)|work trial|shadowing|onboard|salary|contract|team|engineer|develop|design|manag|analy|consult|special"
    r"|coordinat|assistant|director|officer|scien|architect|admin|account|technic|lead|founder|cto\b|ceo\b|portfolio|assess|test|exercise"
    r"|challenge|case|screen|call|chat|coffee|slot|meeting|availab|schedul|shortlist|position|opportunit|hr\b|people\b|selec|process"
    r"|bewerb|karriere|vorstell|personal|vertrag|einstell|anstell|praktik|ausbild|azubi|werkstudent|termin|kennenlern|einladung|zusage|absage|probe(?:tag|arbeit|schicht)|schnupper"
    r"|poste|emploi|embauch|recrut|entretien|stage|alternan|parcours|echange|profil|convoc|mission"
    r"|puesto|empleo|vacante|postula|seleccion|contrata|oferta|curricul|perfil|llamada|videollamada|prueba|oportunidad|plaza|cargo|convocatoria|busqueda"
    r"|vacature|sollicit|functie|baan|werving|dienstverband|plaatsing|inschrijving|kennismak|uitnodig|opdracht|proefdag|meeloop|langskomen|medewerker|plek)"
    r"|stelle|gesprach|gesprek|entrevista|ingenieur|manager|entwickler|werdegang|telefonat"
)
"""Stems of the words any job email has in one of the five languages (titles, steps,
documents, the process): broad on purpose, so the gate never settles job mail."""


def text_verdict(folded: str) -> tuple[str, str] | None:
    """(reason, "") when a folded subject and body have no word of a job search, else None."""
    return None if JOB_SEARCH_STEMS.search(folded) else (names.NO_JOB_WORDS, "")


_OPAQUE = re.compile(rb"base64|quoted-printable|uuencode|x-uue|text/html|charset\*")
"""Words in a lower-cased message that say the MIME parser would change the body's bytes
(decode, convert HTML, or read an RFC 2231 parameter): then the raw bytes say nothing sure."""

_CHARSET = re.compile(rb"charset\s*=\s*[\"']?([^\s\"';]*)")


def raw_text_verdict(raw: bytes, head: bytes, fields: Mapping[str, str]) -> tuple[str, str] | None:
    """``text_verdict`` from the raw bytes, before any parse: (reason, "") when neither the subject
    nor the raw body has a word of a job search and the body is one the parser would only copy
    (ASCII, no transfer encoding, no HTML, ASCII-compatible charsets), else None.

    Everything the parser and the text cleaning keep of such a body is already in its raw bytes
    (they only drop parts, quotes and spaces), so no job word there means none in the text
    ``classify`` would read: the verdict is the same, without the parse."""
    if len(raw) > MAX_MESSAGE_BYTES:
        return None
    body = raw[len(head):]
    if not body.isascii():
        return None
    lowered = raw.lower()
    if _OPAQUE.search(lowered) or not all(_ascii_compatible(c) for c in _CHARSET.findall(lowered)):
        return None
    subject = fields.get("subject")
    if subject and JOB_SEARCH_STEMS.search(fold(decode_header_value(subject))):
        return None
    if JOB_SEARCH_STEMS.search(body.decode("ascii").lower()):
        return None
    return names.NO_JOB_WORDS, ""


_COMPATIBLE: dict[bytes, bool] = {}


def _ascii_compatible(charset: bytes) -> bool:
    """Whether a declared charset reads ASCII bytes as ASCII (an unknown one falls back to UTF-8)."""
    known = _COMPATIBLE.get(charset)
    if known is None:
        name = charset.decode("ascii", "replace").strip()
        try:
            codec = codecs.lookup(name).name
        except (LookupError, ValueError):
            known = "'" not in name
        else:
            known = codec in ("ascii", "utf-8", "latin-1", "koi8-r", "koi8-u") or codec.startswith(("iso8859", "cp125"))
        if len(_COMPATIBLE) < 1000:
            _COMPATIBLE[charset] = known
    return known
