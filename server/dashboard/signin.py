"""Signing in to the dashboard. The browser holds a signed session cookie with a random session
secret (never the token itself) and a CSRF token; the server keeps the session (``DashboardSession``:
the secret's sha256, the user token it acts with, its expiry). Every request checks that the session
and its token still exist, so signing out, or revoking the token (``onward token revoke``), ends it
for good, even for a copy of the old cookie. The cookie is ``Secure`` when the request came over HTTPS."""

import hmac
import os
import secrets
from functools import wraps
from pathlib import Path
from urllib.parse import urlsplit

from flask import abort, current_app, g, has_request_context, redirect, request, session, url_for
from flask.sessions import SecureCookieSessionInterface
from sqlalchemy import delete, select

from server import pairing, ratelimit, translations
from server.auth import hash_secret
from server.db import db_session
from server.models import DashboardSession, Token, User, utcnow

SESSION_ID = "sid"
"""Session key: the secret that names this sign-in's ``DashboardSession`` row."""

CSRF = "csrf"
"""Session key: the token every form posts back in ``csrf_token``."""

TOKEN_NAME = "Dashboard"
"""The name of a token made from a pairing code (shown by ``onward token list``)."""


def instance_secret_key(instance_path: str) -> str:
    """The key kept in ``instance/secret_key``, made on first call (mode 0600). The file is
    written whole under another name and then linked into place, so two processes starting at
    once agree on one key and neither reads a half-written file."""
    folder = Path(instance_path)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "secret_key"
    if not path.exists():
        tmp = folder / f".secret_key.{os.getpid()}.{secrets.token_hex(4)}"
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as f:
            f.write(secrets.token_urlsafe(48))
        try:
            os.link(tmp, path)
        except FileExistsError:
            pass
        finally:
            tmp.unlink()
    return path.read_text().strip()


def csrf_token() -> str:
    """This session's CSRF token, made on first use."""
    if CSRF not in session:
        session[CSRF] = secrets.token_urlsafe(32)
    return session[CSRF]


def check_csrf() -> None:
    """400 unless the posted ``csrf_token`` is this session's."""
    sent = request.form.get("csrf_token", "")
    expected = session.get(CSRF, "")
    if not sent or not expected or not hmac.compare_digest(sent, expected):
        abort(400, translations.gettext("This form has expired or did not come from this page. Go back, reload it and try again."))


class SessionCookies(SecureCookieSessionInterface):
    """Flask's signed cookie, ``Secure`` when the request came over HTTPS (the scheme a trusted proxy
    reports counts, see ``TRUSTED_PROXIES``) or always with ``SESSION_COOKIE_SECURE``."""

    def get_cookie_secure(self, app) -> bool:
        return bool(app.config["SESSION_COOKIE_SECURE"]) or (has_request_context() and request.is_secure)


def _user_token(text: str) -> Token | None:
    """The user token whose secret is ``text``, if there is one."""
    token = db_session().scalar(select(Token).where(Token.secret_hash == hash_secret(text)))
    return token if token is not None and token.kind == "user" else None


def too_many_attempts(text: str) -> bool:
    """Whether this sign-in attempt is past its limit. A working token counts on its own bucket (the API's
    per-token limit), so nobody's failures lock its owner out; a pairing code or a token that does not work
    counts against this client's pairing bucket (``server.ratelimit``), so codes cannot be guessed here either."""
    text = text.strip()
    token = _user_token(text) if text.startswith("onw_") else None
    if token is not None:
        return ratelimit.over(*ratelimit.token_bucket(token)) is not None
    return ratelimit.over(ratelimit.pairing_key(), current_app.config["PAIR_RATELIMIT_PER_MINUTE"]) is not None


def token_for(text: str) -> tuple[Token, bool] | None:
    """The user token the sign-in form's text names, and whether it was made just now: a token
    (``onw_u_…``), or a pairing code, redeemed for a new token named "Dashboard". None when neither works."""
    text = text.strip()
    db = db_session()
    if text.startswith("onw_"):
        token = _user_token(text)
        return (token, False) if token is not None else None
    if not text or len(text) > 32:
        return None
    issued = pairing.redeem(db, text, TOKEN_NAME, client="dashboard")
    if issued is None:
        db.rollback()
        return None
    db.commit()
    return issued[0], True


def sign_in(token: Token, made_here: bool) -> None:
    """A fresh session for this token, kept on the server (a new CSRF token too, so one set before
    sign-in is not reused). ``made_here``: signing in made the token from a pairing code."""
    secret = secrets.token_urlsafe(32)
    db = db_session()
    db.execute(delete(DashboardSession).where(DashboardSession.expires_at <= utcnow()))  # sessions nobody can use any more
    db.add(DashboardSession(token_id=token.id, secret_hash=hash_secret(secret), own_token=made_here,
                            expires_at=utcnow() + current_app.permanent_session_lifetime))
    db.commit()
    session.clear()
    session.permanent = True
    session[SESSION_ID] = secret
    session[CSRF] = secrets.token_urlsafe(32)


def _current() -> DashboardSession | None:
    """This browser's server-side session, if it is still there and not expired."""
    secret = session.get(SESSION_ID)
    if not isinstance(secret, str):
        return None
    row = db_session().scalar(select(DashboardSession).where(DashboardSession.secret_hash == hash_secret(secret)))
    return row if row is not None and row.expires_at > utcnow() else None


def sign_out() -> None:
    """End the session on the server, then in the browser. A token that signing in made from a pairing
    code is deleted too: its secret was never shown to anyone, so no one else can be using it."""
    row = _current()
    db = db_session()
    if row is not None:
        token = db.get(Token, row.token_id)
        if row.own_token and token is not None and token.kind == "user" and token.name == TOKEN_NAME:
            db.delete(token)
        db.execute(delete(DashboardSession).where(DashboardSession.id == row.id))
        db.commit()
    session.clear()


def signed_in() -> bool:
    """Load the session's token and user into ``g`` (``g.token``, ``g.user``, ``g.user_id``);
    False, and the cookie cleared, when there is no session, it ended or expired, or its token was revoked."""
    if SESSION_ID not in session:
        return False
    row = _current()
    token = db_session().get(Token, row.token_id) if row is not None else None
    if token is None or token.kind != "user":
        session.clear()
        return False
    g.token, g.user_id = token, token.user_id
    g.user = db_session().get(User, token.user_id)
    if g.user.language:
        g.language = translations.language_of(g.user.language)
    return True


def local_path(target: str | None) -> str | None:
    """``target`` when it is a path on this server (so ``?next=`` cannot send anyone elsewhere)."""
    if not target:
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return None
    return target


def login_required(view):
    """Redirect to the sign-in page (coming back here afterwards) when nobody is signed in."""

    @wraps(view)
    def wrapper(*args, **kwargs):
        if not signed_in():
            back = request.full_path.rstrip("?") if request.method == "GET" else None
            return redirect(url_for("dashboard.login", next=back))
        return view(*args, **kwargs)

    return wrapper
