"""A header-only guess at whether a message is about a job application.

Measured on ``tests/corpus/tuned`` (``tests/worker/test_prefilter_headers.py`` keeps the figure
honest): deciding on headers alone misses more than the 0.5 % we accept (``MAX_MISS_RATE``), so the
sync fetches a capped body prefix of every new message the everyday gate does not settle from its
headers (``BODY_PREFIX_FOR_ALL``), and uses this guess only to report. The everyday gate
(``worker.classify.gate``) also calls it: a job-looking subject or sender is never settled."""

import re
from collections.abc import Mapping
from email.message import Message
from email.parser import BytesHeaderParser
from email.policy import compat32

from worker.parse import decode_header_value
from worker.senders import ats_vendor, is_job_board, registered_domain

HEADER_FIELDS = ("FROM", "SENDER", "REPLY-TO", "TO", "SUBJECT", "DATE", "MESSAGE-ID", "IN-REPLY-TO", "LIST-ID",
                 "LIST-UNSUBSCRIBE", "PRECEDENCE", "AUTO-SUBMITTED", "CONTENT-LANGUAGE", "CONTENT-TYPE")
"""The fields this guess reads: ``header_block`` keeps only these when measuring it."""

MAX_MISS_RATE = 0.005
"""The largest share of job-related messages a headers-only decision may miss: 0.5 %."""

BODY_PREFIX_FOR_ALL = True
"""Measured: the headers-only guess misses more than MAX_MISS_RATE of job-related messages, so
every new message's body prefix is fetched and classified (unless the everyday gate settles it
from its headers: a list, a delivery report, a service's notification)."""

_SUBJECT = re.compile(
    r"appl(?:y|ied|ying|ication)|candida|position|\brole\b|\bjobs?\b|career|interview|offer|opportunit|vacanc|recruit|"
    r"hiring|talent|resume|\bcv\b|assessment|next steps|your profile|"
    r"bewerbung|stelle|absage|karriere|vorstellungsgespr|einladung|angebot|"
    r"poste|entretien|offre|recrutement|emploi|"
    r"solicitud|puesto|entrevista|oferta|empleo|vacante|proceso de selecci|"
    r"sollicitatie|vacature|functie|gesprek|aanbod",
    re.IGNORECASE,
)
_MAILBOX = re.compile(r"([\w.+'=-]+)@([\w-]+(?:\.[\w-]+)+)")
_LOCAL = re.compile(r"^(?:jobs?|careers?|recruit\w*|talent\w*|hr|hiring|people|karriere|bewerbung\w*|rh|recrutement|empleo|werk)\b",
                    re.IGNORECASE)


def may_be_job_related(header_bytes: bytes) -> bool:
    """True when the headers hint at a job application: a job word in the subject, an ATS or
    job-board sender, or a recruiting mailbox name."""
    return headers_hint_job(BytesHeaderParser(policy=compat32).parsebytes(header_bytes))


def headers_hint_job(headers: Message | Mapping[str, str]) -> bool:
    """``may_be_job_related`` on headers already parsed: a stdlib message, or the lower-case field
    names and raw values of ``worker.parse.header_fields``."""
    if isinstance(headers, Message):
        def get(name: str) -> str:
            value = headers.get(name)
            return "" if value is None else str(value)
    else:
        def get(name: str) -> str:
            return headers.get(name.lower(), "")
    subject = decode_header_value(get("Subject"))
    if _SUBJECT.search(subject):
        return True
    for name in ("From", "Sender", "Reply-To"):
        value = get(name)
        if "@" not in value and "=?" not in value:
            continue
        match = _MAILBOX.search(decode_header_value(value))
        if not match:
            continue
        local, domain = match.group(1), match.group(2).lower()
        if ats_vendor(domain) or is_job_board(registered_domain(domain)) or _LOCAL.match(local):
            return True
    return False


def header_block(raw: bytes) -> bytes:
    """The header fields of HEADER_FIELDS from a whole message, as the IMAP server would return them."""
    head = raw.split(b"\r\n\r\n", 1)[0] if b"\r\n\r\n" in raw else raw.split(b"\n\n", 1)[0]
    wanted = {f.lower() for f in HEADER_FIELDS}
    out, keep = [], False
    for line in head.splitlines(keepends=True):
        if line[:1] in (b" ", b"\t"):
            if keep:
                out.append(line)
            continue
        keep = line.split(b":", 1)[0].strip().lower().decode("latin-1") in wanted
        if keep:
            out.append(line)
    return b"".join(out) + b"\r\n"
