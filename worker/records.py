"""What the worker sends the server for one message: the pipeline's record, trimmed to the
API's limits, with a stable synthetic Message-ID when the message has none (so a second import
or a resync of the same bytes is recognised and adds nothing)."""

import hashlib
from datetime import datetime

from worker.contract import LIMITS
from worker.pipeline import Analysis

NOT_SENT = ("reasons", "defects")
"""Fields of the pipeline's record the server does not store: left out to keep batches small."""


def synthetic_message_id(raw: bytes) -> str:
    """A Message-ID made from the bytes, for messages without one: the same bytes give the same id."""
    return f"<sha256-{hashlib.sha256(raw).hexdigest()[:40]}@onward.invalid>"


def is_job_related(analysis: Analysis) -> bool:
    """Only these go to the server; the rest of the mailbox stays where it is."""
    return analysis.classification.label != "other"


def message_item(analysis: Analysis, raw: bytes, account: str, fallback_date: datetime, **where) -> dict:
    """The MessageIn item for one analysed message; ``where`` adds folder, uidvalidity and uid for IMAP."""
    record = {k: v for k, v in analysis.to_dict().items() if k not in NOT_SENT}
    for field, limit in LIMITS.items():
        if isinstance(record.get(field), str):
            record[field] = record[field][:limit] or (None if field in ("message_id", "company", "role", "ats", "job_id", "language", "skill_area") else "")
    record["message_id"] = record.get("message_id") or synthetic_message_id(raw)
    record["date"] = record.get("date") or fallback_date.isoformat()
    return {"account": account, **where, **record}
