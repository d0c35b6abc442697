"""Messages: ingest a batch from a worker (``POST /api/v1/messages``), list and read them,
correct one (``PATCH``), and the sync state a worker resumes from."""

from flask import Blueprint, current_app, g, request
from sqlalchemy import func, select

from server import schemas, store
from server.api import body, clean, owned, query
from server.auth import require_service_or_user, require_user
from server.db import db_session
from server.errors import ApiError
from server.models import Application, Message, utcnow
from server.pipeline import company_key
from server.schemas import parse_datetime

bp = Blueprint("messages", __name__, url_prefix="/api/v1")


def message_dict(m: Message) -> dict:
    return {
        "id": m.id,
        "account": m.account,
        "folder": m.folder,
        "uidvalidity": m.uidvalidity,
        "uid": m.uid,
        "message_id": m.message_id,
        "from_name": m.from_name,
        "from_address": m.from_address,
        "subject": m.subject,
        "date": m.date.isoformat(),
        "label": m.effective_label,
        "classified_label": m.label,
        "label_corrected": m.user_label is not None,
        "confidence": m.confidence,
        "stage": m.stage,
        "keeps_on_file": m.keeps_on_file,
        "offers_feedback": m.offers_feedback,
        "company": m.company,
        "role": m.role,
        "ats": m.ats,
        "job_id": m.job_id,
        "language": m.language,
        "skill_area": m.skill_area,
        "snippet": m.snippet,
        "link": m.link,
        "application_id": m.application_id,
        "pinned": m.pinned,
    }


def ingest_items(items: list) -> dict:
    """Validate each item on its own, store the valid ones, and say what happened to each."""
    rejected, valid = [], []
    for index, item in enumerate(items):
        reasons = schemas.problems("MESSAGE_IN", item)
        if reasons:
            rejected.append({"index": index, "reasons": reasons})
        else:
            valid.append(item)
    session = db_session()
    counts = store.ingest(session, g.user_id, valid, current_app.config["GHOSTED_DAYS"])
    session.commit()
    return {**counts, "rejected": rejected}


def ingest_batch() -> dict:
    """Read the request's batch (400 not JSON, 413 too many, 422 not a batch) and store it for ``g.user_id``."""
    data = request.get_json(silent=True)
    if data is None:
        raise ApiError(400, "The body must be JSON (Content-Type: application/json).")
    limit = current_app.config["MAX_BATCH"]
    if isinstance(data, dict) and isinstance(data.get("messages"), list) and len(data["messages"]) > limit:
        raise ApiError(413, f"At most {limit} messages per request; send the rest in another batch.")
    data = clean(data)
    schemas.check("MESSAGE_BATCH", data)
    return ingest_items(data["messages"])


@bp.post("/messages")
@require_service_or_user
def ingest():
    return ingest_batch()


@bp.get("/messages")
@require_user
def list_messages():
    args = query("MESSAGE_QUERY")
    limit, offset = args.get("limit", 50), args.get("offset", 0)
    where = [Message.user_id == g.user_id]
    if "label" in args:
        where.append(func.coalesce(Message.user_label, Message.label) == args["label"])
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
    """Relabel a message and/or place it in an application (or in none). The user's label
    wins over the classifier's from now on, and a placed message is never moved by the pipeline."""
    data = body("MESSAGE_PATCH")
    message = owned(Message, message_id)
    if data.get("application_id") is not None:
        owned(Application, data["application_id"])
    session = db_session()
    store.correct(session, g.user_id, message, current_app.config["GHOSTED_DAYS"], utcnow(),
                  **{k: data[k] for k in ("label", "application_id") if k in data})
    session.commit()
    return message_dict(message)


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
