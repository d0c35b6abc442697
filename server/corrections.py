"""Hand corrections that never lose anything: a message's label, an application's company, role,
status and dates, a merge and a split. Each one is done here for the API and the dashboard alike,
and logged (``Correction``) with the rows it touched before and after, so that it can be undone at
any time: an undo puts back what this correction changed (and only that), then lets the pipeline
replay the applications concerned. Corrections survive later syncs because they live in the
user's fields (``user_label``, ``pinned``, ``edited``, user status rows), which a re-sync never
overwrites.

Every function takes the user's id and touches only that user's rows."""

from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from server import pipeline, store
from server.errors import ApiError
from server.models import Application, Correction, Message, Reflection, SenderAnswer, StatusChange

UNDO_WINDOW = timedelta(minutes=10)
"""How long the card offers its Undo button (the dashboard can undo at any time)."""

KINDS = ("label", "place", "company", "role", "status", "dates", "details", "merge", "split", "delete")
"""What a correction changed: ``place`` puts a message in another application (or none); ``details`` is a change of several of company, role and notes at once;
``dates`` a status set at a date in the past."""

APP_FIELDS = ("company", "company_key", "role", "role_key", "notes", "origin", "edited")
"""The application columns the user's corrections change (status and contact dates are replayed)."""

MESSAGE_FIELDS = ("application_id", "pinned", "user_label", "check_source", "checked_at")
"""The message columns a correction changes (never what the classifier found)."""


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def _snapshot(session: Session, user_id: int, app_ids: set[int], message_ids: set[int]) -> dict:
    """The rows a correction may touch, as plain JSON: the applications, their messages (and the
    given ones), their user status rows and reflections."""
    app_ids = {a for a in app_ids if a is not None}
    apps = {a.id: a for a in session.scalars(select(Application).where(Application.user_id == user_id, Application.id.in_(app_ids)))}
    messages = session.scalars(select(Message).where(Message.user_id == user_id,
                                                     Message.application_id.in_(list(apps)) | Message.id.in_(message_ids)))
    changes = session.scalars(select(StatusChange).where(StatusChange.user_id == user_id, StatusChange.source == "user",
                                                         StatusChange.application_id.in_(list(apps))))
    notes = session.scalars(select(Reflection).where(Reflection.user_id == user_id, Reflection.application_id.in_(list(apps))))
    return {
        "apps": {str(a.id): {**{f: getattr(a, f) for f in APP_FIELDS}, "status": a.status,
                             "first_contact_at": _iso(a.first_contact_at), "last_contact_at": _iso(a.last_contact_at),
                             "created_at": _iso(a.created_at)} for a in apps.values()},
        "messages": {str(m.id): {**{f: getattr(m, f) for f in MESSAGE_FIELDS}, "checked_at": _iso(m.checked_at)}
                     for m in messages},
        "user_changes": sorted([c.application_id, c.to_status, _iso(c.at)] for c in changes),
        "reflections": {str(r.id): {"application_id": r.application_id, "went_well": r.went_well, "to_change": r.to_change,
                                    "created_at": _iso(r.created_at)} for r in notes},
    }


def _run(session: Session, user_id: int, kind: str, apps: set[int], messages: set[int], change, before: dict,
         after, ghosted_days: int, now: datetime, message_id: int | None = None, application_id: int | None = None) -> Correction:
    """Snapshot, apply ``change()``, snapshot again and log the correction. ``change`` returns the
    ids of applications it created (a split's new one) so the second snapshot includes them;
    ``after`` may be a function of those ids."""
    old = _snapshot(session, user_id, apps, messages)
    created = change() or set()
    session.flush()
    new = _snapshot(session, user_id, apps | created, messages)
    row = Correction(user_id=user_id, kind=kind, message_id=message_id, application_id=application_id, before=before,
                     after=after(created) if callable(after) else after, state={"before": old, "after": new}, created_at=now)
    session.add(row)
    session.flush()
    return row


def correct_message(session: Session, user_id: int, message: Message, ghosted_days: int, now: datetime, **change) -> Correction:
    """The user says what a message is (``label``; ``about_job`` False: not about a job at all)
    and/or where it belongs (``application_id``): ``server.store.correct``, logged."""
    return record_label(session, user_id, message, lambda: store.correct(session, user_id, message, ghosted_days, now, **change),
                        ghosted_days, now, kind="label" if "label" in change else "place",
                        extra={"about_job": change["about_job"]} if "about_job" in change else {},
                        target=change.get("application_id"))


def record_label(session: Session, user_id: int, message: Message, change, ghosted_days: int, now: datetime,
                 kind: str = "label", extra: dict | None = None, target: int | None = None) -> Correction:
    """Log a correction of one message that ``change()`` makes (also the answer to "Please check");
    ``target`` is the application it is placed in, if any."""
    before = {"label": message.effective_label, "application_id": message.application_id}
    return _run(session, user_id, kind, {message.application_id, target}, {message.id}, change, before,
                lambda _: {"label": message.effective_label, "application_id": message.application_id, **(extra or {})},
                ghosted_days, now, message_id=message.id, application_id=message.application_id)


def company_and_key(name: str) -> tuple[str, str]:
    """The name as the user wrote it (trimmed) and its key; a name the normaliser reduces to
    nothing (symbols only) is its own key, so every name the schema admits is accepted."""
    shown = name.strip() or name
    return shown, pipeline.company_key(shown) or shown.lower()


def edit(session: Session, user_id: int, app: Application, data: dict, ghosted_days: int, now: datetime) -> Correction | None:
    """Correct company, role and notes (``data`` holds the ones given), and/or set a status (with
    ``status_at``, a date in the past: that is how dates are corrected). A changed company or role
    pins the application's messages, so the pipeline does not take them elsewhere. None when
    nothing would change."""
    fields = {}
    if "company" in data:
        company, key = company_and_key(data["company"])
        if company != app.company:
            fields.update(company=company, company_key=key)
    if "role" in data:
        role = (data["role"] or "").strip() or None
        if role != app.role:
            fields.update(role=role, role_key=pipeline.role_key(role))
    if "notes" in data and data["notes"] != app.notes:
        fields["notes"] = data["notes"]
    status, at = data.get("status"), data.get("status_at") or now
    if not fields and status is None:
        return None
    shown = [f for f in ("company", "role", "notes") if f in fields]
    if status and not shown:
        kind = "dates" if at < now - timedelta(days=1) else "status"
    else:
        kind = shown[0] if shown in (["company"], ["role"]) and not status else "details"
    before = {f: getattr(app, f) for f in shown}
    after = {f: fields[f] for f in shown}
    if status:
        before["status"] = app.status
        after.update(status=status, at=at.isoformat())

    def change():
        for f, v in fields.items():
            setattr(app, f, v)
        app.edited = True
        if "company" in fields or "role" in fields:
            session.execute(update(Message).where(Message.user_id == user_id, Message.application_id == app.id).values(pinned=True))
        if status:
            store.add_user_status(session, app, status, at)
        store.replay(session, user_id, {app.id}, ghosted_days, now)

    return _run(session, user_id, kind, {app.id}, set(), change, before, after, ghosted_days, now, application_id=app.id)


def merge(session: Session, user_id: int, app: Application, other: Application, ghosted_days: int, now: datetime) -> Correction:
    """Merge ``other`` into ``app``: its messages, its status corrections and its reflections move here."""
    if other.id == app.id:
        raise ApiError(409, "An application cannot be merged into itself.")
    before = {"application_id": app.id, "other_id": other.id, "other_company": other.company, "other_role": other.role}

    def change():
        session.execute(update(Message).where(Message.user_id == user_id, Message.application_id.in_([app.id, other.id]))
                        .values(application_id=app.id, pinned=True))
        session.execute(update(StatusChange).where(StatusChange.user_id == user_id, StatusChange.application_id == other.id,
                                                   StatusChange.source == "user").values(application_id=app.id))
        session.execute(update(Reflection).where(Reflection.user_id == user_id, Reflection.application_id == other.id)
                        .values(application_id=app.id))
        if app.role is None and other.role:
            app.role, app.role_key = other.role, other.role_key
        if other.notes:
            app.notes = f"{app.notes}\n{other.notes}".strip()
        app.edited = True
        session.flush()
        session.delete(other)
        session.flush()
        store.replay(session, user_id, {app.id}, ghosted_days, now)

    return _run(session, user_id, "merge", {app.id, other.id}, set(), change, before, {"application_id": app.id},
                ghosted_days, now, application_id=app.id)


def split(session: Session, user_id: int, app: Application, message_ids: set[int], role: str | None, keep_role: bool,
          ghosted_days: int, now: datetime) -> tuple[Correction, Application]:
    """Move the chosen messages of ``app`` into a new application of the same employer (``role``
    its role, or the old one's with ``keep_role``)."""
    chosen = session.scalars(select(Message).where(Message.user_id == user_id, Message.application_id == app.id,
                                                   Message.id.in_(message_ids))).all()
    if not chosen or len(chosen) != len(message_ids):
        raise ApiError(404, "No such message in this application.")
    role = app.role if keep_role else ((role or "").strip() or None)
    made: list[Application] = []

    def change():
        first = min(m.date for m in chosen)
        new = Application(user_id=user_id, company=app.company, company_key=app.company_key, role=role,
                          role_key=pipeline.role_key(role), status=app.status, notes="", origin="user", edited=True,
                          first_contact_at=first, last_contact_at=first)
        session.add(new)
        session.flush()
        for m in chosen:
            m.application_id, m.pinned = new.id, True
        session.execute(update(Message).where(Message.user_id == user_id, Message.application_id == app.id).values(pinned=True))
        app.edited = True
        session.flush()
        store.replay(session, user_id, {app.id, new.id}, ghosted_days, now)
        made.append(new)
        return {new.id}

    row = _run(session, user_id, "split", {app.id}, set(), change, {"application_id": app.id, "message_ids": sorted(message_ids)},
               lambda ids: {"application_id": app.id, "new_application_id": min(ids), "message_ids": sorted(message_ids),
                            "role": role}, ghosted_days, now, application_id=app.id)
    return row, made[0]


def delete(session: Session, user_id: int, app: Application, ghosted_days: int, now: datetime) -> Correction:
    """Delete an application; its messages stay, pinned to no application so a re-sync does not
    recreate it. Undoing it brings the application back with its history and reflections."""
    before = {"application_id": app.id, "company": app.company, "role": app.role}

    def change():
        session.execute(update(Message).where(Message.user_id == user_id, Message.application_id == app.id)
                        .values(application_id=None, pinned=True))
        session.delete(app)

    return _run(session, user_id, "delete", {app.id}, set(), change, before, {}, ghosted_days, now, application_id=app.id)


def _when(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _minus(rows: list, others: list) -> list:
    """``rows`` without ``others``, as multisets."""
    left = list(others)
    out = []
    for row in rows:
        if row in left:
            left.remove(row)
        else:
            out.append(row)
    return out


def undo(session: Session, user_id: int, row: Correction, ghosted_days: int, now: datetime) -> None:
    """Put back what ``row`` changed: the applications it changed or deleted (under their old ids),
    the messages it moved or relabelled, the status rows it added or moved, the reflections it
    moved; an application it created gives back anything added to it since and goes. What later
    corrections changed is left as they left it. 409 when it is undone already."""
    if row.undone_at is not None:
        raise ApiError(409, "This correction is undone already.")
    before, after = row.state["before"], row.state["after"]
    home = int(next(iter(before["apps"]), 0)) or None
    for key, cols in before["apps"].items():
        app = session.get(Application, int(key))
        if app is None:
            app = Application(id=int(key), user_id=user_id, status=cols["status"], first_contact_at=_when(cols["first_contact_at"]),
                              last_contact_at=_when(cols["last_contact_at"]), created_at=_when(cols["created_at"]),
                              **{f: cols[f] for f in APP_FIELDS})
            session.add(app)
        elif app.user_id == user_id:
            changed = after["apps"].get(key, {})
            for f in APP_FIELDS:
                if changed.get(f) != cols[f]:
                    setattr(app, f, cols[f])
    session.flush()
    relink: list[Message] = []
    left: set[int] = set()  # the applications the restored messages leave: replayed without them
    for key, cols in before["messages"].items():
        m = session.get(Message, int(key))
        if m is None or m.user_id != user_id or after["messages"].get(key) == cols:
            continue
        if m.application_id is not None:
            left.add(m.application_id)
        for f in MESSAGE_FIELDS:
            setattr(m, f, _when(cols[f]) if f == "checked_at" else cols[f])
        relink.append(m)
        if row.kind == "label":
            session.execute(SenderAnswer.__table__.delete().where(SenderAnswer.user_id == user_id, SenderAnswer.message_id == m.id))
    # the user's status rows are rewritten by every replay (new ids): they are known by application, status and time
    gone, added = _minus(before["user_changes"], after["user_changes"]), _minus(after["user_changes"], before["user_changes"])
    for app_id, status, at in added:
        c = session.scalars(select(StatusChange).where(StatusChange.user_id == user_id, StatusChange.source == "user",
                                                       StatusChange.application_id == app_id, StatusChange.to_status == status,
                                                       StatusChange.at == _when(at)).limit(1)).first()
        if c is not None:
            session.delete(c)
    for app_id, status, at in gone:
        session.add(StatusChange(user_id=user_id, application_id=app_id, from_status=None, to_status=status, at=_when(at), source="user"))
    for key, cols in before["reflections"].items():
        r = session.get(Reflection, int(key))
        if r is None:  # deleted with its application: it comes back with it
            session.add(Reflection(id=int(key), user_id=user_id, application_id=cols["application_id"], went_well=cols["went_well"],
                                   to_change=cols["to_change"], created_at=_when(cols["created_at"])))
        elif r.user_id == user_id and after["reflections"].get(key, {}).get("application_id") != cols["application_id"]:
            r.application_id = cols["application_id"]
    session.flush()
    created = {int(k) for k in after["apps"]} - {int(k) for k in before["apps"]}
    for app_id in created:
        app = session.get(Application, app_id)
        if app is None or app.user_id != user_id:
            continue
        for model in (Message, StatusChange, Reflection):
            session.execute(update(model).where(model.user_id == user_id, model.application_id == app_id).values(application_id=home))
        session.flush()
        session.delete(app)
    session.flush()
    touched = {int(k) for k in before["apps"]} | {m.application_id for m in relink if m.application_id} | left
    store.replay(session, user_id, touched, ghosted_days, now)
    free = [m for m in relink if not m.pinned]
    if free:
        store.link(session, user_id, free, ghosted_days, now)
    row.undone_at = now
    session.flush()


def listing(session: Session, user_id: int, limit: int = 200) -> list[Correction]:
    """The user's corrections, newest first."""
    return list(session.scalars(select(Correction).where(Correction.user_id == user_id)
                                .order_by(Correction.created_at.desc(), Correction.id.desc()).limit(limit)))


def latest_for(session: Session, user_id: int, app_id: int | None = None, message_id: int | None = None) -> Correction | None:
    """The newest correction of an application (or of a message) that is not undone: its page offers to undo it."""
    where = Correction.application_id == app_id if message_id is None else Correction.message_id == message_id
    return session.scalar(select(Correction).where(Correction.user_id == user_id, where, Correction.undone_at.is_(None))
                          .order_by(Correction.created_at.desc(), Correction.id.desc()).limit(1))


def correction_dict(row: Correction) -> dict:
    """A correction as the API shows it (never its internal state)."""
    return {"id": row.id, "kind": row.kind, "message_id": row.message_id, "application_id": row.application_id,
            "before": row.before, "after": row.after, "created_at": row.created_at.isoformat(),
            "undone_at": _iso(row.undone_at), "undo_until": (row.created_at + UNDO_WINDOW).isoformat()}
