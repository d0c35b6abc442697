"""The dashboard's blueprint and what every page of it shares: the names statuses and labels read
as, the security headers, the CSRF check, the template helpers and the error pages. Apart from the
views so that each page module (``views``, ``mailboxes``) registers on it without importing another."""

import logging

from flask import Blueprint, g, render_template, request
from werkzeug.exceptions import HTTPException

from server import checks, translations
from server.dashboard import demo, signin
from server.db import db_session
from server.errors import ApiError
from server.translations import N_
from server.translations import gettext as _

log = logging.getLogger("onward.server")

bp = Blueprint("dashboard", __name__, template_folder="templates", static_folder="static",
               static_url_path="/dashboard-static")

NAMES = {
    "status": {"saved": N_("Saved"), "applied": N_("Applied"), "assessment": N_("Assessment"), "interviewing": N_("Interviewing"),
               "offer": N_("Offer"), "rejected": N_("Rejected"), "ghosted": N_("Gone quiet"), "withdrawn": N_("Withdrawn")},
    "label": {"rejection": N_("Rejection"), "application_confirmation": N_("Application received"),
              "interview_invitation": N_("Interview invitation"), "offer": N_("Offer"), "job_alert": N_("Job alert"),
              "recruiter_outreach": N_("Recruiter message"), "other": N_("Other email"),
              "possible_rejection": N_("Please check: maybe a rejection")},
    "stage": {"application": N_("at the application stage"), "assessment": N_("after an assessment"),
              "interview": N_("after an interview"), "unknown": N_("at a stage the email does not say")},
    "source": {"message": N_("an email"), "ghosted": N_("no answer for a long time"), "user": N_("your correction")},
}
"""How statuses, labels, rejection stages and the cause of a status change read on the pages
(message ids: ``names()`` gives them in the page's language)."""


def names() -> dict[str, dict[str, str]]:
    """``NAMES`` in the page's language."""
    return {kind: {key: _(text) for key, text in words.items()} for kind, words in NAMES.items()}

SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
                               "frame-ancestors 'none'; base-uri 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}
"""Every dashboard answer: no script runs, nothing loads from elsewhere, no other site frames the pages."""


@bp.record_once
def _i18n(state):
    translations.install(state.app.jinja_env)


@bp.before_request
def _language():
    """The browser's language until a signed-in user's own setting replaces it (``signin.signed_in``); set
    first, so even a refused form (``_csrf``) is answered in it."""
    g.language = translations.browser_language()


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
    return {"csrf_token": signin.csrf_token, "names": names(), "pending_checks": _pending_checks, "demo_shown": _demo_shown,
            "languages": translations.LANGUAGE_NAMES}


def _demo_shown() -> bool:
    """Whether the signed-in user's pipeline holds the demo (every page then says so)."""
    return demo.present(db_session(), g.user_id) if g.get("user_id") else False


def _pending_checks() -> int:
    """How many emails wait for the signed-in user's check (the navigation shows it)."""
    return checks.count(db_session(), g.user_id) if g.get("user_id") else 0


HTTP_TEXTS = {400: N_("The request could not be read. Go back, reload the page and try again."),
              404: N_("There is nothing at this address. The link may be old, or the item was removed."),
              405: N_("This page cannot be used that way. Go back and use its buttons or links."),
              413: N_("That was too large to receive."),
              429: N_("Too many requests in a short time. Wait a minute and try again.")}
"""What a page says for an HTTP error that carries only Werkzeug's own (English) description; any
other status says the heading's words only."""


def _error(exc):
    status = exc.status if isinstance(exc, ApiError) else exc.code or 500
    if isinstance(exc, ApiError):
        text = exc.message
    elif exc.description != type(exc).description:  # ours, written in the page's language where it was raised
        text = exc.description
    else:
        text = _(HTTP_TEXTS[status]) if status in HTTP_TEXTS else ""
    return render_template("dashboard/error.html", status=status, text=text), status


def _unexpected(exc: Exception):
    log.exception("unexpected error on a dashboard page")
    db_session().rollback()
    return render_template("dashboard/error.html", status=500, text=_("Something broke on our side. Try again in a moment.")), 500


bp.register_error_handler(ApiError, _error)
bp.register_error_handler(HTTPException, _error)
bp.register_error_handler(Exception, _unexpected)
