"""Pairing the extension: ``POST /api/v1/pairing-codes`` (a user token asks for a code),
``POST /api/v1/pair`` (the code, once, for a user token; rate-limited per IP address) and
``POST /api/v1/signin-links`` (a paired browser asks for a one-time link that signs the dashboard in)."""

from flask import Blueprint, current_app, g, request

from server import pairing, signin_links
from server.auth import require_user
from server.db import db_session
from server.errors import ApiError
from server.inputs import body
from server.models import User

bp = Blueprint("pairing", __name__, url_prefix="/api/v1")


@bp.post("/pairing-codes")
@require_user
def create_code():
    session = db_session()
    code, row = pairing.new_code(session, session.get(User, g.user_id), current_app.config["PAIRING_CODE_MINUTES"])
    session.commit()
    return {"code": code, "expires_at": row.expires_at.isoformat()}, 201


@bp.post("/pair")
def pair():
    data = body("PAIR")
    session = db_session()
    issued = pairing.redeem(session, data["code"], data.get("name") or "Browser extension", client="browser")
    if issued is None:
        session.rollback()
        raise ApiError(404, "This pairing code is unknown, already used or expired.")
    token, secret = issued
    session.commit()
    return {"token": secret, "token_id": token.id, "email": token.user.email}, 201


@bp.post("/signin-links")
@require_user
def create_signin_link():
    data = body("SIGNIN_LINK")
    session = db_session()
    code, row = signin_links.new_link(session, g.token, data.get("next") or "/")
    session.commit()
    return {"url": f"{request.host_url}login/link/{code}", "expires_at": row.expires_at.isoformat()}, 201
