"""Follow-up reminders: ``GET /api/v1/follow-ups?days=N`` lists applications still waiting for
an answer after N days; ``GET /api/v1/applications/<id>/follow-up.ics?days=N`` is a calendar
reminder to follow one of them up, on the day it reaches N days without an answer."""

from datetime import timedelta

from flask import Blueprint, Response, current_app, g

from server import advice, ics, store
from server.api import owned, query
from server.api.applications import application_dict
from server.auth import require_user
from server.db import db_session
from server.models import Application, utcnow

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


def follow_up_calendar(app: Application, days: int) -> Response:
    """The calendar file reminding the user to follow ``app`` up once it has had no answer for ``days`` days."""
    now = utcnow()
    day = max((app.last_contact_at + timedelta(days=days)).date(), now.date())
    what = f"{app.role} at {app.company}" if app.role else f"your application at {app.company}"
    summary = f"Follow up: {what}"
    description = (f"Last contact {app.last_contact_at.date().isoformat()}. A short, friendly note asking where the process "
                   f"stands is fine after {days} days without an answer.")
    text = ics.follow_up_event(f"follow-up-{app.id}-{days}@onward", day, summary, description, now)
    return Response(text, mimetype="text/calendar",
                    headers={"Content-Disposition": f'attachment; filename="follow-up-{app.id}.ics"'})


@bp.get("/applications/<int:app_id>/follow-up.ics")
@require_user
def follow_up_ics(app_id: int):
    args = query("FOLLOW_UP_QUERY")
    return follow_up_calendar(owned(Application, app_id), args.get("days", advice.FOLLOW_UP_DAYS))
