"""``GET``/``PATCH /api/v1/me``: the user's time zone (their weeks are counted in it), when
their weekly digest goes out, or that it does not, the name their drafts are signed with, and the
language of their dashboard and digest."""

from flask import Blueprint, g

from server.auth import require_user
from server.db import db_session
from server.inputs import body
from server.models import User
from server.serializers import me_dict

bp = Blueprint("me", __name__, url_prefix="/api/v1")


@bp.get("/me")
@require_user
def get_me():
    return me_dict(db_session().get(User, g.user_id))


@bp.patch("/me")
@require_user
def edit_me():
    data = body("ME_PATCH")
    session = db_session()
    user = session.get(User, g.user_id)
    if "timezone" in data:
        user.timezone = data["timezone"]
    if "display_name" in data:
        user.display_name = " ".join(data["display_name"].split()) if data["display_name"] is not None else None
    if "language" in data:
        user.language = data["language"]
    digest = data.get("digest", {})
    for key in ("enabled", "weekday", "hour"):
        if key in digest:
            setattr(user, f"digest_{key}", digest[key])
    session.commit()
    return me_dict(user)
