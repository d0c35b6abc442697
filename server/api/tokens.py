"""The caller's own tokens: ``GET /api/v1/tokens`` and ``DELETE /api/v1/tokens/<id>`` (revoke)."""

from flask import Blueprint, g
from sqlalchemy import select

from server.api import owned
from server.auth import require_user
from server.db import db_session
from server.models import Token

bp = Blueprint("tokens", __name__, url_prefix="/api/v1")


def token_dict(token: Token) -> dict:
    return {
        "id": token.id,
        "name": token.name,
        "kind": token.kind,
        "created_at": token.created_at.isoformat(),
        "last_used_at": token.last_used_at.isoformat() if token.last_used_at else None,
        "current": token.id == g.token.id if "token" in g else False,
    }


@bp.get("/tokens")
@require_user
def list_tokens():
    rows = db_session().scalars(select(Token).where(Token.user_id == g.user_id).order_by(Token.id))
    return {"items": [token_dict(t) for t in rows]}


@bp.delete("/tokens/<int:token_id>")
@require_user
def revoke(token_id: int):
    session = db_session()
    session.delete(owned(Token, token_id))
    session.commit()
    return "", 204
