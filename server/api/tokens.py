"""The caller's own tokens: ``GET /api/v1/tokens`` and ``DELETE /api/v1/tokens/<id>`` (revoke)."""

from flask import Blueprint, g
from sqlalchemy import select

from server.access import owned
from server.auth import require_user
from server.db import db_session
from server.models import Token
from server.serializers import token_dict

bp = Blueprint("tokens", __name__, url_prefix="/api/v1")


@bp.get("/tokens")
@require_user
def list_tokens():
    rows = db_session().scalars(select(Token).where(Token.user_id == g.user_id).order_by(Token.id))
    current = g.token.id if "token" in g else None
    return {"items": [token_dict(t, current) for t in rows]}


@bp.delete("/tokens/<int:token_id>")
@require_user
def revoke(token_id: int):
    session = db_session()
    session.delete(owned(Token, token_id))
    session.commit()
    return "", 204
