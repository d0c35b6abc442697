"""``GET /api/v1/summary/weekly?week=2026-W47``: the weekly summary (``server/summary.py``),
for the user's current ISO week by default. Its sentences (headline, strategy, first steps) are in
the reader's language, as on the summary page: the user's setting, else the browser's
``Accept-Language`` (the popup shows them beside its own words), else English."""

from flask import Blueprint, g

from server import summary, translations
from server.auth import require_user
from server.db import db_session
from server.inputs import query
from server.models import User

bp = Blueprint("summary", __name__, url_prefix="/api/v1")


@bp.get("/summary/weekly")
@require_user
def weekly():
    args = query("SUMMARY_QUERY")
    session = db_session()
    with translations.speaking(translations.reader_language(session.get(User, g.user_id))):
        result = summary.weekly(session, g.user_id, summary.checked_week(args.get("week")))
    session.commit()
    return result
