"""``POST /api/v1/classify``: classify what the extension reads from an open email with the
worker's own classifier; store it only when asked (``"track": true``, account "extension")."""

import hashlib
from email.utils import format_datetime

from flask import Blueprint, g
from sqlalchemy import select

from server.api import body
from server.api.messages import ingest_items, message_dict
from server.auth import require_user
from server.db import db_session
from server.errors import ApiError
from server.models import Message, utcnow
from server.schemas import parse_datetime
from worker.pipeline import analyze

bp = Blueprint("classify", __name__, url_prefix="/api/v1")


def _header(value: str) -> str:
    """A header value on one line: no CR or LF can start a header of its own."""
    return " ".join(value.split())


def to_rfc5322(data: dict) -> bytes:
    """A minimal email (UTF-8, 8-bit, as the worker's parser reads raw headers) holding what
    the page showed, for ``worker.pipeline.analyze``."""
    date = parse_datetime(data["date"]) if "date" in data else utcnow()
    name, address = _header(data.get("from_name", "")), _header(data.get("from_address", ""))
    lines = [f"From: {name} <{address}>" if address else f"From: {name}", f"Subject: {_header(data.get('subject', ''))}",
             f"Date: {format_datetime(date)}", "MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8",
             "Content-Transfer-Encoding: 8bit"]
    return ("\r\n".join(lines) + "\r\n\r\n" + data["text"]).encode("utf-8", "replace")


RESULT_FIELDS = ("label", "confidence", "stage", "keeps_on_file", "offers_feedback", "company", "role", "ats", "job_id",
                 "language", "skill_area", "reasons", "snippet")
"""What the classifier says about an email shown in webmail (``ClassifyResult``)."""


def classification(data: dict) -> dict:
    """The worker's analysis of a validated ``CLASSIFY`` body, as the full record."""
    return analyze(to_rfc5322(data)).to_dict()


@bp.post("/classify")
@require_user
def classify():
    data = body("CLASSIFY")
    record = classification(data)
    result = {k: record[k] for k in RESULT_FIELDS}
    result["message"] = None
    if data.get("track"):
        digest = hashlib.sha256("\0".join(data.get(k, "") for k in ("subject", "from_address", "text")).encode()).hexdigest()[:32]
        mid = data.get("message_id") or f"<{digest}@extension.onward>"
        item = {k: record[k] for k in ("label", "confidence", "stage", "keeps_on_file", "offers_feedback", "company", "role", "ats",
                                       "job_id", "language", "skill_area")}
        item.update(account="extension", message_id=mid, subject=data.get("subject", ""), from_name=data.get("from_name", ""),
                    from_address=data.get("from_address", ""), date=data.get("date") or utcnow().isoformat(),
                    snippet=record["snippet"][:300], link=data.get("link"))
        outcome = ingest_items([item])
        if outcome["rejected"]:
            raise ApiError(422, "The message could not be tracked.", details=outcome["rejected"][0]["reasons"])
        stored = db_session().scalar(select(Message).where(Message.user_id == g.user_id, Message.message_id == mid))
        result["message"] = message_dict(stored)
    return result
