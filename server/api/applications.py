"""Applications: list and read them (with their timeline), and the user's corrections:
create, edit, merge, split, delete. Every correction is stored (a user status row, a pinned
message, the ``edited`` flag) so a later re-sync never undoes it."""

from flask import Blueprint, current_app, g
from sqlalchemy import func, select

from server import corrections, store
from server.access import owned
from server.auth import require_user
from server.db import db_session
from server.inputs import body, query
from server.models import Application, utcnow
from server.pipeline import role_key
from server.schemas import parse_datetime
from server.serializers import application_detail, application_dict

bp = Blueprint("applications", __name__, url_prefix="/api/v1")


def _detail(app: Application) -> dict:
    return application_detail(app, *store.timeline(db_session(), g.user_id, app))


def _days() -> int:
    return current_app.config["GHOSTED_DAYS"]


@bp.get("/applications")
@require_user
def list_applications():
    args = query("APPLICATION_QUERY")
    limit, offset = args.get("limit", 50), args.get("offset", 0)
    session = db_session()
    store.refresh_ghosted(session, g.user_id, _days())
    where = [Application.user_id == g.user_id]
    if "status" in args:
        where.append(Application.status == args["status"])
    total = session.scalar(select(func.count()).select_from(Application).where(*where))
    rows = session.scalars(select(Application).where(*where)
                           .order_by(Application.last_contact_at.desc(), Application.id.desc()).limit(limit).offset(offset))
    return {"items": [application_dict(a) for a in rows], "total": total, "limit": limit, "offset": offset,
            "next_offset": offset + limit if offset + limit < total else None}


@bp.get("/applications/<int:app_id>")
@require_user
def get_application(app_id: int):
    app = owned(Application, app_id)
    session = db_session()
    store.refresh_ghosted(session, g.user_id, _days())
    session.refresh(app)
    return _detail(app)


@bp.post("/applications")
@require_user
def create_application():
    """An application the mailbox did not show (applied on a website, by phone)."""
    data = body("APPLICATION_CREATE")
    company, key = corrections.company_and_key(data["company"])
    at = parse_datetime(data["applied_at"]) if "applied_at" in data else utcnow()
    role = (data.get("role") or "").strip() or None
    session = db_session()
    app = Application(user_id=g.user_id, company=company, company_key=key, role=role, role_key=role_key(role),
                      status=data.get("status", "applied"), notes=data.get("notes", ""), origin="user", edited=True,
                      first_contact_at=at, last_contact_at=at)
    session.add(app)
    session.flush()
    store.add_user_status(session, app, app.status, at)
    store.replay(session, g.user_id, {app.id}, _days(), utcnow())
    session.commit()
    return _detail(app), 201


@bp.patch("/applications/<int:app_id>")
@require_user
def edit_application(app_id: int):
    """Correct company, role, status (at ``status_at``, for a date in the past) or notes; logged
    and undoable. A changed company or role pins the application's messages, so the pipeline does
    not take them elsewhere."""
    data = body("APPLICATION_PATCH")
    app = owned(Application, app_id)
    if "status_at" in data:
        data["status_at"] = min(parse_datetime(data["status_at"]), utcnow())
    session = db_session()
    corrections.edit(session, g.user_id, app, data, _days(), utcnow())
    session.commit()
    return _detail(app)


@bp.post("/applications/<int:app_id>/merge")
@require_user
def merge(app_id: int):
    """Merge another application into this one: its messages, corrections and reflections move here (undoable)."""
    data = body("MERGE")
    app = owned(Application, app_id)
    other = owned(Application, data["other_id"])
    session = db_session()
    corrections.merge(session, g.user_id, app, other, _days(), utcnow())
    session.commit()
    return _detail(app)


@bp.post("/applications/<int:app_id>/split")
@require_user
def split(app_id: int):
    """Move the chosen messages of this application into a new one (same employer; undoable)."""
    data = body("SPLIT")
    app = owned(Application, app_id)
    session = db_session()
    _, new = corrections.split(session, g.user_id, app, set(data["message_ids"]), data.get("role"), "role" not in data,
                               _days(), utcnow())
    session.commit()
    return _detail(new), 201


@bp.delete("/applications/<int:app_id>")
@require_user
def delete_application(app_id: int):
    """Delete an application; its messages stay, pinned to no application so a re-sync does not
    recreate it. Logged like any correction, so it can be undone."""
    app = owned(Application, app_id)
    session = db_session()
    corrections.delete(session, g.user_id, app, _days(), utcnow())
    session.commit()
    return "", 204
