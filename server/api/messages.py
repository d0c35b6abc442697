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
from server.pipeline import LABEL_STATUS, company_key
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


@bp.post("/messages")
@require_service_or_user
def ingest():
    data = request.get_json(silent=True)
    if data is None:
        raise ApiError(400, "The body must be JSON (Content-Type: application/json).")
    limit = current_app.config["MAX_BATCH"]
    if isinstance(data, dict) and isinstance(data.get("messages"), list) and len(data["messages"]) > limit:
        raise ApiError(413, f"At most {limit} messages per request; send the rest in another batch.")
    data = clean(data)
    schemas.check("MESSAGE_BATCH", data)
    return ingest_items(data["messages"])


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
    session = db_session()
    days = current_app.config["GHOSTED_DAYS"]
    now = utcnow()
    touched = {message.application_id} - {None}
    if "application_id" in data:
        target = data["application_id"]
        if target is not None:
            owned(Application, target)
        message.application_id, message.pinned = target, True
        touched.add(target)
    if "label" in data:
        message.user_label = data["label"]
        if data["label"] not in LABEL_STATUS and "application_id" not in data:
            message.application_id, message.pinned = None, False  # "not a rejection": it leaves its application
        elif message.pinned and message.application_id is None and "application_id" not in data:
            message.pinned = False  # a message taken out of an application is now said to matter again
    session.flush()
    store.replay(session, g.user_id, touched - {None}, days, now)
    if not message.pinned:
        store.link(session, g.user_id, [message], days, now)
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
