"""Reflections the user keeps with an application: ``GET``/``POST
/api/v1/applications/<id>/reflections`` and ``DELETE …/reflections/<rid>``."""

from flask import Blueprint
from sqlalchemy import select

from server.api import body, owned
from server.auth import require_user
from server.db import db_session
from server.errors import ApiError
from server.models import Application, Reflection

bp = Blueprint("reflections", __name__, url_prefix="/api/v1")


def reflection_dict(r: Reflection) -> dict:
    return {"id": r.id, "application_id": r.application_id, "went_well": r.went_well, "to_change": r.to_change,
            "created_at": r.created_at.isoformat()}


def reflections_of(application: Application) -> list[Reflection]:
    """An application's reflections, oldest first (the caller has checked the application is the user's)."""
    return list(db_session().scalars(select(Reflection).where(Reflection.user_id == application.user_id,
                                                              Reflection.application_id == application.id)
                                     .order_by(Reflection.created_at, Reflection.id)))


def add_reflection(application: Application, went_well: str, to_change: str) -> Reflection:
    """Keep a reflection with the application; at least one of the two texts must say something."""
    went_well, to_change = went_well.strip(), to_change.strip()
    if not went_well and not to_change:
        raise ApiError(422, "Write what went well, what to change, or both.")
    row = Reflection(user_id=application.user_id, application_id=application.id, went_well=went_well, to_change=to_change)
    session = db_session()
    session.add(row)
    session.commit()
    return row


@bp.get("/applications/<int:app_id>/reflections")
@require_user
def list_reflections(app_id: int):
    return {"items": [reflection_dict(r) for r in reflections_of(owned(Application, app_id))]}


@bp.post("/applications/<int:app_id>/reflections")
@require_user
def create_reflection(app_id: int):
    data = body("REFLECTION_IN")
    row = add_reflection(owned(Application, app_id), data.get("went_well", ""), data.get("to_change", ""))
    return reflection_dict(row), 201


@bp.delete("/applications/<int:app_id>/reflections/<int:reflection_id>")
@require_user
def delete_reflection(app_id: int, reflection_id: int):
    application = owned(Application, app_id)
    row = owned(Reflection, reflection_id)
    if row.application_id != application.id:
        raise ApiError(404, "No such reflection.")
    session = db_session()
    session.delete(row)
    session.commit()
    return "", 204
