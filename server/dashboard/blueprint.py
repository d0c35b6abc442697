"""The dashboard's blueprint and what every page of it shares: the names statuses and labels read
as, the security headers, the CSRF check, the template helpers and the error pages. Apart from the
views so that each page module (``views``, ``mailboxes``) registers on it without importing another."""

import logging

from flask import Blueprint, g, render_template, request
from werkzeug.exceptions import HTTPException

from server import checks
from server.dashboard import demo, signin
from server.db import db_session
from server.errors import ApiError

log = logging.getLogger("onward.server")

bp = Blueprint("dashboard", __name__, template_folder="templates", static_folder="static",
               static_url_path="/dashboard-static")

NAMES = {
    "status": {"saved": "Saved", "applied": "Applied", "assessment": "Assessment", "interviewing": "Interviewing", "offer": "Offer",
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
    return {"csrf_token": signin.csrf_token, "names": NAMES, "pending_checks": _pending_checks, "demo_shown": _demo_shown}


def _demo_shown() -> bool:
    """Whether the signed-in user's pipeline holds the demo (every page then says so)."""
    return demo.present(db_session(), g.user_id) if g.get("user_id") else False


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
