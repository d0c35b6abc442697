"""Advice for rejections: ``GET /api/v1/messages/<id>/advice`` for a stored one,
``POST /api/v1/advice`` for an email open in webmail (classified on the spot, nothing stored),
and ``GET /api/v1/strategies``, the ten strategies the advice picks from."""

from flask import Blueprint, g
from sqlalchemy import func, select

from server import advice, strategies
from server.api import body, owned
from server.api.applications import application_dict
from server.api.classify import RESULT_FIELDS, classification
from server.api.messages import message_dict
from server.auth import require_user
from server.db import db_session
from server.errors import ApiError
from server.models import Application, Message, utcnow
from server.pipeline import company_key, role_key
from server.schemas import parse_datetime

bp = Blueprint("advice", __name__, url_prefix="/api/v1")


@bp.get("/strategies")
@require_user
def list_strategies():
    return {"items": [{"id": s.id, "title": s.title, "nudge": s.nudge, "guidance": s.guidance, "next_steps": list(s.next_steps)}
                      for s in strategies.STRATEGIES]}


@bp.get("/messages/<int:message_id>/advice")
@require_user
def message_advice(message_id: int):
    message = owned(Message, message_id)
    if message.effective_label != "rejection":
        raise ApiError(409, f"This message is labelled {message.effective_label}, not rejection: there is no advice for it.")
    return advice.for_message(db_session(), g.user_id, message)


def _stored(data: dict) -> Message | None:
    """The user's stored message for the email on screen: by Message-ID, else by sender and subject."""
    session = db_session()
    if data.get("message_id"):
        found = session.scalar(select(Message).where(Message.user_id == g.user_id, Message.message_id == data["message_id"]))
        if found is not None:
            return found
    if not data.get("from_address") or not data.get("subject"):
        return None
    return session.scalar(select(Message).where(
        Message.user_id == g.user_id, func.lower(Message.from_address) == data["from_address"].strip().lower(),
        Message.subject == " ".join(data["subject"].split())).order_by(Message.date.desc(), Message.id.desc()).limit(1))


def _application(message: Message | None, record: dict) -> Application | None:
    """The application the email belongs to: its stored message's, else the latest with this employer (and role)."""
    session = db_session()
    if message is not None and message.application_id:
        return session.get(Application, message.application_id)
    key = company_key(record.get("company"))
    if key is None:
        return None
    candidates = session.scalars(select(Application).where(Application.user_id == g.user_id, Application.company_key == key)
                                 .order_by(Application.last_contact_at.desc(), Application.id.desc())).all()
    role = role_key(record.get("role"))
    same_role = [a for a in candidates if role and a.role_key == role]
    return (same_role or candidates or [None])[0]


@bp.post("/advice")
@require_user
def email_advice():
    data = body("CLASSIFY")
    record = classification(data)
    message = _stored(data)
    application = _application(message, record)
    label = message.effective_label if message is not None else record["label"]
    result = {"classification": {k: record[k] for k in RESULT_FIELDS},
              "message": message_dict(message) if message else None,
              "application": application_dict(application) if application else None,
              "advice": None}
    if label == "rejection":
        session = db_session()
        if message is not None:
            result["advice"] = advice.for_message(session, g.user_id, message)
        else:
            fields = {**record, "date": parse_datetime(data["date"]) if data.get("date") else utcnow(),
                      "from_address": data.get("from_address"), "from_name": data.get("from_name")}
            result["advice"] = advice.build(session, g.user_id, fields, None, application)
    return result
