"""Reflections the user keeps with an application: ``GET``/``POST
/api/v1/applications/<id>/reflections`` and ``DELETE …/reflections/<rid>``."""

from flask import Blueprint

from server import reflections
from server.access import owned
from server.auth import require_user
from server.db import db_session
from server.inputs import body
from server.models import Application, Reflection
from server.serializers import reflection_dict

bp = Blueprint("reflections", __name__, url_prefix="/api/v1")


@bp.get("/applications/<int:app_id>/reflections")
@require_user
def list_reflections(app_id: int):
    return {"items": [reflection_dict(r) for r in reflections.reflections_of(db_session(), owned(Application, app_id))]}


@bp.post("/applications/<int:app_id>/reflections")
@require_user
def create_reflection(app_id: int):
    data = body("REFLECTION_IN")
    row = reflections.add_reflection(db_session(), owned(Application, app_id), data.get("went_well", ""), data.get("to_change", ""))
    return reflection_dict(row), 201


@bp.delete("/applications/<int:app_id>/reflections/<int:reflection_id>")
@require_user
def delete_reflection(app_id: int, reflection_id: int):
    application = owned(Application, app_id)
    reflections.delete_reflection(db_session(), application, owned(Reflection, reflection_id))
    return "", 204
