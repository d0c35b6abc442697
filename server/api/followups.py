"""Follow-up reminders: ``GET /api/v1/follow-ups?days=N`` lists applications still waiting for
an answer after N days; ``GET /api/v1/applications/<id>/follow-up.ics?days=N`` is a calendar
reminder to follow one of them up, on the day it reaches N days without an answer."""

from flask import Blueprint, current_app, g

from server import advice, store
from server.access import owned
from server.auth import require_user
from server.db import db_session
from server.followups import follow_up_calendar
from server.inputs import query
from server.models import Application, utcnow
from server.serializers import application_dict

bp = Blueprint("followups", __name__, url_prefix="/api/v1")


@bp.get("/follow-ups")
@require_user
def list_follow_ups():
    args = query("FOLLOW_UP_QUERY")
    days = args.get("days", advice.FOLLOW_UP_DAYS)
    session = db_session()
    now = utcnow()
    store.refresh_ghosted(session, g.user_id, current_app.config["GHOSTED_DAYS"], now)
    return {"days": days, "items": [{**application_dict(a), "days_waiting": (now - a.last_contact_at).days}
                                    for a in advice.waiting_applications(session, g.user_id, days, now)]}


@bp.get("/applications/<int:app_id>/follow-up.ics")
@require_user
def follow_up_ics(app_id: int):
    args = query("FOLLOW_UP_QUERY")
    return follow_up_calendar(owned(Application, app_id), args.get("days", advice.FOLLOW_UP_DAYS))
