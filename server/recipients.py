"""Who a feedback request can go to: the sender when a person reads that address, else an
address the email itself names for questions, else nobody (the draft says where to send it).

Pure functions of the sender's address and the email's text (the text only when the page or
the import still has it: the server keeps a snippet, not bodies)."""

import re
from dataclasses import dataclass

from worker.senders import ats_vendor, is_job_board, is_relay

UNREAD_LOCAL_PARTS = re.compile(
    r"no[-_.]?reply|do[-_.]?not[-_.]?reply|dont[-_.]?reply|no[-_.]?responder|ne[-_.]?pas[-_.]?repondre|nepasrepondre"
    r"|geen[-_.]?antwoord|keine[-_.]?antwort|nicht[-_.]?antworten|mailer[-_.]?daemon|postmaster|bounces?\b|notifications?"
    r"|^notify|^alerts?$|^automated|^auto[-_.]?(?:reply|confirm)|^system$|^daemon$"
)
"""Local parts nobody reads (``noreply``, ``ne-pas-repondre``, ``notifications``...)."""

ADDRESS = re.compile(r"(?<![\w.+-])[A-Za-z0-9][\w.+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")

CONTACT_CUE = re.compile(
    r"contact|reach (?:out|us)|write (?:to|us)|e-?mail (?:us|me)|drop (?:us|me)|get in touch|question|queries|query|enquir|inquir"
    r"|reply to|feedback"
    r"|kontakt|wenden sie sich|wende dich|schreiben sie|schreib uns|fragen|erreichen sie|melden sie sich|rückmeldung"
    r"|écri(?:re|vez)|ecrivez|joindre|adresse[rz]|n'hésitez|n'hesitez|retour"
    r"|contact(?:o|ar|e|en)|escrib(?:e|a|ir|enos)|preguntas|dudas|consulta|comentarios"
    r"|vragen|mail(?:en|t) (?:naar|ons)|neem contact|bereiken|terugkoppeling",
    re.IGNORECASE,
)
"""Words that introduce an address the reader may write to, in the five languages."""

DO_NOT_REPLY = re.compile(
    r"\b(?:please )?(?:do not|don't|don’t) (?:reply|respond)|\bnot (?:be )?monitored|\bunmonitored|cannot (?:receive|accept) (?:replies|responses)"
    r"|nicht (?:auf diese (?:e-?mail|nachricht) )?antworten|antworten sie nicht|nicht beantwortet|nicht überwacht"
    r"|ne pas répondre|ne répondez pas|ne peut pas recevoir de réponse"
    r"|no (?:responda|respondas|contestes|conteste)\b|no recibe respuestas"
    r"|niet (?:op deze (?:e-?mail|mail|bericht) )?(?:beantwoorden|reageren)|kunt niet reageren|wordt niet gelezen",
    re.IGNORECASE,
)
"""What an email says when its sender's mailbox is not read ("This is a system generated mail. Please do not reply.")."""

CUE_WINDOW = 160
"""How many characters before an address a cue may stand (about one sentence)."""


def readable(address: str | None) -> bool:
    """Whether a person is likely to read mail sent to ``address``: not a no-reply or notification
    mailbox, not an applicant tracking system, job board or bulk-mail relay sending on the employer's behalf."""
    address = (address or "").strip()
    local, at, domain = address.rpartition("@")
    if not at or not local or "." not in domain:
        return False
    if UNREAD_LOCAL_PARTS.search(local.lower()):
        return False
    return not (ats_vendor(domain) or is_job_board(domain) or is_relay(domain))


def named_contact(text: str | None, own: str | None = None) -> str | None:
    """The first readable address the text offers for questions ("feel free to contact us at ...",
    "Fragen? Schreiben Sie an ..."), never ``own`` (the user's address, when a page shows it)."""
    if not text:
        return None
    for match in ADDRESS.finditer(text[:20000]):
        address = match.group(0).rstrip(".")
        if own and address.lower() == own.lower():
            continue
        before = text[max(0, match.start() - CUE_WINDOW):match.start()]
        if CONTACT_CUE.search(before) and readable(address):
            return address
    return None


CLOSING = re.compile(
    r"(?im)^[ \t]*(?:best|kind|warm|many thanks|thanks|thank you|sincerely|regards|yours"
    r"|mit freundlichen grüßen|freundliche grüße|viele grüße|beste grüße|herzliche grüße"
    r"|cordialement|bien cordialement|bien à vous|salutations|sincères salutations"
    r"|saludos|un saludo|atentamente|un cordial saludo|cordialmente"
    r"|met vriendelijke groet|vriendelijke groet|groeten|hartelijke groet)\b[^\n]{0,30}\n(?:[ \t]*\n)?[ \t]*([^\n]{3,60})"
)
"""A closing line and the line under it, where a person signs."""

PARTICLES = frozenset("van de von der den la del da di du le ter ten".split())
"""Lower-case words a family name may hold ("Femke de Wit")."""

NOT_A_PERSON = re.compile(
    r"\b(?:team|recruit\w*|talent\w*|acquisition|hr|people|human|resources|careers?|hiring|jobs?|staff|office|department"
    r"|équipe|service|direction|recrutement|equipo|departamento|selección|personas|afdeling|werving|personal\w*|ihr|your|the"
    r"|im auftrag)\b", re.IGNORECASE)


def signer(text: str | None) -> str | None:
    """The person who signed the email ("Kind regards, Hanna Ritter"), when it is one and not a team."""
    if not text:
        return None
    match = CLOSING.search(text[-6000:])
    if not match:
        return None
    line = " ".join(match.group(1).split()).rstrip(",.")
    words = [w for w in line.removeprefix("Dr ").removeprefix("Dr. ").split() if w not in PARTICLES]
    looks_like_a_name = 2 <= len(words) <= 3 and all(w[0].isupper() and w.replace("-", "").replace("'", "").isalpha() for w in words)
    return line if looks_like_a_name and not NOT_A_PERSON.search(line) else None


@dataclass(frozen=True, slots=True)
class Recipient:
    """Where a feedback request goes: ``address`` ("" when nobody), and whether it is the ``sender``,
    a ``contact`` the email names, or ``none``; ``person``: who signed the email, when nobody reads
    the sender's address but a person put their name to it."""

    address: str
    source: str
    person: str | None = None


def asks_not_to_reply(text: str | None) -> bool:
    """Whether the email says its own address is not read."""
    return bool(text) and DO_NOT_REPLY.search(text[:20000]) is not None


def recipient(sender: str | None, text: str | None = None, own: str | None = None) -> Recipient:
    """The sender when a person reads it (and the email does not say otherwise), else a contact address
    the email names (never ``own``, the user's address), else nobody."""
    if readable(sender) and not asks_not_to_reply(text):
        return Recipient((sender or "").strip(), "sender")
    contact = named_contact(text, own)
    if contact:
        return Recipient(contact, "contact")
    return Recipient("", "none", signer(text))
