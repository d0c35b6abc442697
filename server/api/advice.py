"""Advice for rejections: ``GET /api/v1/messages/<id>/advice`` for a stored one,
``POST /api/v1/advice`` for an email open in webmail (classified on the spot, nothing stored),
and ``GET /api/v1/strategies``, the ten strategies the advice picks from (``?language=de``: in German)."""

from flask import Blueprint, g

from server import advice, classify, strategies
from server.access import owned
from server.auth import require_user
from server.db import db_session
from server.errors import ApiError
from server.inputs import body, query
from server.models import Message
from server.serializers import application_dict, message_dict, strategy_dict

bp = Blueprint("advice", __name__, url_prefix="/api/v1")


@bp.get("/strategies")
@require_user
def list_strategies():
    language = query("STRATEGY_QUERY").get("language")
    return {"items": [strategy_dict(s, language) for s in strategies.STRATEGIES]}


@bp.get("/messages/<int:message_id>/advice")
@require_user
def message_advice(message_id: int):
    message = owned(Message, message_id)
    if message.effective_label not in advice.ADVISED:
        raise ApiError(409, f"This message is labelled {message.effective_label}, not rejection: there is no advice for it.")
    return advice.for_message(db_session(), g.user_id, message)


@bp.post("/advice")
@require_user
def email_advice():
    data = body("CLASSIFY")
    record = classify.classification(data)
    session = db_session()
    message = advice.stored_message(session, g.user_id, data)
    application = advice.application_for(session, g.user_id, message, record)
    label = message.effective_label if message is not None else record["label"]
    return {"classification": classify.result(record),
            "message": message_dict(message) if message else None,
            "application": application_dict(application) if application else None,
            "advice": advice.for_email(session, g.user_id, data, record, message, application) if label in advice.ADVISED else None}
