"""Rows as the API answers them: one function per model, used by every view that shows it (the
API's and the dashboard's). The shapes are described by ``server/schemas/responses.py``."""

from server import memory, strategies
from server.models import Account, Application, FolderState, Message, Reflection, StatusChange, Token, Upload, User
from server.translations import gettext_for


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
        "check": memory.check_state(m),
    }


def message_brief(m: Message) -> dict:
    """A message in an employer's history: what it was and when."""
    return {"id": m.id, "subject": m.subject, "label": m.effective_label, "date": m.date.isoformat()}


def application_dict(app: Application) -> dict:
    return {
        "id": app.id,
        "company": app.company,
        "role": app.role,
        "status": app.status,
        "notes": app.notes,
        "origin": app.origin,
        "first_contact_at": app.first_contact_at.isoformat(),
        "last_contact_at": app.last_contact_at.isoformat(),
    }


def status_change_dict(c: StatusChange) -> dict:
    return {"from_status": c.from_status, "to_status": c.to_status, "at": c.at.isoformat(), "source": c.source,
            "message_id": c.message_id}


def application_detail(app: Application, changes: list[StatusChange], messages: list[Message]) -> dict:
    """An application with its timeline: its status changes and its messages, oldest first."""
    return {
        **application_dict(app),
        "status_changes": [status_change_dict(c) for c in changes],
        "messages": [message_dict(m) for m in messages],
    }


def account_dict(a: Account) -> dict:
    """An account as its user sees it: never its secret."""
    return {"id": a.id, "name": a.name, "host": a.host, "port": a.port, "tls": a.tls, "insecure": a.insecure,
            "username": a.username, "auth": a.auth, "folders": list(a.folders), "created_at": a.created_at.isoformat(),
            "last_sync_at": a.last_sync_at.isoformat() if a.last_sync_at else None,
            "messages_seen": a.messages_seen, "last_error": a.last_error, "progress": a.progress,
            "token_expires_at": a.token_expires_at.isoformat() if a.token_expires_at else None}


def state_dict(s: FolderState) -> dict:
    return {"folder": s.folder, "uidvalidity": s.uidvalidity, "last_uid": s.last_uid,
            "highestmodseq": s.highestmodseq, "updated_at": s.updated_at.isoformat()}


def credentials_dict(a: Account, secret: str, states: list[FolderState], oauth: dict | None = None) -> dict:
    """Everything a worker needs to read an account, with its decrypted ``secret`` (and, for an OAuth2
    account made from the dashboard, what it needs to refresh the access token: ``server.oauth.refresh_info``)."""
    return {**{k: v for k, v in account_dict(a).items() if k not in ("created_at", "last_sync_at", "last_error", "progress")},
            "secret": secret, "states": [state_dict(s) for s in states], "oauth": oauth}


def upload_dict(u: Upload) -> dict:
    """An upload and how far a worker has read it (never the spool file's name)."""
    return {"id": u.id, "filename": u.filename, "kind": u.kind, "size": u.size, "status": u.status,
            "bytes_done": u.bytes_done, "bytes_total": u.bytes_total, "read": u.read, "job_related": u.job_related,
            "skipped": u.skipped, "new": u.new, "error": u.error, "created_at": u.created_at.isoformat(),
            "finished_at": u.finished_at.isoformat() if u.finished_at else None}


def reflection_dict(r: Reflection) -> dict:
    return {"id": r.id, "application_id": r.application_id, "went_well": r.went_well, "to_change": r.to_change,
            "created_at": r.created_at.isoformat()}


def token_dict(token: Token, current_id: int | None = None) -> dict:
    """A token, never its secret; ``current`` when it is the one the request came with (``current_id``)."""
    return {
        "id": token.id,
        "name": token.name,
        "kind": token.kind,
        "created_at": token.created_at.isoformat(),
        "last_used_at": token.last_used_at.isoformat() if token.last_used_at else None,
        "current": token.id == current_id,
    }


def me_dict(user: User) -> dict:
    return {"email": user.email, "timezone": user.timezone, "display_name": user.display_name, "language": user.language,
            "digest": {"enabled": user.digest_enabled, "weekday": user.digest_weekday, "hour": user.digest_hour}}


def strategy_dict(s: strategies.Strategy, language: str | None = None) -> dict:
    """A strategy in ``language`` (English by default)."""
    _ = gettext_for(language)
    return {"id": s.id, "title": _(s.title), "nudge": _(s.nudge), "guidance": _(s.guidance), "next_steps": list(s.next_steps)}
