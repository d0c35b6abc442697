"""Each user's memory of their "Please check" answers: what they said an email from a sender
(and employer) was, so that sender's next check-tier email takes the same answer without asking,
and says why. Only the user's own rows are read or written.

The memory is keyed on the sender's address *and* the employer the email names: an ATS's shared
no-reply address writes for many employers, and a "yes, a rejection" for one of them must never
turn another employer's confirmation into a rejection."""

from datetime import datetime

from babel.dates import format_date, format_skeleton
from sqlalchemy import select, tuple_
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from server import translations
from server.models import POSSIBLE_REJECTION, Message, SenderAnswer
from server.translations import N_
from server.translations import gettext as _

SOURCES = ("user", "memory")
"""Who answered a check: the user, or the memory of their earlier answer for the same sender."""


def _address(address: str | None) -> str:
    return (address or "").strip().lower()[:320]


def _key(message: Message) -> tuple[str, str]:
    return _address(message.from_address), message.company_key or ""


def recall(session: Session, user_id: int, address: str | None, company_key: str | None) -> SenderAnswer | None:
    """The user's last answer for this sender and employer (its ``company_key``), if any."""
    if not _address(address):
        return None
    return session.scalar(select(SenderAnswer).where(SenderAnswer.user_id == user_id, SenderAnswer.address == _address(address),
                                                     SenderAnswer.company_key == (company_key or "")))


def answer_from_memory(session: Session, user_id: int, messages: list[Message]) -> list[Message]:
    """Give each unanswered check-tier message among ``messages`` the user's last answer for its
    sender, when there is one; returns the messages answered so."""
    waiting = [m for m in messages if m.effective_label == POSSIBLE_REJECTION and _key(m)[0]]
    if not waiting:
        return []
    keys = sorted({_key(m) for m in waiting})
    known: dict[tuple[str, str], SenderAnswer] = {}
    for i in range(0, len(keys), 200):
        chunk = keys[i:i + 200]
        rows = session.scalars(select(SenderAnswer).where(
            SenderAnswer.user_id == user_id, tuple_(SenderAnswer.address, SenderAnswer.company_key).in_(chunk)))
        known.update(((r.address, r.company_key), r) for r in rows)
    answered = []
    for m in waiting:
        found = known.get(_key(m))
        if found is not None:
            m.user_label, m.check_source, m.checked_at = found.label, "memory", found.answered_at
            answered.append(m)
    return answered


def remember(session: Session, user_id: int, message: Message, label: str, at: datetime) -> None:
    """Keep the user's answer for this message's sender (and employer), replacing an earlier one."""
    address, company = _key(message)
    if not address:
        return
    where = (SenderAnswer.user_id == user_id, SenderAnswer.address == address, SenderAnswer.company_key == company)
    row = session.scalar(select(SenderAnswer).where(*where))
    if row is None:
        try:
            with session.begin_nested():
                session.add(SenderAnswer(user_id=user_id, address=address, company_key=company, label=label,
                                         message_id=message.id, answered_at=at))
            return
        except IntegrityError:  # the same answer was just given in another request: update that one
            row = session.scalar(select(SenderAnswer).where(*where))
    row.label, row.message_id, row.answered_at = label, message.id, at
    session.flush()


FROM_MEMORY = {(True, True): N_("Answered for you: you said an email from {address} was a rejection on {day}."),
               (True, False): N_("Answered for you: you said an email from {address} was not a rejection on {day}."),
               (False, True): N_("Answered for you: you said an email from this sender was a rejection on {day}."),
               (False, False): N_("Answered for you: you said an email from this sender was not a rejection on {day}.")}
"""Why an email took the user's earlier answer, by (sender known, the answer was "a rejection"): whole sentences."""

BY_USER = {True: N_("You said this email was a rejection on {day}."), False: N_("You said this email was not a rejection on {day}.")}


def _day(at: datetime) -> str:
    """The day of an answer: ``16 Nov 2026`` in English (the API's), each language's way on a page (``16. Nov. 2026``)."""
    language = translations.current()
    return format_date(at, "d MMM y", locale=language) if language == translations.SOURCE else format_skeleton("yMMMd", at, locale=language)


def from_memory(address: str | None, label: str, at: datetime) -> str:
    """The reason an email takes the user's earlier answer for its sender, in the reader's language
    (``server.translations.current``: a page's; English in the API)."""
    return _(FROM_MEMORY[bool(address), label == "rejection"]).format(address=address, day=_day(at))


def reason(message: Message) -> str | None:
    """Why an answered check-tier message counts as it does, in the user's words; None when nobody answered."""
    if message.check_source not in SOURCES or message.user_label is None or message.checked_at is None:
        return None
    if message.check_source == "memory":
        return from_memory(message.from_address, message.user_label, message.checked_at)
    return _(BY_USER[message.user_label == "rejection"]).format(day=_day(message.checked_at))


def check_state(message: Message) -> dict | None:
    """The "Please check" state of a message as the API shows it; None for a message that never was in the tier."""
    if message.check_source is None and message.effective_label != POSSIBLE_REJECTION:
        return None
    pending = message.effective_label == POSSIBLE_REJECTION
    return {"pending": pending, "answered_by": None if pending else message.check_source,
            "answered_at": message.checked_at.isoformat() if message.checked_at and not pending else None,
            "reason": None if pending else reason(message)}
