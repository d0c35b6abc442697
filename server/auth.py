"""API tokens and who is calling.

A token is ``onw_u_`` (user: extension, dashboard) or ``onw_s_`` (service: a worker) followed
by 32 random bytes, url-safe; only its sha256 is stored, so a leaked database holds no usable
token. Views declare who may call them with ``require_user`` or ``require_service_or_user``;
the caller's token and user id are then in ``g.token`` and ``g.user_id``."""

import hashlib
import secrets
from datetime import timedelta
from functools import wraps

from flask import current_app, g, request
from sqlalchemy import select, update

from server.db import db_session
from server.errors import ApiError
from server.models import Token, User, utcnow

PREFIXES = {"user": "onw_u_", "service": "onw_s_"}
"""The visible prefix of each kind of token, so a leaked one is recognisable (and scannable)."""


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def issue_token(session, user: User, kind: str, name: str) -> tuple[Token, str]:
    """A new token for ``user``; the secret is returned once and never stored."""
    secret = PREFIXES[kind] + secrets.token_urlsafe(32)
    token = Token(user_id=user.id, kind=kind, name=name, secret_hash=hash_secret(secret))
    session.add(token)
    session.flush()
    return token, secret


def create_user(session, email: str, tokens: tuple[tuple[str, str], ...] = (("user", "personal"),)) -> tuple[User, list[str]]:
    """A new user and a token of each (kind, name) in ``tokens``; the secrets are returned once."""
    user = User(email=email)
    session.add(user)
    session.flush()
    return user, [issue_token(session, user, kind, name)[1] for kind, name in tokens]


def bearer() -> str | None:
    """The token in ``Authorization: Bearer …``, if any."""
    scheme, _, value = request.headers.get("Authorization", "").partition(" ")
    return value.strip() or None if scheme.lower() == "bearer" else None


def _authenticate() -> Token:
    secret = bearer()
    if not secret:
        raise ApiError(401, "An API token is required: Authorization: Bearer <token>.")
    session = db_session()
    token = session.scalar(select(Token).where(Token.secret_hash == hash_secret(secret)))
    if token is None:
        raise ApiError(401, "This token is not valid (unknown or revoked).")
    now = utcnow()
    touch = timedelta(seconds=current_app.config["TOKEN_TOUCH_SECONDS"])
    if token.last_used_at is None or now - token.last_used_at >= touch:
        session.execute(update(Token).where(Token.id == token.id).values(last_used_at=now))
        session.commit()
        token.last_used_at = now
    g.token = token
    g.user_id = token.user_id
    return token


def require_user(view):
    """Only a user token may call this view; a service token gets 403."""

    @wraps(view)
    def wrapper(*args, **kwargs):
        if _authenticate().kind != "user":
            raise ApiError(403, "A service token may only send messages, read the sync state and read or report on accounts.")
        return view(*args, **kwargs)

    return wrapper


def require_service_or_user(view):
    """A user token or a worker's service token may call this view."""

    @wraps(view)
    def wrapper(*args, **kwargs):
        _authenticate()
        return view(*args, **kwargs)

    return wrapper


def require_service(view):
    """Only a worker's service token may call this view (it hands out decrypted IMAP secrets)."""

    @wraps(view)
    def wrapper(*args, **kwargs):
        if _authenticate().kind != "service":
            raise ApiError(403, "Only a worker's service token may do this.")
        return view(*args, **kwargs)

    return wrapper
