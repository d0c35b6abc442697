"""The "Please check" tier: rejections the classifier is not sure of (``worker.contract.needs_check``).
They are stored but count as nothing until the user answers; this module lists them and takes the
answer. *Yes* makes the message a rejection (the pipeline replays and its application moves to
Rejected); *No* makes it what the user says it is (``other`` unless told), and the application keeps
every other event. Each answer is remembered for the sender (``server.memory``).

Every function takes the user's id and touches only that user's rows."""

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from server import advice, corrections, memory, store
from server.errors import ApiError
from server.models import Application, Message
from server.serializers import application_dict, message_dict
from worker.contract import SURE

REMEMBERED = 20
"""How many of the latest emails answered from memory the list shows, so the user can change them."""


def _in_tier(user_id: int) -> list:
    return [Message.user_id == user_id, Message.label == "rejection", Message.confidence < SURE]


def _pending(user_id: int) -> list:
    return [*_in_tier(user_id), Message.user_label.is_(None)]


def count(session: Session, user_id: int) -> int:
    """How many emails wait for the user's check."""
    return session.scalar(select(func.count()).select_from(Message).where(*_pending(user_id))) or 0


def pending(session: Session, user_id: int, limit: int = 50, offset: int = 0) -> tuple[list[Message], int]:
    """The emails waiting for a check, newest first, and how many there are."""
    rows = session.scalars(select(Message).where(*_pending(user_id)).order_by(Message.date.desc(), Message.id.desc())
                           .limit(limit).offset(offset)).all()
    return list(rows), count(session, user_id)


def answered_from_memory(session: Session, user_id: int, limit: int = REMEMBERED) -> list[Message]:
    """The latest emails the memory answered for the user, newest first."""
    return list(session.scalars(select(Message).where(*_in_tier(user_id), Message.check_source == "memory")
                                .order_by(Message.date.desc(), Message.id.desc()).limit(limit)))


def in_tier(message: Message) -> bool:
    """Whether a message is (or was) a "Please check" email, so that a check answer applies to it."""
    return message.label == "rejection" and message.confidence < SURE


def answer(session: Session, user_id: int, message: Message, rejection: bool, label: str | None, ghosted_days: int,
           now: datetime) -> None:
    """The user's answer for one of their check-tier messages (409 for a message that is not one):
    the message becomes a rejection, or ``label`` (``other`` by default); the application it
    belongs to is replayed, and the answer is remembered for the sender."""
    if not in_tier(message):
        raise ApiError(409, "This email was not waiting for a check: correct its label instead.")
    if rejection and label not in (None, "rejection"):
        raise ApiError(422, "A rejection is labelled rejection: leave out label, or answer rejection false.")
    new = "rejection" if rejection else (label or "other")

    def change():
        store.correct(session, user_id, message, ghosted_days, now, label=new)
        message.check_source, message.checked_at = "user", now
        memory.remember(session, user_id, message, new, now)

    corrections.record_label(session, user_id, message, change, ghosted_days, now)  # undoable like any correction


def application_of(session: Session, user_id: int, message: Message) -> Application | None:
    """The application a check-tier message is (or would be) about: its own, else the employer's latest."""
    return advice.application_for(session, user_id, message, {"company": message.company, "role": message.role})


def item(session: Session, user_id: int, message: Message) -> dict:
    """One email of the list: the message, the application it is about, the question and, once answered, why."""
    app = application_of(session, user_id, message)
    return {"message": message_dict(message), "application": application_dict(app) if app else None,
            "question": advice.check_question(message.company, message.from_name), "reason": memory.reason(message)}


def listing(session: Session, user_id: int, limit: int, offset: int) -> dict:
    """The user's "Please check" list (``CheckList``)."""
    rows, total = pending(session, user_id, limit, offset)
    return {"items": [item(session, user_id, m) for m in rows], "total": total, "limit": limit, "offset": offset,
            "next_offset": offset + limit if offset + limit < total else None,
            "remembered": [item(session, user_id, m) for m in answered_from_memory(session, user_id)]}


def result(session: Session, user_id: int, message: Message) -> dict:
    """What an answer returns (``CheckResult``): the message, its application, and the card's advice now."""
    app = session.get(Application, message.application_id) if message.application_id else None
    tips = advice.for_message(session, user_id, message) if message.effective_label == "rejection" else None
    return {"message": message_dict(message), "application": application_dict(app) if app else None, "advice": tips}
