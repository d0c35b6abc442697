"""``GET /api/v1/summary/weekly?week=2026-W47``: the weekly summary (``server/summary.py``),
for the user's current ISO week by default."""

from flask import Blueprint, g

from server import summary
from server.auth import require_user
from server.db import db_session
from server.inputs import query

bp = Blueprint("summary", __name__, url_prefix="/api/v1")


@bp.get("/summary/weekly")
@require_user
def weekly():
    args = query("SUMMARY_QUERY")
    session = db_session()
    result = summary.weekly(session, g.user_id, summary.checked_week(args.get("week")))
    session.commit()
    return result
