"""The "Please check" tier: ``GET /api/v1/checks`` lists the caller's emails that the classifier
was not sure are rejections (they count as nothing until answered), and
``POST /api/v1/messages/<id>/check`` takes the answer with one click (``server.checks``)."""

from flask import Blueprint, current_app, g

from server import checks
from server.access import owned
from server.auth import require_user
from server.db import db_session
from server.inputs import body, query
from server.models import Message, utcnow

bp = Blueprint("checks", __name__, url_prefix="/api/v1")


@bp.get("/checks")
@require_user
def list_checks():
    args = query("CHECK_QUERY")
    return checks.listing(db_session(), g.user_id, args.get("limit", 50), args.get("offset", 0))


@bp.post("/messages/<int:message_id>/check")
@require_user
def answer_check(message_id: int):
    """Yes (a rejection) or no (``other``, or the label given) for one of the caller's check-tier emails."""
    data = body("CHECK_ANSWER")
    message = owned(Message, message_id)
    session = db_session()
    checks.answer(session, g.user_id, message, data["rejection"], data.get("label"), current_app.config["GHOSTED_DAYS"], utcnow())
    session.commit()
    return checks.result(session, g.user_id, message)
