"""The advice for one rejection: the strategies the policy picks (``server/strategies.py``)
from the email and the user's recent history, and the concrete next steps they offer.

``build`` works for a stored message and for an email the extension shows that is not stored
yet; the only I/O is reading the user's own rows."""

from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from server import drafts, strategies
from server.models import Application, Message, utcnow

RECENT_DAYS = 60
"""How far back "your recent rejections" look."""

FOLLOW_UP_DAYS = 7
"""An application with no answer for this many days is worth a follow-up (the default of ``days``)."""

WAITING = ("applied", "assessment")
"""Statuses in which the user is waiting for an answer they could follow up on."""

_STAGE_PHRASE = {"application": " at the application stage", "assessment": " after the assessment",
                 "interview": " after the interview"}


def _rejections(session: Session, user_id: int, since: datetime, until: datetime) -> list[tuple[datetime, str | None, int]]:
    label = func.coalesce(Message.user_label, Message.label)
    return list(session.execute(select(Message.date, Message.stage, Message.id).where(
        Message.user_id == user_id, label == "rejection", Message.date >= since, Message.date <= until)))


def search_weeks(session: Session, user_id: int, at: datetime) -> int:
    """Whole weeks since the user's first application (0 when there is none yet)."""
    first = session.scalar(select(func.min(Application.first_contact_at)).where(Application.user_id == user_id))
    return max(0, (at - first).days // 7) if first else 0


def context(session: Session, user_id: int, fields: dict, at: datetime, stored_id: int | None) -> strategies.Context:
    """The policy's view of this rejection: what the email said and the user's history up to ``at``."""
    recent = _rejections(session, user_id, at - timedelta(days=RECENT_DAYS), at)
    stages = [stage for _, stage, mid in recent if mid != stored_id] + [fields.get("stage")]
    last_5 = sum(1 for date, _, mid in recent if mid != stored_id and date >= at - timedelta(days=5)) + 1
    return strategies.Context(
        stage=fields.get("stage"), keeps_on_file=bool(fields.get("keeps_on_file")),
        offers_feedback=bool(fields.get("offers_feedback")), skill_area=fields.get("skill_area"),
        company=fields.get("company"), rejections_last_5_days=last_5, recent_rejections=len(stages),
        recent_application_stage=stages.count("application"), search_weeks=search_weeks(session, user_id, at))


def waiting_applications(session: Session, user_id: int, days: int, now: datetime) -> list[Application]:
    """Applications still waiting for an answer after ``days`` days, the longest-waiting first."""
    return list(session.scalars(select(Application).where(
        Application.user_id == user_id, Application.status.in_(WAITING),
        Application.last_contact_at <= now - timedelta(days=days)).order_by(Application.last_contact_at, Application.id)))


def _step(kind: str, session: Session, user_id: int, fields: dict, application: Application | None, now: datetime) -> dict | None:
    company, role = fields.get("company"), fields.get("role") or (application.role if application else None)
    if kind == "feedback_email":
        draft = drafts.feedback_email(fields.get("language"), company, role, fields.get("stage"), fields.get("from_address"))
        return {"kind": kind, "title": "Ask for feedback", **draft}
    if kind == "reflection":
        return {"kind": kind, "title": "Write down what went well and what to change",
                "application_id": application.id if application else None}
    if kind == "similar_roles":
        if not role:
            return None
        return {"kind": kind, "title": f"Search for similar {role} roles", "links": drafts.similar_roles(role)}
    if kind == "follow_up":
        waiting = waiting_applications(session, user_id, FOLLOW_UP_DAYS, now)
        if not waiting:
            return None
        oldest = waiting[0]
        days = (now - oldest.last_contact_at).days
        return {"kind": kind, "title": f"Follow up with {oldest.company}: no answer for {days} days",
                "application_id": oldest.id, "days": FOLLOW_UP_DAYS,
                "ics_url": f"/api/v1/applications/{oldest.id}/follow-up.ics?days={FOLLOW_UP_DAYS}"}
    if kind == "network":
        who = fields.get("from_name") or company or "the sender"
        return {"kind": kind, "title": "Send a short thank-you",
                "text": f"Reply to {who} with two lines: thanks for their time, and that you would be glad to stay in touch."}
    raise ValueError(f"unknown next step {kind!r}")


def build(session: Session, user_id: int, fields: dict, message: Message | None, application: Application | None,
          now: datetime | None = None) -> dict:
    """The advice for a rejection described by ``fields`` (a message's values), stored as ``message`` or not."""
    now = now or utcnow()
    at = min(fields.get("date") or now, now)
    chosen = strategies.for_rejection(context(session, user_id, fields, at, message.id if message else None))
    kinds: list[str] = []
    for choice in chosen:
        kinds += [k for k in choice.strategy.next_steps if k not in kinds]
    steps = [s for s in (_step(k, session, user_id, fields, application, now) for k in kinds) if s]
    steps.append({"kind": "not_a_rejection", "title": "Not a rejection", "message_id": message.id if message else None})
    if application is not None:
        steps.append({"kind": "open_application", "title": "Open the application", "url": f"/applications/{application.id}"})
    company, role, stage = fields.get("company"), fields.get("role") or (application.role if application else None), fields.get("stage")
    what = f"your application for {role}" if role else "your application"
    return {
        "message_id": message.id if message else None,
        "application_id": application.id if application else None,
        "company": company, "role": role, "stage": stage, "language": drafts.language_of(fields.get("language")),
        "summary": f"{company or 'The employer'} said no to {what}{_STAGE_PHRASE.get(stage, '')}.",
        "strategies": [c.to_dict() for c in chosen],
        "next_steps": steps,
    }


def message_fields(message: Message) -> dict:
    """A stored message's values as ``build`` reads them."""
    return {f: getattr(message, f) for f in ("stage", "keeps_on_file", "offers_feedback", "skill_area", "company", "role",
                                              "language", "from_name", "from_address", "date")}


def for_message(session: Session, user_id: int, message: Message, now: datetime | None = None) -> dict:
    """The advice for one of the user's stored rejections."""
    application = session.get(Application, message.application_id) if message.application_id else None
    return build(session, user_id, message_fields(message), message, application, now)
