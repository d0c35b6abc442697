"""Signing in to the dashboard. The browser holds a signed session cookie with the id of a user
token (never the token itself) and a CSRF token; every request checks that the token still
exists, so revoking it (``onward token revoke``) signs the dashboard out too."""

import hmac
import os
import secrets
import time
from functools import wraps
from pathlib import Path
from urllib.parse import urlsplit

from flask import abort, current_app, g, redirect, request, session, url_for
from sqlalchemy import select

from server import pairing
from server.auth import hash_secret
from server.db import db_session
from server.models import Token, User

TOKEN_ID = "token_id"
"""Session key: the id of the user token the dashboard acts with."""

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
        abort(400, "This form has expired or did not come from this page. Go back, reload it and try again.")


def too_many_attempts() -> bool:
    """Sign-in attempts share the pairing bucket of ``server/ratelimit.py`` (per IP address and
    minute), so pairing codes cannot be guessed through this form either."""
    window = int(time.time() // 60)
    limit = current_app.config["PAIR_RATELIMIT_PER_MINUTE"]
    return current_app.extensions["onward.ratelimit"].hit(f"pair:{request.remote_addr}", window) > limit


def token_for(text: str) -> tuple[Token, bool] | None:
    """The user token the sign-in form's text names, and whether it was made just now: a token
    (``onw_u_…``), or a pairing code, redeemed for a new token named "Dashboard". None when neither works."""
    text = text.strip()
    db = db_session()
    if text.startswith("onw_"):
        token = db.scalar(select(Token).where(Token.secret_hash == hash_secret(text)))
        return (token, False) if token is not None and token.kind == "user" else None
    if not text or len(text) > 32:
        return None
    issued = pairing.redeem(db, text, TOKEN_NAME)
    if issued is None:
        db.rollback()
        return None
    db.commit()
    return issued[0], True


OWN_TOKEN = "own_token"
"""Session key: True when the token was made by this sign-in (from a pairing code)."""


def sign_in(token: Token, made_here: bool) -> None:
    """A fresh session for this token (a new CSRF token too, so one set before sign-in is not reused)."""
    session.clear()
    session.permanent = True
    session[TOKEN_ID] = token.id
    session[OWN_TOKEN] = made_here
    session[CSRF] = secrets.token_urlsafe(32)


def sign_out() -> None:
    """End the session. A token that signing in made from a pairing code is deleted: its secret was
    never shown to anyone, so no one else can be using it."""
    token_id = session.get(TOKEN_ID)
    if session.get(OWN_TOKEN) and isinstance(token_id, int):
        db = db_session()
        token = db.get(Token, token_id)
        if token is not None and token.kind == "user" and token.name == TOKEN_NAME:
            db.delete(token)
            db.commit()
    session.clear()


def signed_in() -> bool:
    """Load the session's token and user into ``g`` (``g.token``, ``g.user``, ``g.user_id``);
    False, and the session cleared, when there is none or the token was revoked."""
    token_id = session.get(TOKEN_ID)
    if not isinstance(token_id, int):
        return False
    token = db_session().get(Token, token_id)
    if token is None or token.kind != "user":
        session.clear()
        return False
    g.token, g.user_id = token, token.user_id
    g.user = db_session().get(User, token.user_id)
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
