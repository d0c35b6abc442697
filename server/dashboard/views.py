"""The dashboard's pages and forms. Each page reads through the same services as the API
(``server.store``, ``server.summary``, ``server.advice``, ``server.reflections``,
``server.followups``) for the signed-in user only; each form
posts a CSRF token and answers with a redirect, so reloading a page never posts twice."""

import logging
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from flask import Blueprint, abort, current_app, flash, g, redirect, render_template, request, url_for
from werkzeug.exceptions import HTTPException

from server import advice, checks, figures, reflections, schemas, store, summary
from server.access import owned
from server.dashboard import charts, signin
from server.db import db_session
from server.errors import ApiError
from server.followups import follow_up_calendar
from server.inputs import query
from server.models import Application, Message, utcnow

log = logging.getLogger("onward.server")

bp = Blueprint("dashboard", __name__, template_folder="templates", static_folder="static",
               static_url_path="/dashboard-static")

COLUMNS = figures.COLUMNS
"""The pipeline page's columns, left to right: waiting, moving, then the ends (``server.figures``)."""

NAMES = {
    "status": {"applied": "Applied", "assessment": "Assessment", "interviewing": "Interviewing", "offer": "Offer",
               "rejected": "Rejected", "ghosted": "Gone quiet", "withdrawn": "Withdrawn"},
    "label": {"rejection": "Rejection", "application_confirmation": "Application received",
              "interview_invitation": "Interview invitation", "offer": "Offer", "job_alert": "Job alert",
              "recruiter_outreach": "Recruiter message", "other": "Other email",
              "possible_rejection": "Please check: maybe a rejection"},
    "stage": {"application": "at the application stage", "assessment": "after an assessment",
              "interview": "after an interview", "unknown": "at a stage the email does not say"},
    "source": {"message": "an email", "ghosted": "no answer for a long time", "user": "your correction"},
}
"""How statuses, labels, rejection stages and the cause of a status change read on the pages."""

SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
                               "frame-ancestors 'none'; base-uri 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}
"""Every dashboard answer: no script runs, nothing loads from elsewhere, no other site frames the pages."""


@bp.before_request
def _csrf():
    if request.method == "POST":
        signin.check_csrf()


@bp.after_request
def _headers(response):
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
    if request.endpoint != "dashboard.static":
        response.headers["Cache-Control"] = "no-store"
    return response


@bp.context_processor
def _template_helpers():
    return {"csrf_token": signin.csrf_token, "names": NAMES, "pending_checks": _pending_checks}


def _pending_checks() -> int:
    """How many emails wait for the signed-in user's check (the navigation shows it)."""
    return checks.count(db_session(), g.user_id) if g.get("user_id") else 0


def _error(exc):
    status = exc.status if isinstance(exc, ApiError) else exc.code or 500
    text = exc.message if isinstance(exc, ApiError) else exc.description
    return render_template("dashboard/error.html", status=status, text=text), status


def _unexpected(exc: Exception):
    log.exception("unexpected error on a dashboard page")
    db_session().rollback()
    return render_template("dashboard/error.html", status=500, text="Something broke on our side. Try again in a moment."), 500


bp.register_error_handler(ApiError, _error)
bp.register_error_handler(HTTPException, _error)
bp.register_error_handler(Exception, _unexpected)


def _zone() -> ZoneInfo:
    user = g.get("user")
    return summary.zone(user.timezone if user else None)


@bp.app_template_filter("day")
def _day(value: datetime | str | None) -> str:
    """A date as the user reads it, in their time zone: ``Mon 16 Nov 2026``."""
    if value is None:
        return ""
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    if isinstance(value, datetime):
        value = value.astimezone(_zone()) if value.tzinfo else value
    return value.strftime("%a %-d %b %Y")


@bp.app_template_filter("href")
def _link(url: str | None, *schemes: str) -> str | None:
    """The URL when it starts with one of ``schemes`` (``https``, ``mailto``, ``/`` for this
    server); otherwise None and the template shows no link: a server string never becomes a
    ``javascript:`` href."""
    if not url:
        return None
    for scheme in schemes or ("https",):
        if scheme == "/" and url.startswith("/") and not url.startswith("//"):
            return url
        if scheme != "/" and url.lower().startswith(scheme + ":"):
            return url
    return None


def _days() -> int:
    return current_app.config["GHOSTED_DAYS"]


@bp.route("/login", methods=["GET", "POST"])
def login():
    """Sign in with a user token or a pairing code (made by ``onward pair`` or the extension)."""
    back = signin.local_path(request.values.get("next")) or url_for("dashboard.pipeline")
    if request.method == "GET":
        if signin.signed_in():
            return redirect(back)
        return render_template("dashboard/login.html", back=back, problem=None)
    if signin.too_many_attempts():
        return render_template("dashboard/login.html", back=back,
                               problem="Too many attempts from this address. Wait a minute and try again."), 429
    found = signin.token_for(request.form.get("secret", ""))
    if found is None:
        return render_template("dashboard/login.html", back=back,
                               problem="That token or pairing code does not work. It may be mistyped, used already, "
                                       "expired or revoked."), 401
    signin.sign_in(*found)
    return redirect(back, code=303)


@bp.post("/logout")
def logout():
    """Sign out; a token this sign-in made from a pairing code is revoked too (nobody else knows its secret)."""
    signin.sign_out()
    flash("You are signed out.")
    return redirect(url_for("dashboard.login"), code=303)


@bp.get("/")
@signin.login_required
def pipeline():
    db = db_session()
    store.refresh_ghosted(db, g.user_id, _days())
    columns = figures.pipeline(db, g.user_id)
    return render_template("dashboard/pipeline.html", columns=columns, total=sum(len(apps) for _, apps in columns))


def _timeline(app: Application) -> list[dict]:
    """The application's messages and status changes in date order; a change a message caused
    is shown with that message."""
    changes, messages = store.timeline(db_session(), g.user_id, app)
    events = {m.id: {"at": m.date, "message": m, "changes": []} for m in messages}
    loose = []
    for change in changes:
        if change.message_id in events:
            events[change.message_id]["changes"].append(change)
        else:
            loose.append({"at": change.at, "message": None, "changes": [change]})
    return sorted([*events.values(), *loose], key=lambda e: (e["at"], e["message"] is None))


@bp.get("/applications/<int:app_id>")
@signin.login_required
def application(app_id: int):
    db = db_session()
    store.refresh_ghosted(db, g.user_id, _days())
    app = owned(Application, app_id)
    db.refresh(app)
    return render_template("dashboard/application.html", app=app, timeline=_timeline(app), reflections=reflections.reflections_of(db, app),
                           limit=schemas.REFLECTION_MAX)


@bp.post("/applications/<int:app_id>/reflections")
@signin.login_required
def reflect(app_id: int):
    app = owned(Application, app_id)
    went_well, to_change = request.form.get("went_well", ""), request.form.get("to_change", "")
    if len(went_well) > schemas.REFLECTION_MAX or len(to_change) > schemas.REFLECTION_MAX:
        abort(400, f"Each field takes at most {schemas.REFLECTION_MAX} characters.")
    reflections.add_reflection(db_session(), app, went_well, to_change)
    flash("Your reflection is saved with this application.")
    return redirect(url_for("dashboard.application", app_id=app.id, _anchor="reflections"), code=303)


@bp.get("/applications/<int:app_id>/follow-up.ics")
@signin.login_required
def follow_up(app_id: int):
    """The API's calendar file, for the signed-in user (the API view itself wants a bearer token)."""
    days = query("FOLLOW_UP_QUERY").get("days", advice.FOLLOW_UP_DAYS)
    return follow_up_calendar(owned(Application, app_id), days)


@bp.get("/messages/<int:message_id>")
@signin.login_required
def message(message_id: int):
    m = owned(Message, message_id)
    tips = advice.for_message(db_session(), g.user_id, m) if m.effective_label in advice.ADVISED else None
    return render_template("dashboard/message.html", m=m, advice=tips)


@bp.post("/messages/<int:message_id>/not-a-rejection")
@signin.login_required
def not_a_rejection(message_id: int):
    m = owned(Message, message_id)
    app_id = m.application_id
    db = db_session()
    store.correct(db, g.user_id, m, _days(), utcnow(), label="other")
    db.commit()
    flash("Thanks: this email is no longer counted as a rejection, and its application was updated.")
    if app_id is not None and db_session().get(Application, app_id) is not None:
        return redirect(url_for("dashboard.application", app_id=app_id), code=303)
    return redirect(url_for("dashboard.message", message_id=m.id), code=303)


def _week_param() -> str | None:
    """The ``week`` query value (``2026-W47``), or None for the current week; 400 when it is not a real ISO week."""
    week = request.args.get("week") or None
    if week is not None:
        if schemas.problems("SUMMARY_QUERY", {"week": week}):
            abort(400, "A week is written like 2026-W47 (the year, W, the week's number).")
    return summary.checked_week(week)


def _shift(week: str, weeks: int) -> str:
    """The ISO week ``weeks`` before or after ``week``."""
    return summary.week_of(datetime.combine(summary.monday(week) + timedelta(weeks=weeks), time(12), UTC), UTC)


@bp.get("/summary")
@signin.login_required
def weekly_summary():
    s = summary.weekly(db_session(), g.user_id, _week_param())
    current = summary.week_of(utcnow(), _zone())
    return render_template("dashboard/summary.html", s=s, funnel=charts.funnel(s["funnel"]),
                           history=charts.history(s["history"]), previous=_shift(s["week"], -1),
                           next=_shift(s["week"], 1) if s["week"] < current else None)


@bp.get("/checks")
@signin.login_required
def please_check():
    """The emails the classifier was not sure are rejections: each waits for a yes or a no."""
    return render_template("dashboard/checks.html", listing=checks.listing(db_session(), g.user_id, 200, 0))


@bp.post("/messages/<int:message_id>/check")
@signin.login_required
def answer_check(message_id: int):
    """Yes (a rejection) or no (not one) for one of the user's emails to check."""
    m = owned(Message, message_id)
    answer = request.form.get("answer")
    if answer not in ("yes", "no"):
        abort(400, "Answer yes or no.")
    db = db_session()
    checks.answer(db, g.user_id, m, answer == "yes", None, _days(), utcnow())
    db.commit()
    who = m.company or m.from_name or m.from_address or "this sender"
    flash(f"Thanks: the email from {who} now counts as a rejection." if answer == "yes"
          else f"Thanks: the email from {who} does not count as a rejection.")
    back = signin.local_path(request.form.get("next")) or url_for("dashboard.please_check")
    return redirect(back, code=303)

