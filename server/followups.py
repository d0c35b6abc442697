"""Following an application up: the calendar reminder for the day it reaches N days without an
answer (which applications are waiting is ``server.advice.waiting_applications``), or, for a
rejected one, without a reply to the feedback request the rejection's card drafted."""

from datetime import timedelta

from flask import Response

from server import ics
from server.models import Application, utcnow


def follow_up_calendar(app: Application, days: int) -> Response:
    """The calendar file reminding the user to follow ``app`` up once it has had no answer for ``days`` days."""
    now = utcnow()
    day = max((app.last_contact_at + timedelta(days=days)).date(), now.date())
    what = f"{app.role} at {app.company}" if app.role else f"your application at {app.company}"
    if app.status == "rejected":  # the card's reminder: the feedback request sent after the no
        summary = f"Follow up on your feedback request: {what}"
        description = (f"Their answer came on {app.last_contact_at.date().isoformat()}. If your request for feedback has had no "
                       f"reply after {days} days, one short, friendly reminder is fine; after that, let it go.")
    else:
        summary = f"Follow up: {what}"
        description = (f"Last contact {app.last_contact_at.date().isoformat()}. A short, friendly note asking where the process "
                       f"stands is fine after {days} days without an answer.")
    text = ics.follow_up_event(f"follow-up-{app.id}-{days}@onward", day, summary, description, now)
    return Response(text, mimetype="text/calendar",
                    headers={"Content-Disposition": f'attachment; filename="follow-up-{app.id}.ics"'})
