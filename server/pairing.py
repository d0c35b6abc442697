"""One-time pairing codes: the user asks for one (``onward pair``, the dashboard's Browsers page, or
``POST /api/v1/pairing-codes`` with a user token) and types it into the extension or the dashboard's
sign-in, which exchanges it for a user token. Eight characters from an alphabet without look-alikes (no 0/O, 1/I/L); only the
sha256 is stored; a code works once and expires."""

import hashlib
import secrets
from datetime import timedelta

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from server.auth import issue_token
from server.models import PairingCode, Token, User, utcnow

ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
"""Letters and digits that cannot be mistaken for each other when read aloud or typed."""

LENGTH = 8


def _hash(code: str) -> str:
    return hashlib.sha256(code.encode()).hexdigest()


def normalize(code: str) -> str:
    """What the user typed, as stored: upper case, spaces and dashes ignored."""
    return "".join(c for c in code.upper() if c not in " -")


def new_code(session: Session, user: User, minutes: int) -> tuple[str, PairingCode]:
    code = "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))
    row = PairingCode(user_id=user.id, code_hash=_hash(code), expires_at=utcnow() + timedelta(minutes=minutes))
    session.add(row)
    session.flush()
    return code, row


def redeem(session: Session, code: str, name: str, client: str | None = None) -> tuple[Token, str] | None:
    """A new user token for the code's owner, or None when the code is unknown, used or expired.
    The code is marked used in the same statement that checks it, so two requests racing with
    one code cannot both win."""
    now = utcnow()
    row = session.scalar(select(PairingCode).where(PairingCode.code_hash == _hash(normalize(code))))
    if row is None:
        return None
    claimed = session.execute(update(PairingCode).where(PairingCode.id == row.id, PairingCode.used_at.is_(None),
                                                        PairingCode.expires_at > now).values(used_at=now))
    if claimed.rowcount != 1:
        return None
    user = session.get(User, row.user_id)
    token, secret = issue_token(session, user, "user", name)
    token.client = client
    return token, secret


def browsers(session: Session, user_id: int) -> list[Token]:
    """The user's paired browsers (tokens a pairing made for the extension), the newest first."""
    return list(session.scalars(select(Token).where(Token.user_id == user_id, Token.kind == "user",
                                                    Token.client == "browser").order_by(Token.id.desc())))


def unpair(session: Session, user_id: int, token_id: int) -> bool:
    """Revoke one of the user's paired browsers; False when it is not one of theirs."""
    gone = session.execute(delete(Token).where(Token.id == token_id, Token.user_id == user_id,
                                               Token.client == "browser"))
    return gone.rowcount == 1
