"""``onward import``: an mbox, a Maildir or a folder of .eml files through the same pipeline
as the IMAP sync, job-related messages sent to the server in batches. Importing twice adds
nothing: the server is idempotent on Message-ID, and a message without one gets a synthetic id
made from its bytes."""

import logging
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from worker.api import BATCH, Api
from worker.contract import within_dates
from worker.parse import unread_reason
from worker.pipeline import analyze
from worker.records import is_job_related, message_item
from worker.sources import RawMessage

log = logging.getLogger("onward.import")

ACCOUNT = "import"
"""The ``account`` field of imported messages."""


@dataclass
class ImportSummary:
    read: int = 0
    job_related: int = 0
    new: int = 0
    updated: int = 0
    ignored: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)
    """(source, reason) of every message not stored."""


def total_bytes(paths: Iterable[str]) -> int:
    """The size of everything under ``paths``: the progress bar's length (an mbox cannot be counted cheaply)."""
    total = 0
    for given in paths:
        path = Path(given)
        if path.is_file():
            total += path.stat().st_size
        elif path.is_dir():
            for root, _dirs, files in os.walk(path):
                total += sum(os.path.getsize(os.path.join(root, f)) for f in files if not f.startswith("."))
    return total


def _file_date(source: str, default: datetime) -> datetime:
    """For a message without a Date header: its file's modification time, so a second import sends the same date."""
    try:
        stamp = datetime.fromtimestamp(os.path.getmtime(source.rsplit("#", 1)[0] if "#" in source else source), UTC)
    except (OSError, OverflowError, ValueError):
        return default
    return stamp if within_dates(stamp) else default


def import_messages(api: Api, messages: Iterable[RawMessage], batch: int = BATCH,
                    progress: Callable[[int], None] = lambda n: None, summary: ImportSummary | None = None) -> ImportSummary:
    """Analyse every message, send the job-related ones in batches, and count what happened (into
    ``summary`` when given, so a ``progress`` callback can read the counts as they grow)."""
    summary = summary if summary is not None else ImportSummary()
    pending: list[tuple[str, dict]] = []
    now = datetime.now(UTC)
    for raw in messages:
        progress(len(raw.data))
        summary.read += 1
        if raw.error:
            summary.skipped.append((raw.source, raw.error))
            continue
        analysis = analyze(raw.data)
        p = analysis.parsed
        unread = unread_reason(p)
        if unread:
            summary.skipped.append((raw.source, unread))
            continue
        if not (p.subject or p.from_address or p.message_id or p.date):
            summary.skipped.append((raw.source, "not an email: no From, Subject, Date or Message-ID header"))
            continue
        if not is_job_related(analysis):
            continue
        summary.job_related += 1
        pending.append((raw.source, message_item(analysis, raw.data, ACCOUNT, _file_date(raw.source, now))))
        if len(pending) >= batch:
            _send(api, pending, summary)
            pending = []
    if pending:
        _send(api, pending, summary)
    return summary


def _send(api: Api, pending: list[tuple[str, dict]], summary: ImportSummary) -> None:
    answer = api.send_messages([item for _, item in pending])
    summary.new += answer["new"]
    summary.updated += answer["updated"]
    summary.ignored += answer["ignored"]
    for bad in answer.get("rejected", []):
        summary.skipped.append((pending[bad["index"]][0], "refused by the server: " + "; ".join(bad["reasons"])))
