"""Writes that keep messages and applications consistent: ingest a batch, link messages to
applications with ``server.pipeline``, and write back each application's replayed status and
history; and an application's timeline as the pages show it. Every function takes the user's id
and touches only that user's rows."""

from collections import defaultdict
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from server import memory, pipeline
from server.models import Application, Message, StatusChange, counted_label, utcnow
from server.schemas import parse_datetime
from worker.senders import registered_domain

CONTENT_FIELDS = ("from_name", "from_address", "subject", "date", "label", "confidence", "stage", "keeps_on_file",
                  "offers_feedback", "company", "role", "ats", "job_id", "language", "skill_area", "snippet", "link")
"""What a re-sync may refresh on a stored message (never the user's corrections)."""

LINK_FIELDS = frozenset({"date", "label", "confidence", "stage", "company", "role"})
"""Fields whose change can move a message to another application or change what it does to it (a
confidence can cross ``SURE``: a sure rejection becomes "Please check", or the other way round; a
stage can make an invitation an assessment)."""


def message_values(item: dict) -> dict:
    """Column values of a validated MessageIn item."""
    values = {f: item.get(f) for f in CONTENT_FIELDS}
    for f in ("from_name", "from_address", "subject", "snippet"):
        values[f] = values[f] or ""
    values["date"] = parse_datetime(item["date"])
    values["confidence"] = float(item["confidence"])
    for f in ("company", "role", "ats", "job_id", "language", "skill_area"):
        values[f] = (values[f] or "").strip() or None
    values["company_key"] = pipeline.company_key(values["company"])
    domain = values["from_address"].rpartition("@")[2].strip().lower()
    values["sender_domain"] = registered_domain(domain)[:255] if domain else ""
    return values


def identity(item: dict) -> tuple:
    """The keys a message is known by: its IMAP position (when given) and its Message-ID."""
    uid_key = None
    if item.get("uid") is not None and item.get("uidvalidity") is not None and item.get("folder"):
        uid_key = (item["account"], item["folder"], item["uidvalidity"], item["uid"])
    return uid_key, item.get("message_id") or None


def ingest(session: Session, user_id: int, items: list[dict], ghosted_days: int, now: datetime | None = None) -> dict:
    """Store valid MessageIn items: new ones are added, known ones refreshed (``updated``) or
    left alone when nothing changed (``ignored``), then linked to applications in date order."""
    now = now or utcnow()
    uid_keys = {k for k, _ in map(identity, items) if k}
    mids = {m for _, m in map(identity, items) if m}
    by_uid: dict[tuple, Message] = {}
    by_mid: dict[str, Message] = {}
    if mids:
        for chunk in _chunks(sorted(mids)):
            for m in session.scalars(select(Message).where(Message.user_id == user_id, Message.message_id.in_(chunk))):
                by_mid[m.message_id] = m
    if uid_keys:
        accounts = sorted({k[0] for k in uid_keys})
        uids = sorted({k[3] for k in uid_keys})
        for chunk in _chunks(uids):
            rows = session.scalars(select(Message).where(Message.user_id == user_id, Message.account.in_(accounts), Message.uid.in_(chunk)))
            for m in rows:
                by_uid[(m.account, m.folder, m.uidvalidity, m.uid)] = m
    counts = {"new": 0, "updated": 0, "ignored": 0}
    to_link: list[Message] = []
    for item in items:
        uid_key, mid = identity(item)
        values = message_values(item)
        existing = (by_uid.get(uid_key) if uid_key else None) or (by_mid.get(mid) if mid else None)
        if existing is None:
            message = Message(user_id=user_id, account=item["account"], folder=item.get("folder"),
                              uidvalidity=item.get("uidvalidity"), uid=item.get("uid"), message_id=mid, pinned=False, **values)
            session.add(message)
            if uid_key:
                by_uid[uid_key] = message
            if mid:
                by_mid[mid] = message
            counts["new"] += 1
            to_link.append(message)
            continue
        changed = {f for f, v in values.items() if getattr(existing, f) != v}
        if not changed:
            counts["ignored"] += 1
            continue
        for f in changed:
            setattr(existing, f, values[f])
        counts["updated"] += 1
        if changed & LINK_FIELDS and not existing.pinned:
            to_link.append(existing)
    session.flush()
    memory.answer_from_memory(session, user_id, to_link)
    link(session, user_id, to_link, ghosted_days, now)
    return counts


def _chunks(values: list, size: int = 500):
    for i in range(0, len(values), size):
        yield values[i:i + size]


def _events(session: Session, user_id: int, app_ids: list[int], pinned_only: bool = False) -> dict[int, list[pipeline.Event]]:
    """The events of these applications: their messages (only those the user placed, with
    ``pinned_only``: the ones the linker must not move) and the user's status corrections."""
    events: dict[int, list[pipeline.Event]] = defaultdict(list)
    for chunk in _chunks(app_ids):
        where = [Message.user_id == user_id, Message.application_id.in_(chunk)]
        if pinned_only:
            where.append(Message.pinned.is_(True))
        rows = session.execute(select(Message.application_id, Message.id, Message.date, Message.label, Message.user_label,
                                      Message.confidence, Message.stage).where(*where))
        for app_id, mid, date, label, user_label, confidence, stage in rows:
            kind = pipeline.event_label(counted_label(label, user_label, confidence), stage)
            events[app_id].append(pipeline.Event(date, label=kind, message_id=mid))
        rows = session.execute(select(StatusChange.application_id, StatusChange.at, StatusChange.to_status)
                               .where(StatusChange.user_id == user_id, StatusChange.application_id.in_(chunk), StatusChange.source == "user"))
        for app_id, at, status in rows:
            events[app_id].append(pipeline.Event(at, status=status))
    return events


def link(session: Session, user_id: int, messages: list[Message], ghosted_days: int, now: datetime) -> None:
    """Link messages to applications. Every unpinned message of the employers concerned is
    linked again from scratch in date order, so the result does not depend on the order in
    which messages arrived. Application rows are reused (a message goes back to the row it was
    in when that row is free), so ids stay stable; rows the pipeline opened that end up empty
    are deleted by ``replay``."""
    touched = {m.application_id for m in messages if m.application_id is not None and not m.pinned}
    keys = {m.company_key for m in messages if m.company_key}
    if touched:
        keys |= set(session.scalars(select(Application.company_key).where(Application.user_id == user_id, Application.id.in_(sorted(touched)))))
    for m in messages:
        if not m.pinned and not m.company_key and m.application_id is not None:
            m.application_id = None
    if not keys:
        session.flush()
        replay(session, user_id, touched, ghosted_days, now)
        return
    unpinned: dict[int, Message] = {m.id: m for m in messages if not m.pinned and m.company_key}
    apps: list[Application] = []
    for chunk in _chunks(sorted(keys)):
        unpinned.update((m.id, m) for m in session.scalars(select(Message).where(
            Message.user_id == user_id, Message.company_key.in_(chunk), Message.pinned.is_(False))))
        apps += session.scalars(select(Application).where(Application.user_id == user_id, Application.company_key.in_(chunk))).all()
    fixed = _events(session, user_id, [a.id for a in apps], pinned_only=True)
    candidates: dict[str, list[pipeline.Candidate]] = defaultdict(list)
    free: dict[int, Application] = {}
    for app in apps:
        touched.add(app.id)
        if app.id in fixed or app.origin == "user" or app.edited:
            candidates[app.company_key].append(pipeline.Candidate(app, app.role_key, list(fixed.get(app.id, []))))
        else:
            free[app.id] = app
    for m in sorted(unpinned.values(), key=lambda m: (m.date, m.id)):
        label, rkey = pipeline.event_label(m.effective_label, m.stage), pipeline.role_key(m.role)
        if label not in pipeline.LABEL_STATUS:
            if m.application_id is not None:
                m.application_id = None
            continue
        cands = candidates[m.company_key]
        chosen = pipeline.choose(label, rkey, m.date, cands, ghosted_days)
        if chosen is None:
            app = free.pop(m.application_id, None) if m.application_id in free else None
            if app is None or app.company_key != m.company_key:
                app = Application(user_id=user_id, company=m.company, company_key=m.company_key, status="applied", notes="",
                                  origin="message", edited=False, first_contact_at=m.date, last_contact_at=m.date)
                session.add(app)
                session.flush()
                touched.add(app.id)
            app.company, app.role, app.role_key = m.company, m.role, rkey
            chosen = pipeline.Candidate(app, rkey)
            cands.append(chosen)
        app = chosen.ref
        if app.role_key is None and rkey and not app.edited:
            app.role, app.role_key, chosen.role_key = m.role, rkey, rkey
        if m.application_id != app.id:
            m.application_id = app.id
        chosen.events.append(pipeline.Event(m.date, label=label, message_id=m.id))
    session.flush()
    replay(session, user_id, touched, ghosted_days, now)


def replay(session: Session, user_id: int, app_ids: set[int], ghosted_days: int, now: datetime) -> None:
    """Write back the status and history each application's events give. An application
    the pipeline opened and that has lost all its events (and was never touched by the user)
    is deleted."""
    if not app_ids:
        return
    apps = {a.id: a for a in session.scalars(select(Application).where(Application.user_id == user_id, Application.id.in_(app_ids)))}
    events = _events(session, user_id, list(apps))
    stored: dict[int, list[StatusChange]] = defaultdict(list)
    for row in session.scalars(select(StatusChange).where(StatusChange.user_id == user_id, StatusChange.application_id.in_(list(apps)))
                               .order_by(StatusChange.at, StatusChange.id)):
        stored[row.application_id].append(row)
    for app_id, app in apps.items():
        result = pipeline.replay(events.get(app_id, []), now, ghosted_days)
        if result.status is None:
            if app.origin == "message" and not app.edited:
                for row in stored[app_id]:
                    session.delete(row)
                session.flush()  # rows first: the database's cascade must not remove rows the session still holds
                session.delete(app)
            continue
        app.status = result.status
        app.first_contact_at, app.last_contact_at = result.first_contact, result.last_contact
        old = [(r.from_status, r.to_status, r.at, r.source, r.message_id) for r in stored[app_id]]
        new = [(c.from_status, c.to_status, c.at, c.source, c.message_id) for c in result.changes]
        if old != new:
            for row in stored[app_id]:
                session.delete(row)
            session.add_all(StatusChange(user_id=user_id, application_id=app_id, from_status=c.from_status, to_status=c.to_status,
                                         at=c.at, source=c.source, message_id=c.message_id) for c in result.changes)
    session.flush()


def refresh_ghosted(session: Session, user_id: int, ghosted_days: int, now: datetime | None = None) -> None:
    """Mark ``ghosted`` the active applications whose last contact is N days old (called
    before applications are read, so lists never show a stale status)."""
    now = now or utcnow()
    due = session.scalars(select(Application.id).where(
        Application.user_id == user_id, Application.status.in_(sorted(pipeline.ACTIVE)),
        Application.last_contact_at <= now - timedelta(days=ghosted_days))).all()
    if due:
        replay(session, user_id, set(due), ghosted_days, now)
        session.commit()


def add_user_status(session: Session, app: Application, status: str, at: datetime) -> None:
    """Record the user's status correction as an event; ``replay`` then places it in the history."""
    session.add(StatusChange(user_id=app.user_id, application_id=app.id, from_status=None, to_status=status, at=at, source="user"))
    session.flush()


def correct(session: Session, user_id: int, message: Message, ghosted_days: int, now: datetime, **change) -> None:
    """The user's correction of a message: a label and/or a place in an application (``application_id``,
    None for none). The user's label wins from now on, and a placed message is never moved by the pipeline."""
    touched = {message.application_id} - {None}
    if "application_id" in change:
        message.application_id, message.pinned = change["application_id"], True
        touched.add(change["application_id"])
    if "label" in change:
        message.user_label = change["label"]
        if change["label"] not in pipeline.LABEL_STATUS and "application_id" not in change:
            message.application_id, message.pinned = None, False  # "not a rejection": it leaves its application
        elif message.pinned and message.application_id is None and "application_id" not in change:
            message.pinned = False  # a message taken out of an application is now said to matter again
    session.flush()
    replay(session, user_id, touched - {None}, ghosted_days, now)
    if not message.pinned:
        link(session, user_id, [message], ghosted_days, now)


def timeline(session: Session, user_id: int, app: Application) -> tuple[list[StatusChange], list[Message]]:
    """An application's status changes and its messages, each oldest first."""
    changes = session.scalars(select(StatusChange).where(StatusChange.user_id == user_id, StatusChange.application_id == app.id)
                              .order_by(StatusChange.at, StatusChange.id)).all()
    messages = session.scalars(select(Message).where(Message.user_id == user_id, Message.application_id == app.id)
                               .order_by(Message.date, Message.id)).all()
    return list(changes), list(messages)
