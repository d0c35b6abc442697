"""``GET /api/v1/summary/weekly?week=2026-W47``: the weekly summary (``server/summary.py``),
for the user's current ISO week by default."""

from flask import Blueprint, g

from server import summary
from server.api import query
from server.auth import require_user
from server.db import db_session
from server.errors import ApiError

bp = Blueprint("summary", __name__, url_prefix="/api/v1")


def checked_week(week: str | None) -> str | None:
    """The week as given when it exists; 404 for week 53 of a year that has 52 (2025-W53)."""
    if week is not None:
        try:
            summary.monday(week)
        except ValueError:
            raise ApiError(404, f"{week[:4]} has no ISO week {week[5:]}.") from None
    return week


@bp.get("/summary/weekly")
@require_user
def weekly():
    args = query("SUMMARY_QUERY")
    session = db_session()
    result = summary.weekly(session, g.user_id, checked_week(args.get("week")))
    session.commit()
    return result
