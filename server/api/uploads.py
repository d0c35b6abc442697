"""Uploads (``/api/v1/uploads``): a user's list with its progress, and the worker's side of an upload
made on the dashboard: find the waiting ones, claim one, download its file, store what it found for
the uploader, report counts as it reads. How a file gets here is ``server/uploads.py``."""

from flask import Blueprint, current_app, g, send_file

from server import uploads
from server.auth import require_any, require_worker
from server.db import db_session
from server.ingest import ingest_items
from server.inputs import body, message_batch, query
from server.serializers import upload_dict

bp = Blueprint("uploads", __name__, url_prefix="/api/v1")


@bp.get("/uploads")
@require_any
def list_uploads():
    """The caller's latest uploads; ``status=waiting``: those a worker may claim (a fleet token: every user's)."""
    args = query("UPLOAD_QUERY")
    session = db_session()
    if args.get("status") == "waiting" or g.token.kind == "fleet":
        items = uploads.waiting(session, None if g.token.kind == "fleet" else g.user_id)
    else:
        items = uploads.user_uploads(session, g.user_id)
    return {"items": [upload_dict(u) for u in items]}


@bp.post("/uploads/<int:upload_id>/claim")
@require_worker
def claim(upload_id: int):
    return upload_dict(uploads.claim(db_session(), uploads.worker_upload(upload_id)))


@bp.get("/uploads/<int:upload_id>/file")
@require_worker
def download(upload_id: int):
    """The uploaded bytes, for the worker that reads them."""
    upload = uploads.worker_upload(upload_id)
    return send_file(uploads.file_path(upload), mimetype="application/octet-stream", as_attachment=True,
                     download_name=f"upload-{upload.id}.{upload.kind}")


@bp.post("/uploads/<int:upload_id>/progress")
@require_worker
def progress(upload_id: int):
    data = body("UPLOAD_PROGRESS")
    return upload_dict(uploads.record_progress(db_session(), uploads.worker_upload(upload_id), data))


@bp.post("/uploads/<int:upload_id>/messages")
@require_worker
def ingest(upload_id: int):
    """Store a batch the worker found in this upload, for the uploader (a fleet token has no user of its own)."""
    uploads.worker_upload(upload_id)
    items = message_batch(current_app.config["MAX_BATCH"])
    return ingest_items(db_session(), g.user_id, items, current_app.config["GHOSTED_DAYS"])
