"""``POST /api/v1/digests/send-due``: the scheduler's job (``worker.digests``) asks the server to
send the weekly digests that are due: a fleet token for every user, a service token for its own."""

from flask import Blueprint, current_app, g

from server import digest
from server.auth import require_worker
from server.db import db_session
from server.errors import ApiError

bp = Blueprint("digests", __name__, url_prefix="/api/v1")


@bp.post("/digests/send-due")
@require_worker
def send_due():
    smtp = digest.Smtp.from_config(current_app.config)
    result = digest.send_due(db_session(), smtp, current_app.secret_key, None if g.token.kind == "fleet" else [g.user_id])
    if result["failed"]:
        raise ApiError(502, f"{len(result['failed'])} digest(s) could not be sent; they are tried again on the next run.",
                       details=result["failed"])
    return result
