"""API tokens and who is calling.

A token is ``onw_u_`` (user: extension, dashboard), ``onw_s_`` (service: a worker for one user) or
``onw_f_`` (fleet: the workers of a deployment, for every user) followed by 32 random bytes,
url-safe; only its sha256 is stored, so a leaked database holds no usable token. Views declare who
may call them with the ``require_*`` decorators; the caller's token and user id are then in
``g.token`` and ``g.user_id``.

A fleet token is made only on the command line (``onward token create EMAIL --fleet``; EMAIL is
the operator who answers for it and may revoke it). It has no user of its own: ``g.user_id`` is
None until an account-scoped view (``server.access.worker_account``) sets it to the
account's owner, so every query that filters on the user finds nothing before that."""

import hashlib
import secrets
from datetime import timedelta
from functools import wraps

from flask import current_app, g, request
from sqlalchemy import select, update

from server.db import db_session
from server.errors import ApiError
from server.models import Token, User, utcnow

PREFIXES = {"user": "onw_u_", "service": "onw_s_", "fleet": "onw_f_"}
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


_LOOKED_UP = "onward_bearer_token"
"""``g`` attribute: the request's token as looked up once (the rate limiter asks before the view does)."""


def current_token() -> Token | None:
    """The valid token the request's ``Authorization`` header carries, or None (no header, unknown or
    revoked). Looked up once per request: the rate limiter needs it to tell a real token, counted on its
    own, from a made-up one, counted against the client that sent it."""
    if _LOOKED_UP not in g:
        secret = bearer()
        found = db_session().scalar(select(Token).where(Token.secret_hash == hash_secret(secret))) if secret else None
        setattr(g, _LOOKED_UP, found)
    return getattr(g, _LOOKED_UP)


def _authenticate() -> Token:
    if not bearer():
        raise ApiError(401, "An API token is required: Authorization: Bearer <token>.")
    session = db_session()
    token = current_token()
    if token is None:
        raise ApiError(401, "This token is not valid (unknown or revoked).")
    now = utcnow()
    touch = timedelta(seconds=current_app.config["TOKEN_TOUCH_SECONDS"])
    if token.last_used_at is None or now - token.last_used_at >= touch:
        session.execute(update(Token).where(Token.id == token.id).values(last_used_at=now))
        session.commit()
        token.last_used_at = now
    g.token = token
    g.user_id = None if token.kind == "fleet" else token.user_id
    return token


def _require(kinds: tuple[str, ...], refusal: str):
    """A decorator that lets only tokens of ``kinds`` call the view; any other kind gets 403 with ``refusal``."""

    def decorate(view):
        @wraps(view)
        def wrapper(*args, **kwargs):
            if _authenticate().kind not in kinds:
                raise ApiError(403, refusal)
            return view(*args, **kwargs)

        return wrapper

    return decorate


require_user = _require(("user",), "This needs a user token: a worker's token may only send messages, read the sync state "
                                   "and read or report on accounts.")
"""Only a user token may call this view."""

require_service_or_user = _require(("user", "service"), "A fleet token may only list accounts and work on one account at a "
                                                        "time (/api/v1/accounts/<id>/...).")
"""A user token or a one-user worker's service token; a fleet token has no user to act for here."""

require_worker = _require(("service", "fleet"), "Only a worker's service or fleet token may do this.")
"""Only a worker's token (it hands out decrypted IMAP secrets); the view must find the account with
``worker_account``, which keeps a service token to its user and lets a fleet token act for the owner."""

require_any = _require(("user", "service", "fleet"), "")
"""Any valid token (listing accounts: a user sees theirs, a worker what it schedules)."""
