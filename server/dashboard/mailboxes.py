"""The Mailboxes page: connect a mailbox (provider presets, a connection test that says what is wrong,
"Sign in with Google/Microsoft" when the deployment has a client id), upload an mbox, a Maildir
archive or .eml files, and follow a first sync's or an upload's progress. The progress lives on the
server (the worker reports it), so a reload shows it; while something runs the page reloads itself
every few seconds (a meta refresh: the dashboard runs no script)."""

import time
from urllib.parse import urlsplit

from flask import abort, current_app, flash, g, redirect, render_template, request, session, url_for
from sqlalchemy import select

from server import imap_check, oauth, providers, schemas, translations, uploads, vault
from server.access import owned
from server.accounts import DEFAULT_PORTS, commit_unique, new_account
from server.dashboard import signin
from server.dashboard.blueprint import SECURITY_HEADERS, bp
from server.db import db_session
from server.errors import ApiError
from server.models import Account, Upload, utcnow
from server.translations import gettext as _
from server.translations import ngettext

REFRESH_SECONDS = 3
"""How often the page reloads itself while an upload or a first sync runs."""

PENDING_OAUTH = "oauth_pending"
"""Session key: the provider, state and PKCE verifier of a sign-in under way, and the form it came from."""


def _form_values() -> dict:
    """The connect form's fields from the posted form, as an AccountCreate body (validated by the caller)."""
    f = request.form
    tls = f.get("tls", "ssl")
    data = {"host": f.get("host", "").strip(), "username": f.get("username", "").strip(), "tls": tls,
            "secret": f.get("secret", ""), "folders": [x.strip() for x in f.get("folders", "INBOX").split(",") if x.strip()]}
    port = f.get("port", "").strip()
    data["port"] = int(port) if port.isdigit() else (DEFAULT_PORTS.get(tls, 993) if not port else port)
    if f.get("insecure") == "yes":
        data["insecure"] = True
    return data


def _status_page():
    """Your mailboxes and uploads with their progress; it reloads itself while something runs, and holds no
    form to type in, so a reload never loses what you typed (the forms are on the add page)."""
    db = db_session()
    accounts = list(db.scalars(select(Account).where(Account.user_id == g.user_id).order_by(Account.id)))
    listed = uploads.user_uploads(db, g.user_id)
    busy = any(u.status in ("queued", "running") for u in listed) or any(a.progress or a.last_sync_at is None for a in accounts)
    return render_template("dashboard/mailboxes.html", accounts=accounts, uploads=listed, percent=uploads.percent,
                           refresh=REFRESH_SECONDS if busy else None,
                           preset_for=lambda host: providers.shown(providers.for_host(host)))


def _add_page(status: int = 200, form: dict | None = None, outcome: imap_check.Outcome | None = None):
    """The presets, the connect form and the upload form; ``form`` and ``outcome`` after a test."""
    chosen = providers.preset(request.values.get("provider") or (form or {}).get("provider")) or providers.PRESETS["other"]
    presets = [providers.shown(p) for p in providers.PRESETS.values()]
    values = form or {"host": chosen.host, "port": chosen.port, "tls": chosen.tls, "folders": list(chosen.folders), "username": ""}
    html = render_template("dashboard/mailboxes_add.html", presets=presets, chosen=providers.shown(chosen), values=values,
                           outcome=outcome, oauth_ready=oauth.enabled(),
                           upload_mb=current_app.config["UPLOAD_MAX_BYTES"] // (1024 * 1024))
    return html, status, {"Content-Security-Policy": _policy()}


def _policy() -> str:
    """The dashboard's policy, with form-action widened to the sign-in pages of the configured OAuth2 providers:
    browsers check the redirect after "Sign in with …" against the policy of the page the form was on."""
    origins = {f"{u.scheme}://{u.netloc}" for u in (urlsplit(oauth.provider(k).authorize_url) for k in oauth.enabled())}
    return SECURITY_HEADERS["Content-Security-Policy"].replace("form-action 'self'", " ".join(["form-action 'self'", *sorted(origins)]))


def _tests_left() -> bool:
    """Whether this user may run another connection test this minute (``IMAP_TESTS_PER_MINUTE``)."""
    window = int(time.time() // 60)
    used = current_app.extensions["onward.ratelimit"].hit(f"imaptest:{g.user_id}", window)
    return used <= current_app.config["IMAP_TESTS_PER_MINUTE"]


@bp.get("/mailboxes")
@signin.login_required
def mailboxes():
    return _status_page()


@bp.get("/mailboxes/add")
@signin.login_required
def add():
    return _add_page()


@bp.post("/mailboxes")
@signin.login_required
def connect():
    """Test the connection and, when it works and the form asked to, save the account. Nothing is kept
    when the test fails: the page says which step went wrong, with the form still filled (but the password)."""
    data = _form_values()
    shown = {**{k: v for k, v in data.items() if k != "secret"}, "provider": request.form.get("provider")}
    problems = schemas.problems("ACCOUNT_CREATE", data)
    if problems:
        return _add_page(422, shown, imap_check.Outcome("form", _("Please correct the form: {problems}").format(problems="; ".join(problems))))
    if not _tests_left():
        return _add_page(429, shown, imap_check.Outcome("form", _("Too many connection tests this minute. Wait a minute and try again.")))
    try:
        account = new_account(g.user_id, data)
    except ApiError as exc:
        return _add_page(exc.status, shown, imap_check.Outcome("form", exc.message))
    outcome = imap_check.try_account(account.host, account.port, account.tls, account.username, data["secret"],
                                     folder=account.folders[0])
    if not outcome.ok or request.form.get("action") == "test":
        return _add_page(200 if outcome.ok else 422, shown, outcome)
    db = db_session()
    db.add(account)
    commit_unique(db)
    flash(_("{outcome} Onward now reads {username}; its first sync starts shortly and shows its progress here.").format(
        outcome=outcome.text, username=account.username))
    return redirect(url_for("dashboard.mailboxes", _anchor=f"account-{account.id}"), code=303)


@bp.post("/mailboxes/<int:account_id>/test")
@signin.login_required
def test_account(account_id: int):
    account = owned(Account, account_id)
    if not _tests_left():
        abort(429, _("Too many connection tests this minute. Wait a minute and try again."))
    if account.auth == "xoauth2" and account.token_expires_at and account.token_expires_at <= utcnow():
        flash(_("{username}: the last access token has expired; the worker renews it before the next sync, "
                "and a test works again after that.").format(username=account.username))
        return redirect(url_for("dashboard.mailboxes", _anchor=f"account-{account.id}"), code=303)
    outcome = imap_check.try_account(account.host, account.port, account.tls, account.username,
                                     vault.decrypt(account.secret), account.auth, account.folders[0])
    flash(f"{translations.colon(account.username)} {outcome.text}")
    return redirect(url_for("dashboard.mailboxes", _anchor=f"account-{account.id}"), code=303)


@bp.post("/mailboxes/<int:account_id>/remove")
@signin.login_required
def remove_account(account_id: int):
    """Stop reading a mailbox; the applications and messages already found stay."""
    account = owned(Account, account_id)
    db = db_session()
    db.delete(account)
    db.commit()
    flash(_("Onward no longer reads {username}. What it found stays in your pipeline.").format(username=account.username))
    return redirect(url_for("dashboard.mailboxes"), code=303)


@bp.before_app_request
def _upload_limit():
    """The upload form may send up to UPLOAD_MAX_BYTES (the rest of the app keeps MAX_CONTENT_LENGTH); set
    before the dashboard's CSRF check reads the form, which is when the body is parsed."""
    if request.endpoint == "dashboard.upload":
        request.max_content_length = current_app.config["UPLOAD_MAX_BYTES"] + 1024 * 1024


@bp.post("/mailboxes/uploads")
@signin.login_required
def upload():
    """Keep each chosen file in the spool folder for a worker; a file that is not mail is refused by name."""
    files = [f for f in request.files.getlist("files") if f and f.filename]
    if not files:
        abort(400, _("Choose a file first: an .mbox, a .zip or .tar.gz of a Maildir, or .eml files."))
    db = db_session()
    saved, refused = [], []
    for f in files:
        try:
            saved.append(uploads.save_upload(db, g.user_id, f.stream, f.filename))
        except ApiError as exc:
            refused.append(f"{translations.colon(f.filename)} {exc.message}")
    db.commit()
    if saved:
        flash(ngettext("Received {names}. Onward reads it now; the bar below shows how far it is.",
                       "Received {names}. Onward reads them now; the bar below shows how far it is.", len(saved)).format(
            names=", ".join(u.filename for u in saved)))
    for line in refused:
        flash(line)
    return redirect(url_for("dashboard.mailboxes", _anchor="uploads"), code=303)


@bp.post("/mailboxes/uploads/<int:upload_id>/remove")
@signin.login_required
def remove_upload(upload_id: int):
    upload = owned(Upload, upload_id)
    uploads.remove(db_session(), upload)
    flash(_("{name} is removed from the list. What Onward found in it stays in your pipeline.").format(name=upload.filename))
    return redirect(url_for("dashboard.mailboxes", _anchor="uploads"), code=303)


@bp.post("/mailboxes/oauth/<key>")
@signin.login_required
def oauth_start(key: str):
    """Send the browser to the provider's sign-in (PKCE); the form's connection waits in the session."""
    data = _form_values()
    data.pop("secret", None)
    problems = schemas.problems("ACCOUNT_CREATE", {**data, "secret": "-", "auth": "xoauth2"})
    if problems:
        return _add_page(422, {**data, "provider": request.form.get("provider")},
                     imap_check.Outcome("form", _("Please correct the form: {problems}").format(problems="; ".join(problems))))
    url, pending = oauth.start(key, data["username"])
    session[PENDING_OAUTH] = {**pending, "account": data}
    return redirect(url, code=303)


@bp.get(oauth.CALLBACK)
@signin.login_required
def oauth_callback():
    """Back from the provider: check the state, exchange the code (with the PKCE verifier), keep the tokens encrypted."""
    pending = session.pop(PENDING_OAUTH, None)
    if pending is None or request.args.get("state") != pending["state"]:
        abort(400, _("This sign-in did not start here or has expired. Start it again from the Mailboxes page."))
    if request.args.get("error"):
        abort(400, _("The sign-in was not completed ({reason}). Nothing was saved.").format(
            reason=request.args.get("error_description") or request.args["error"]))
    token = oauth.finish(pending, request.url)
    data = pending["account"]
    db = db_session()
    account = db.scalar(select(Account).where(Account.user_id == g.user_id, Account.host == data["host"].lower(),
                                              Account.username == data["username"]))
    if account is None:
        account = new_account(g.user_id, {**data, "auth": "xoauth2", "secret": token["access_token"]})
        db.add(account)
    oauth.store_tokens(account, pending["provider"], token["access_token"], oauth.expires_at(token), token.get("refresh_token"))
    commit_unique(db)
    flash(_("Signed in: Onward now reads {username} with {provider}'s permission, and renews it by itself. "
            "Its first sync starts shortly and shows its progress here.").format(
        username=account.username, provider=oauth.provider(pending["provider"]).title))
    return redirect(url_for("dashboard.mailboxes", _anchor=f"account-{account.id}"), code=303)
