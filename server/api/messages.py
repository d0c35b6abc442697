"""Messages: ingest a batch from a worker (``POST /api/v1/messages``), list and read them,
correct one (``PATCH``), and the sync state a worker resumes from."""

from flask import Blueprint, current_app, g
from sqlalchemy import func, select

from server import corrections
from server.access import owned
from server.auth import require_service_or_user, require_user
from server.db import db_session
from server.ingest import ingest_items
from server.inputs import body, message_batch, query
from server.models import Application, Message, utcnow
from server.pipeline import company_key
from server.schemas import parse_datetime
from server.serializers import message_dict

bp = Blueprint("messages", __name__, url_prefix="/api/v1")


@bp.post("/messages")
@require_service_or_user
def ingest():
    items = message_batch(current_app.config["MAX_BATCH"])
    return ingest_items(db_session(), g.user_id, items, current_app.config["GHOSTED_DAYS"])


@bp.get("/messages")
@require_user
def list_messages():
    args = query("MESSAGE_QUERY")
    limit, offset = args.get("limit", 50), args.get("offset", 0)
    where = [Message.user_id == g.user_id]
    if "label" in args:
        where.append(Message.effective_label == args["label"])
    if "since" in args:
        where.append(Message.date >= parse_datetime(args["since"]))
    if "until" in args:
        where.append(Message.date < parse_datetime(args["until"]))
    if "company" in args:
        where.append(Message.company_key == (company_key(args["company"]) or ""))
    session = db_session()
    total = session.scalar(select(func.count()).select_from(Message).where(*where))
    rows = session.scalars(select(Message).where(*where).order_by(Message.date.desc(), Message.id.desc()).limit(limit).offset(offset))
    items = [message_dict(m) for m in rows]
    return {"items": items, "total": total, "limit": limit, "offset": offset,
            "next_offset": offset + limit if offset + limit < total else None}


@bp.get("/messages/<int:message_id>")
@require_user
def get_message(message_id: int):
    return message_dict(owned(Message, message_id))


@bp.patch("/messages/<int:message_id>")
@require_user
def correct_message(message_id: int):
    """Relabel a message (``about_job`` false: not about a job) and/or place it in an application
    (or in none). Nothing is deleted; the correction is logged and can be undone
    (``POST /corrections/<id>/undo``), the card offers that until ``undo_until``."""
    data = body("MESSAGE_PATCH")
    message = owned(Message, message_id)
    if data.get("application_id") is not None:
        owned(Application, data["application_id"])
    session = db_session()
    row = corrections.correct_message(session, g.user_id, message, current_app.config["GHOSTED_DAYS"], utcnow(),
                                      **{k: data[k] for k in ("label", "about_job", "application_id") if k in data})
    session.commit()
    return {**message_dict(message), "correction": {"id": row.id, "undo_until": corrections.correction_dict(row)["undo_until"]}}


@bp.get("/sync-state")
@require_service_or_user
def sync_state():
    """The highest UID stored per account, folder and UIDVALIDITY: where a worker resumes."""
    rows = db_session().execute(
        select(Message.account, Message.folder, Message.uidvalidity, func.max(Message.uid), func.count())
        .where(Message.user_id == g.user_id, Message.uid.is_not(None), Message.uidvalidity.is_not(None), Message.folder.is_not(None))
        .group_by(Message.account, Message.folder, Message.uidvalidity)
        .order_by(Message.account, Message.folder, Message.uidvalidity))
    return {"folders": [{"account": a, "folder": f, "uidvalidity": v, "max_uid": u, "count": n} for a, f, v, u, n in rows]}
