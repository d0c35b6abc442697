"""One-time sign-in links: a paired browser (the extension's user token) asks for one when the user
opens the dashboard from a card, so pairing the extension also signs the dashboard in and the user
has one identity. The link carries 32 random bytes; only their sha256 is stored, it works once, for
``LINK_SECONDS``, and only while the browser's token exists. Redeeming it makes a fresh dashboard
token (deleted again on sign-out), never hands out the browser's own."""

import secrets
from datetime import timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from server.auth import hash_secret, issue_token
from server.models import SigninLink, Token, User, utcnow

LINK_SECONDS = 120
"""How long a sign-in link works: long enough to open a tab, too short to be worth stealing from a log."""

DASHBOARD_TOKEN = "Dashboard"
"""The name of the token a sign-in makes (the same as a sign-in with a pairing code)."""


def new_link(session: Session, token: Token, next_path: str) -> tuple[str, SigninLink]:
    """A new link secret for the user of ``token`` that lands on ``next_path`` (a path on this server)."""
    code = secrets.token_urlsafe(32)
    now = utcnow()
    row = SigninLink(user_id=token.user_id, token_id=token.id, code_hash=hash_secret(code), next_path=next_path,
                     created_at=now, expires_at=now + timedelta(seconds=LINK_SECONDS))
    session.add(row)
    session.flush()
    return code, row


def redeem(session: Session, code: str) -> tuple[Token, str] | None:
    """A new dashboard token for the link's user and the path to land on, or None when the link is
    unknown, used, expired or its browser was revoked. The link is marked used in the statement that
    checks it, so two tabs opening one link cannot both sign in."""
    if not code or len(code) > 100:
        return None
    row = session.scalar(select(SigninLink).where(SigninLink.code_hash == hash_secret(code)))
    if row is None or session.get(Token, row.token_id) is None:
        return None
    now = utcnow()
    claimed = session.execute(update(SigninLink).where(SigninLink.id == row.id, SigninLink.used_at.is_(None),
                                                       SigninLink.expires_at > now).values(used_at=now))
    if claimed.rowcount != 1:
        return None
    token, _ = issue_token(session, session.get(User, row.user_id), "user", DASHBOARD_TOKEN)
    token.client = "dashboard"
    return token, row.next_path
