"""Corrections: the log of the user's hand corrections, and undoing one (at any time; the card's
button offers it for ``server.corrections.UNDO_WINDOW``)."""

from flask import Blueprint, current_app, g

from server import corrections
from server.access import owned
from server.auth import require_user
from server.db import db_session
from server.models import Application, Correction, Message, utcnow
from server.serializers import application_dict, message_dict

bp = Blueprint("corrections", __name__, url_prefix="/api/v1")


@bp.get("/corrections")
@require_user
def list_corrections():
    return {"items": [corrections.correction_dict(c) for c in corrections.listing(db_session(), g.user_id)]}


@bp.post("/corrections/<int:correction_id>/undo")
@require_user
def undo(correction_id: int):
    """Restore what the correction changed; 409 when it is undone already."""
    row = owned(Correction, correction_id)
    session = db_session()
    corrections.undo(session, g.user_id, row, current_app.config["GHOSTED_DAYS"], utcnow())
    session.commit()
    message = session.get(Message, row.message_id) if row.message_id else None
    app = session.get(Application, row.application_id) if row.application_id else None
    return {"message": message_dict(message) if message else None, "application": application_dict(app) if app else None,
            "correction": corrections.correction_dict(row)}
