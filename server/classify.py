"""Classifying what the extension reads from an email open in webmail, with the worker's own
pure mail core, and tracking it as a message of account "extension" when the user asks."""

import hashlib
from email.utils import format_datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from server import ingest
from server.errors import ApiError
from server.models import Message, utcnow
from server.schemas import parse_datetime
from worker.pipeline import analyze

RESULT_FIELDS = ("label", "confidence", "stage", "keeps_on_file", "offers_feedback", "company", "role", "ats", "job_id",
                 "language", "skill_area", "reasons", "snippet")
"""What the classifier says about an email shown in webmail (``ClassifyResult``)."""

STORED_FIELDS = ("label", "confidence", "stage", "keeps_on_file", "offers_feedback", "company", "role", "ats", "job_id",
                 "language", "skill_area")
"""What a tracked email keeps of the classifier's record, besides its snippet."""


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


def classification(data: dict) -> dict:
    """The worker's analysis of a validated ``CLASSIFY`` body, as the full record."""
    return analyze(to_rfc5322(data)).to_dict()


def result(record: dict) -> dict:
    """The classifier's answer about an email shown in webmail (``ClassifyResult`` without ``message``)."""
    return {k: record[k] for k in RESULT_FIELDS}


def track(session: Session, user_id: int, data: dict, record: dict, ghosted_days: int) -> Message:
    """Store the email as a message of account "extension" (by its Message-ID, else by a digest of
    what the page showed, so tracking it twice keeps one); 422 when it cannot be stored."""
    digest = hashlib.sha256("\0".join(data.get(k, "") for k in ("subject", "from_address", "text")).encode()).hexdigest()[:32]
    mid = data.get("message_id") or f"<{digest}@extension.onward>"
    item = {k: record[k] for k in STORED_FIELDS}
    item.update(account="extension", message_id=mid, subject=data.get("subject", ""), from_name=data.get("from_name", ""),
                from_address=data.get("from_address", ""), date=data.get("date") or utcnow().isoformat(),
                snippet=record["snippet"][:300], link=data.get("link"))
    outcome = ingest.ingest_items(session, user_id, [item], ghosted_days)
    if outcome["rejected"]:
        raise ApiError(422, "The message could not be tracked.", details=outcome["rejected"][0]["reasons"])
    return session.scalar(select(Message).where(Message.user_id == user_id, Message.message_id == mid))
