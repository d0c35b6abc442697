"""The dashboard's pages and forms. Each page reads through the same services as the API
(``server.store``, ``server.summary``, ``server.advice``, ``server.reflections``,
``server.followups``) for the signed-in user only; each form
posts a CSRF token and answers with a redirect, so reloading a page never posts twice."""

import logging
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from flask import abort, current_app, flash, g, redirect, render_template, request, url_for
from sqlalchemy import select

from server import (
    advice,
    checks,
    corrections,
    figures,
    pairing,
    reflections,
    schemas,
    signin_links,
    store,
    summary,
    translations,
)
from server.access import owned
from server.dashboard import charts, demo, signin
from server.dashboard.blueprint import NAMES, bp
from server.db import db_session
from server.followups import follow_up_calendar
from server.inputs import query
from server.models import Application, Correction, Message, utcnow
from server.pipeline import STATUSES
from server.translations import gettext as _
from server.translations import ngettext

log = logging.getLogger("onward.server")

COLUMNS = figures.COLUMNS
"""The pipeline page's columns, left to right: waiting, moving, then the ends (``server.figures``)."""



def _zone() -> ZoneInfo:
    user = g.get("user")
    return summary.zone(user.timezone if user else None)


@bp.app_template_filter("day")
def _day(value: datetime | str | None) -> str:
    """A date as the user reads it, in their time zone and language: ``Mon 16 Nov 2026``, ``Mo., 16. Nov. 2026``."""
    return translations.day(value, _zone())


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
        code = request.args.get("code", "")
        code = code if code.isalnum() and len(code) <= 64 else ""  # the sign-in link of `onward run` fills it in
        return render_template("dashboard/login.html", back=back, problem=None, code=code)
    secret = request.form.get("secret", "")
    if signin.too_many_attempts(secret):
        return render_template("dashboard/login.html", back=back, code="",
                               problem=_("Too many attempts from this address. Wait a minute and try again.")), 429
    found = signin.token_for(secret)
    if found is None:
        return render_template("dashboard/login.html", back=back, code="",
                               problem=_("That token or pairing code does not work. It may be mistyped, used already, "
                                         "expired or revoked.")), 401
    signin.sign_in(*found)
    return redirect(back, code=303)


@bp.get("/login/link/<code>")
def login_link(code: str):
    """Sign in with a one-time link the extension asked for (``POST /api/v1/signin-links``) and land on
    the page it names: pairing the extension is the only sign-in a user of the card needs."""
    if signin.too_many_attempts(code):
        return render_template("dashboard/login.html", back=url_for("dashboard.pipeline"),
                               problem=_("Too many attempts from this address. Wait a minute and try again.")), 429
    db = db_session()
    found = signin_links.redeem(db, code)
    if found is None:
        db.rollback()
        return render_template("dashboard/login.html", back=url_for("dashboard.pipeline"),
                               problem=_("This sign-in link was used already or has expired (it works once, for two "
                                         "minutes). Open the application again from the extension, or sign in below.")), 410
    db.commit()
    token, target = found
    signin.sign_in(token, True)
    return redirect(signin.local_path(target) or url_for("dashboard.pipeline"), code=303)


@bp.get("/browsers")
@signin.login_required
def browsers():
    """The paired browsers, and a form that issues a pairing code for another one."""
    return render_template("dashboard/browsers.html", browsers=pairing.browsers(db_session(), g.user_id), code=None)


@bp.post("/browsers/code")
@signin.login_required
def pairing_code():
    """A new pairing code, shown on this answer only (never put in a cookie or a redirect's URL);
    reloading makes another one, which is harmless: each expires unused."""
    db = db_session()
    minutes = current_app.config["PAIRING_CODE_MINUTES"]
    code, row = pairing.new_code(db, g.user, minutes)
    db.commit()
    return render_template("dashboard/browsers.html", browsers=pairing.browsers(db, g.user_id), code=code,
                           minutes=minutes, expires_at=row.expires_at)


@bp.post("/browsers/<int:token_id>/revoke")
@signin.login_required
def revoke_browser(token_id: int):
    """Unpair one browser: its token stops working at once (its sign-in links with it)."""
    db = db_session()
    if not 0 < token_id <= schemas.MAX_ID or not pairing.unpair(db, g.user_id, token_id):
        abort(404, _("This browser is not paired with your account."))
    db.commit()
    flash(_("That browser is no longer paired. Pair it again with a new code when you want it back."))
    return redirect(url_for("dashboard.browsers"), code=303)


@bp.post("/logout")
def logout():
    """Sign out: the session ends on the server, so a copy of the cookie no longer opens a page; a token
    this sign-in made from a pairing code is revoked too (nobody else knows its secret)."""
    signin.sign_out()
    flash(_("You are signed out."))
    return redirect(url_for("dashboard.login"), code=303)


@bp.get("/")
@signin.login_required
def pipeline():
    db = db_session()
    store.refresh_ghosted(db, g.user_id, _days())
    columns = figures.pipeline(db, g.user_id)
    return render_template("dashboard/pipeline.html", columns=columns, total=sum(len(apps) for _, apps in columns))


@bp.post("/demo")
@signin.login_required
def load_demo():
    """Fill the pipeline with the sample mailbox, marked as a demo (a second press adds nothing)."""
    db = db_session()
    counts = demo.load(db, g.user_id, _days(), utcnow())
    db.commit()
    flash(ngettext("The demo is in: %(num)d email from a sample mailbox. Remove it with one click when you are done.",
                   "The demo is in: %(num)d emails from a sample mailbox. Remove it with one click when you are done.",
                   counts["new"]) % {"num": counts["new"]}
          if counts["new"] else _("The demo is already in your pipeline."))
    return redirect(url_for("dashboard.pipeline"), code=303)


@bp.post("/demo/remove")
@signin.login_required
def remove_demo():
    """Take the demo out again; the user's own mail and applications stay as they are."""
    db = db_session()
    gone = demo.remove(db, g.user_id, _days(), utcnow())
    db.commit()
    flash(ngettext("The demo is removed (%(num)d email). Your own mail is untouched.",
                   "The demo is removed (%(num)d emails). Your own mail is untouched.", gone) % {"num": gone}
          if gone else _("There was no demo to remove."))
    return redirect(url_for("dashboard.pipeline"), code=303)


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


def _others(app: Application) -> list[Application]:
    """The user's other applications a merge can take in: the same employer's first, then the rest by name."""
    rows = db_session().scalars(select(Application).where(Application.user_id == g.user_id, Application.id != app.id)
                                .order_by(Application.company, Application.role, Application.id)).all()
    return sorted(rows, key=lambda a: a.company_key != app.company_key)


@bp.get("/applications/<int:app_id>")
@signin.login_required
def application(app_id: int):
    db = db_session()
    store.refresh_ghosted(db, g.user_id, _days())
    app = owned(Application, app_id)
    db.refresh(app)
    return render_template("dashboard/application.html", app=app, timeline=_timeline(app), reflections=reflections.reflections_of(db, app),
                           limit=schemas.REFLECTION_MAX, others=_others(app), statuses=STATUSES,
                           last=corrections.latest_for(db, g.user_id, app.id), today=utcnow().astimezone(_zone()).date())


UNDO_NOTE = translations.N_("You can undo it below or on the Corrections page.")


def _saved(app_id: int, note: str, undoable: bool = True):
    """Commit a correction and go back to the application's page, saying what was done."""
    db_session().commit()
    flash(f"{note} {_(UNDO_NOTE)}" if undoable else note)
    return redirect(url_for("dashboard.application", app_id=app_id), code=303)


@bp.post("/applications/<int:app_id>/edit")
@signin.login_required
def edit_application(app_id: int):
    """Company and role as the user writes them (validated as the API validates them)."""
    app = owned(Application, app_id)
    data = {"company": request.form.get("company", "").strip(), "role": request.form.get("role", "").strip() or None}
    if schemas.problems("APPLICATION_PATCH", data):
        abort(400, _("Write the employer's name (at most 200 characters, with a letter or digit) and a role of at most 200 characters."))
    done = corrections.edit(db_session(), g.user_id, app, data, _days(), utcnow())
    return _saved(app.id, _("Saved.") if done else _("Nothing changed."), undoable=done is not None)


@bp.post("/applications/<int:app_id>/status")
@signin.login_required
def set_status(app_id: int):
    """A status from a day on (today by default): how the user corrects a status and its date."""
    app = owned(Application, app_id)
    status = request.form.get("status")
    if status not in STATUSES:
        abort(400, _("Choose one of the statuses."))
    try:
        day = datetime.strptime(request.form.get("since") or "", "%Y-%m-%d").date() if request.form.get("since") else None
    except ValueError:
        abort(400, _("Write the date as year-month-day, like 2026-11-16."))
    now = utcnow()
    at = now if day is None or day == now.astimezone(_zone()).date() else datetime.combine(day, time(12), _zone()).astimezone(UTC)
    if at > now:
        abort(400, _("That date is in the future: choose today or a day before."))
    corrections.edit(db_session(), g.user_id, app, {"status": status, "status_at": at}, _days(), now)
    return _saved(app.id, _("The status is now {status} from {day}.").format(status=_(NAMES["status"][status]), day=_day(at)))


@bp.post("/applications/<int:app_id>/merge")
@signin.login_required
def merge(app_id: int):
    """Take another application (the same job seen twice) into this one."""
    app = owned(Application, app_id)
    other_id = request.form.get("other_id", "")
    if not other_id.isdigit():
        abort(400, _("Choose the application to merge into this one."))
    other = owned(Application, int(other_id))
    name = f"{other.company} ({other.role})" if other.role else other.company
    corrections.merge(db_session(), g.user_id, app, other, _days(), utcnow())
    return _saved(app.id, _("{name} is merged into this application.").format(name=name))


@bp.post("/applications/<int:app_id>/split")
@signin.login_required
def split(app_id: int):
    """Move the ticked emails into a new application of the same employer."""
    app = owned(Application, app_id)
    picked = request.form.getlist("message_id")
    if not picked or not all(p.isdigit() for p in picked):
        abort(400, _("Tick the emails that belong to the other application."))
    role = request.form.get("role", "").strip() or None
    if role and len(role) > 200:
        abort(400, _("A role has at most 200 characters."))
    new = corrections.split(db_session(), g.user_id, app, {int(p) for p in picked}, role, role is None, _days(), utcnow())[1]
    return _saved(new.id, _("These emails are now a separate application."))


@bp.get("/corrections")
@signin.login_required
def corrections_log():
    """Every correction the user made, newest first, each with its undo."""
    db = db_session()
    rows = corrections.listing(db, g.user_id)
    ids = {r.application_id for r in rows if r.application_id}
    apps = {a.id: a for a in db.scalars(select(Application).where(Application.user_id == g.user_id, Application.id.in_(ids)))}
    return render_template("dashboard/corrections.html", rows=rows, apps=apps)


@bp.post("/corrections/<int:correction_id>/undo")
@signin.login_required
def undo(correction_id: int):
    row = owned(Correction, correction_id)
    db = db_session()
    corrections.undo(db, g.user_id, row, _days(), utcnow())
    db.commit()
    flash(_("Undone: things are as they were before that correction."))
    back = signin.local_path(request.form.get("next")) or url_for("dashboard.corrections_log")
    return redirect(back, code=303)


@bp.post("/applications/<int:app_id>/reflections")
@signin.login_required
def reflect(app_id: int):
    app = owned(Application, app_id)
    went_well, to_change = request.form.get("went_well", ""), request.form.get("to_change", "")
    if len(went_well) > schemas.REFLECTION_MAX or len(to_change) > schemas.REFLECTION_MAX:
        abort(400, _("Each field takes at most {limit} characters.").format(limit=schemas.REFLECTION_MAX))
    reflections.add_reflection(db_session(), app, went_well, to_change)
    flash(_("Your reflection is saved with this application."))
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
    tips = (advice.for_message(db_session(), g.user_id, m, reader=translations.current())
            if m.effective_label in advice.ADVISED else None)
    return render_template("dashboard/message.html", m=m, advice=tips, last=corrections.latest_for(db_session(), g.user_id, message_id=m.id))


NOT_A_REJECTION = {"application_confirmation": ("application_confirmation", True), "interview_invitation": ("interview_invitation", True),
                   "other": ("other", True), "not_job": ("other", False)}
"""The answers to "what was it, then?" (a confirmation, an invitation, other job mail, not about a
job): the label and whether the email stays with its application."""


@bp.post("/messages/<int:message_id>/not-a-rejection")
@signin.login_required
def not_a_rejection(message_id: int):
    """The user says an email is not a rejection and what it was; the application keeps everything else."""
    m = owned(Message, message_id)
    what = request.form.get("what") or "other"
    if what not in NOT_A_REJECTION:
        abort(400, _("Choose what the email was."))
    label, about_job = NOT_A_REJECTION[what]
    app_id = m.application_id
    db = db_session()
    corrections.correct_message(db, g.user_id, m, _days(), utcnow(), label=label, about_job=about_job)
    db.commit()
    flash(_("Thanks: this email is no longer counted as a rejection, and its application was updated. "
            "You can undo it on the Corrections page."))
    if app_id is not None and db_session().get(Application, app_id) is not None:
        return redirect(url_for("dashboard.application", app_id=app_id), code=303)
    return redirect(url_for("dashboard.message", message_id=m.id), code=303)


def _week_param() -> str | None:
    """The ``week`` query value (``2026-W47``), or None for the current week; 400 when it is not a real ISO week."""
    week = request.args.get("week") or None
    if week is not None:
        if schemas.problems("SUMMARY_QUERY", {"week": week}):
            abort(400, _("A week is written like 2026-W47 (the year, W, the week's number)."))
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
        abort(400, _("Answer yes or no."))
    db = db_session()
    checks.answer(db, g.user_id, m, answer == "yes", None, _days(), utcnow())
    db.commit()
    who = m.company or m.from_name or m.from_address or _("this sender")
    flash(_("Thanks: the email from {who} now counts as a rejection.").format(who=who) if answer == "yes"
          else _("Thanks: the email from {who} does not count as a rejection.").format(who=who))
    back = signin.local_path(request.form.get("next")) or url_for("dashboard.please_check")
    return redirect(back, code=303)



@bp.post("/language")
@signin.login_required
def set_language():
    """The language of the user's pages and digest; empty: the browser's (English in the digest)."""
    chosen = request.form.get("language") or None
    if chosen is not None and chosen not in translations.LANGUAGES:
        abort(400, _("Choose one of the languages."))
    g.user.language = chosen
    db_session().commit()
    return redirect(signin.local_path(request.form.get("next")) or url_for("dashboard.pipeline"), code=303)
