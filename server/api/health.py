"""``GET /api/v1/health``: the process answers; no database access (also the benchmark's baseline)."""

from flask import Blueprint

bp = Blueprint("health", __name__, url_prefix="/api/v1")


@bp.get("/health")
def health():
    return {"ok": True}
