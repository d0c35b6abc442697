"""Uploads from the dashboard: an mbox (a Google Takeout export), a Maildir or folder of .eml files
packed as .zip or .tar.gz, or single .eml files. The server only stores the file in its spool
folder and records an ``Upload``; a worker claims it, downloads it over the API, reads it with the
same pipeline as ``onward import`` and reports its counts as it goes, so the page shows progress
after a reload. The server never reads mail from the file itself (that is the worker's side)."""

import os
import secrets
from datetime import timedelta
from pathlib import Path

from flask import current_app, g
from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session

from server import schemas
from server.db import db_session
from server.errors import ApiError
from server.models import Upload, utcnow
from worker.sources import MBOX_SUFFIXES, looks_like_mail

KINDS = ("mbox", "eml", "zip", "tar")
"""What an upload may be: an mbox, one email, or an archive of a Maildir or of .eml files."""

STALE_MINUTES = 10
"""A ``running`` upload whose worker has not reported for this long is given to the next worker (it died)."""

FINISHED = ("done", "failed")

NOT_MAIL = ("This file is not an mbox, a .zip or .tar.gz archive (of a Maildir or of .eml files), or an email (.eml). "
            "A Google Takeout export of Gmail is an .mbox file inside the Takeout archive: unpack it and upload the .mbox.")
"""What the page says for a file Onward cannot read."""


def spool_dir() -> Path:
    """The folder uploads wait in (``UPLOAD_DIR``, default ``instance/uploads``), made on first use, private."""
    folder = Path(current_app.config.get("UPLOAD_DIR") or Path(current_app.instance_path) / "uploads")
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    return folder


def sniff(head: bytes, filename: str) -> str | None:
    """The upload's kind from its first bytes (the name only breaks a tie): None when it is none of ``KINDS``."""
    name = filename.lower()
    if head.startswith(b"PK\x03\x04"):
        return "zip"
    if head.startswith(b"\x1f\x8b") or head[257:262] == b"ustar":
        return "tar"
    if not looks_like_mail(head):
        return None
    return "mbox" if head.startswith(b"From ") or name.endswith(MBOX_SUFFIXES) else "eml"


def save_upload(session: Session, user_id: int, stream, filename: str) -> Upload:
    """Copy ``stream`` into the spool folder and record it as queued; 422 (and nothing kept) for a
    file that is not mail, 413 past ``UPLOAD_MAX_BYTES``."""
    limit = current_app.config["UPLOAD_MAX_BYTES"]
    head = stream.read(4096)
    kind = sniff(head, filename or "")
    if kind is None:
        raise ApiError(422, NOT_MAIL if head.strip() else "This file is empty.")
    stored = secrets.token_hex(16)
    path = spool_dir() / stored
    size = 0
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "wb") as out:
            chunk = head
            while chunk:
                size += len(chunk)
                if size > limit:
                    shown = f"{limit // (1024 * 1024)} MB" if limit >= 1024 * 1024 else f"{limit} bytes"
                    raise ApiError(413, f"This file is larger than the {shown} this server accepts.")
                out.write(chunk)
                chunk = stream.read(1024 * 1024)
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    name = os.path.basename((filename or "upload").replace("\\", "/"))[:255] or "upload"
    upload = Upload(user_id=user_id, filename=name, kind=kind, stored=stored, size=size, status="queued",
                    bytes_done=0, read=0, job_related=0, skipped=0, new=0)
    session.add(upload)
    return upload


def user_uploads(session: Session, user_id: int, limit: int = 20) -> list[Upload]:
    """The user's latest uploads, newest first."""
    return list(session.scalars(select(Upload).where(Upload.user_id == user_id).order_by(Upload.id.desc()).limit(limit)))


def waiting(session: Session, user_id: int | None) -> list[Upload]:
    """Uploads a worker may claim (queued, or running with a silent worker), oldest first; every user's when ``user_id`` is None."""
    query = select(Upload).where(_claimable()).order_by(Upload.id)
    if user_id is not None:
        query = query.where(Upload.user_id == user_id)
    return list(session.scalars(query.limit(100)))


def _claimable():
    stale = utcnow() - timedelta(minutes=STALE_MINUTES)
    return or_(Upload.status == "queued", (Upload.status == "running") & (Upload.updated_at < stale))


def worker_upload(upload_id: int) -> Upload:
    """The upload a worker may work on: a service token's user's only, any for a fleet token (which then
    acts for its owner); 404 otherwise."""
    upload = db_session().get(Upload, upload_id) if 0 < upload_id <= schemas.MAX_ID else None
    if upload is None or (g.token.kind != "fleet" and upload.user_id != g.user_id):
        raise ApiError(404, "No such upload.")
    g.user_id = upload.user_id
    return upload


def claim(session: Session, upload: Upload) -> Upload:
    """Mark the upload running for the caller, atomically: two workers never read one file; 409 when taken or finished."""
    now = utcnow()
    done = session.execute(update(Upload).where(Upload.id == upload.id, _claimable())
                           .values(status="running", started_at=now, updated_at=now))
    session.commit()
    if done.rowcount != 1:
        raise ApiError(409, "This upload is already being read or is finished.")
    session.refresh(upload)
    return upload


def file_path(upload: Upload) -> Path:
    """Where the upload's bytes are; 409 once it is finished (the file is gone)."""
    path = spool_dir() / upload.stored
    if upload.status in FINISHED or not path.exists():
        raise ApiError(409, "This upload is finished; its file is no longer kept.")
    return path


def record_progress(session: Session, upload: Upload, data: dict) -> Upload:
    """Take a worker's counts; at ``done`` or ``failed`` the spool file is deleted (the mail is read)."""
    if upload.status in FINISHED:
        raise ApiError(409, "This upload is finished.")
    for field in ("bytes_done", "bytes_total", "read", "job_related", "skipped", "new"):
        if field in data:
            setattr(upload, field, data[field])
    if "error" in data:
        upload.error = data["error"]
    now = utcnow()
    upload.updated_at = now
    if data.get("status") in FINISHED:
        upload.status = data["status"]
        upload.finished_at = now
        (spool_dir() / upload.stored).unlink(missing_ok=True)
    elif upload.status == "queued":
        upload.status = "running"
        upload.started_at = now
    session.commit()
    return upload


def remove(session: Session, upload: Upload) -> None:
    """Forget a finished or waiting upload (its file too); 409 while a worker reads it."""
    if upload.status == "running" and upload.updated_at and utcnow() - upload.updated_at < timedelta(minutes=STALE_MINUTES):
        raise ApiError(409, "A worker is reading this upload; wait until it is finished.")
    (spool_dir() / upload.stored).unlink(missing_ok=True)
    session.delete(upload)
    session.commit()


def percent(upload: Upload) -> int:
    """How far the worker is, 0 to 100, from the bytes it has read."""
    if upload.status == "done":
        return 100
    total = upload.bytes_total or upload.size
    return min(99, upload.bytes_done * 100 // total) if total else 0
