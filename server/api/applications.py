"""Applications: list and read them (with their timeline), and the user's corrections:
create, edit, merge, split, delete. Every correction is stored (a user status row, a pinned
message, the ``edited`` flag) so a later re-sync never undoes it."""

from flask import Blueprint, current_app, g
from sqlalchemy import func, select, update

from server import store
from server.access import owned
from server.auth import require_user
from server.db import db_session
from server.errors import ApiError
from server.inputs import body, query
from server.models import Application, Message, StatusChange, utcnow
from server.pipeline import company_key, role_key
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


def _company(name: str) -> tuple[str, str]:
    """The name as the user wrote it (trimmed) and its key; a name the normaliser reduces to
    nothing (symbols only) is its own key, so every name the schema admits is accepted."""
    shown = name.strip() or name
    return shown, company_key(shown) or shown.lower()


@bp.post("/applications")
@require_user
def create_application():
    """An application the mailbox did not show (applied on a website, by phone)."""
    data = body("APPLICATION_CREATE")
    company, key = _company(data["company"])
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
    """Correct company, role, status or notes. A changed company or role pins the
    application's messages, so the pipeline does not take them elsewhere."""
    data = body("APPLICATION_PATCH")
    app = owned(Application, app_id)
    session = db_session()
    if "company" in data:
        app.company, app.company_key = _company(data["company"])
    if "role" in data:
        app.role = (data["role"] or "").strip() or None
        app.role_key = role_key(app.role)
    if "notes" in data:
        app.notes = data["notes"]
    app.edited = True
    if "company" in data or "role" in data:
        session.execute(update(Message).where(Message.user_id == g.user_id, Message.application_id == app.id).values(pinned=True))
    if "status" in data:
        store.add_user_status(session, app, data["status"], utcnow())
    store.replay(session, g.user_id, {app.id}, _days(), utcnow())
    session.commit()
    return _detail(app)


@bp.post("/applications/<int:app_id>/merge")
@require_user
def merge(app_id: int):
    """Merge another application into this one: its messages and its corrections move here."""
    data = body("MERGE")
    app = owned(Application, app_id)
    other = owned(Application, data["other_id"])
    if other.id == app.id:
        raise ApiError(409, "An application cannot be merged into itself.")
    session = db_session()
    session.execute(update(Message).where(Message.user_id == g.user_id, Message.application_id.in_([app.id, other.id]))
                    .values(application_id=app.id, pinned=True))
    session.execute(update(StatusChange).where(StatusChange.user_id == g.user_id, StatusChange.application_id == other.id,
                                               StatusChange.source == "user").values(application_id=app.id))
    if app.role is None and other.role:
        app.role, app.role_key = other.role, other.role_key
    if other.notes:
        app.notes = f"{app.notes}\n{other.notes}".strip()
    app.edited = True
    session.delete(other)
    session.flush()
    store.replay(session, g.user_id, {app.id}, _days(), utcnow())
    session.commit()
    return _detail(app)


@bp.post("/applications/<int:app_id>/split")
@require_user
def split(app_id: int):
    """Move the chosen messages of this application into a new one (same employer)."""
    data = body("SPLIT")
    app = owned(Application, app_id)
    session = db_session()
    ids = set(data["message_ids"])
    chosen = session.scalars(select(Message).where(Message.user_id == g.user_id, Message.application_id == app.id, Message.id.in_(ids))).all()
    if len(chosen) != len(ids):
        raise ApiError(404, "No such message in this application.")
    role = data["role"] if "role" in data else app.role
    first = min(m.date for m in chosen)
    new = Application(user_id=g.user_id, company=app.company, company_key=app.company_key, role=role, role_key=role_key(role),
                      status=app.status, notes="", origin="user", edited=True, first_contact_at=first, last_contact_at=first)
    session.add(new)
    session.flush()
    for m in chosen:
        m.application_id, m.pinned = new.id, True
    session.execute(update(Message).where(Message.user_id == g.user_id, Message.application_id == app.id).values(pinned=True))
    app.edited = True
    session.flush()
    store.replay(session, g.user_id, {app.id, new.id}, _days(), utcnow())
    session.commit()
    return _detail(new), 201


@bp.delete("/applications/<int:app_id>")
@require_user
def delete_application(app_id: int):
    """Delete an application; its messages stay, pinned to no application so a re-sync does not recreate it."""
    app = owned(Application, app_id)
    session = db_session()
    session.execute(update(Message).where(Message.user_id == g.user_id, Message.application_id == app.id)
                    .values(application_id=None, pinned=True))
    session.delete(app)
    session.commit()
    return "", 204
