"""``POST /api/v1/classify``: classify what the extension reads from an open email with the
worker's own classifier (``server.classify``); store it only when asked (``"track": true``,
account "extension")."""

from flask import Blueprint, current_app, g

from server import classify as classifier
from server.auth import require_user
from server.db import db_session
from server.inputs import body
from server.serializers import message_dict

bp = Blueprint("classify", __name__, url_prefix="/api/v1")


@bp.post("/classify")
@require_user
def classify():
    data = body("CLASSIFY")
    record = classifier.classification(data)
    result = classifier.result(record)
    result["message"] = None
    if data.get("track"):
        stored = classifier.track(db_session(), g.user_id, data, record, current_app.config["GHOSTED_DAYS"])
        result["message"] = message_dict(stored)
    return result
