"""Writes that keep messages and applications consistent: ingest a batch, link messages to
applications with ``server.pipeline``, and write back each application's replayed status and
history; and an application's timeline as the pages show it. Every function takes the user's id
and touches only that user's rows."""

from collections import defaultdict
from datetime import datetime, timedelta

from sqlalchemy import func, select
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


INGEST_LOCK = 0x6F6E77
"""First key of the PostgreSQL advisory lock that serialises one user's writes to applications (the second
key is the user's id): two ingests of one user relinking the same employers, or an ingest beside a
ghosting refresh, would otherwise update the same rows in different orders and deadlock."""


def lock_user(session: Session, user_id: int) -> None:
    """Hold the user's write lock until the transaction ends, before anything the write depends on is read.

    PostgreSQL: the user's advisory lock. SQLite: the database's write lock, taken now (``BEGIN IMMEDIATE``)
    rather than at the first INSERT, which is where the driver would otherwise begin: reads made before it
    (the applications an email could join) would come from before another process's commit, and two
    processes could each open an application for the same employer and role."""
    connection = session.connection()
    if connection.dialect.name == "postgresql":
        session.execute(select(func.pg_advisory_xact_lock(INGEST_LOCK, user_id)))
    elif connection.dialect.name == "sqlite" and not connection.connection.dbapi_connection.in_transaction:
        connection.exec_driver_sql("BEGIN IMMEDIATE")  # waits up to the engine's busy timeout for another writer


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
    lock_user(session, user_id)
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
    are deleted by ``replay``.

    New mail of an employer dated after everything already linked for it (the usual case: mail
    arrives in order) takes ``_link_appended`` instead, which gives the same result from each
    application's stored state, so its cost does not grow with the employer's history."""
    appended = _appended(session, user_id, messages)
    if appended:
        _link_appended(session, user_id, appended, ghosted_days, now)
        messages = [m for m in messages if m.company_key not in appended]
        if not messages:
            return
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


def _appended(session: Session, user_id: int, messages: list[Message]) -> dict[str, tuple[list[Message], dict]]:
    """The employers whose messages here are all new, unplaced and later than every event of the employer's
    applications and every other message of the employer, by company key: (those messages in date order,
    the latest event of each application the linker could choose). Nothing proportional to the employer's
    history is loaded into Python: the checks are index probes, and the applications are those ``_choosable``
    names."""
    by_key: dict[str, list[Message]] = defaultdict(list)
    excluded: set[str] = set()
    for m in messages:
        if m.company_key is None or m.pinned or m.application_id is not None or m.user_label is not None:
            excluded.add(m.company_key)
        else:
            by_key[m.company_key].append(m)
    found = {}
    for key, mine in by_key.items():
        if key in excluded:
            continue
        mine.sort(key=lambda m: (m.date, m.id))
        begin = mine[0].date
        apps = session.scalars(select(Application.id).where(Application.user_id == user_id, Application.company_key == key)).all()
        # Each a range of an index from ``begin`` on: only mail and corrections dated after the new mail. The
        # application ids go in as values and the rows are found by them alone (an application is one user's),
        # so the (application, date) indexes are the only ones that fit: with a subquery and ``user_id`` beside
        # it, PostgreSQL on young statistics walked the user's mail by date and rescanned the applications
        # for each row (a quarter of a second per employer, growing with the mailbox).
        later = [select(Message.id).where(Message.user_id == user_id, Message.company_key == key, Message.date >= begin,
                                          Message.id.not_in([m.id for m in mine]))]
        for chunk in _chunks(apps):
            later.append(select(Message.id).where(Message.application_id.in_(chunk), Message.date >= begin))
            later.append(select(StatusChange.id).where(StatusChange.application_id.in_(chunk), StatusChange.source == "user",
                                                       StatusChange.at >= begin))
        if any(session.scalar(q.limit(1)) is not None for q in later):
            continue
        latest: dict[int, datetime] = {}
        for app_id in _choosable(session, user_id, key, mine):  # one lookup at the end of the (application, date) index each
            latest[app_id] = session.scalar(select(func.max(Message.date)).where(Message.application_id == app_id))
        found[key] = (mine, latest)
    return found


def _choosable(session: Session, user_id: int, key: str, mine: list[Message]) -> set[int]:
    """The applications of the employer ``pipeline.choose`` could pick for ``mine``, all later than them: for
    each role among them, the len(mine) + 1 open ones last contacted latest (each message closes at most one)
    and the closed one last contacted latest (a second rejection joins it); and the len(mine) + 2 open ones
    overall (whether exactly one is open decides where a message without a role goes). Any other application
    is never chosen, so its history is never read."""
    n = len(mine)
    base = select(Application.id).where(Application.user_id == user_id, Application.company_key == key)
    latest_first = (Application.last_contact_at.desc(), Application.id.desc())
    is_open = Application.status.in_(sorted(pipeline.OPEN))
    ids = set(session.scalars(base.where(is_open).order_by(*latest_first).limit(n + 2)))
    for rkey in {pipeline.role_key(m.role) for m in mine} - {None}:
        same = base.where(Application.role_key == rkey)
        ids |= set(session.scalars(same.where(is_open).order_by(*latest_first).limit(n + 1)))
        ids |= set(session.scalars(same.where(~is_open).order_by(*latest_first).limit(1)))
    return ids


def _link_appended(session: Session, user_id: int, appended: dict[str, tuple[list[Message], dict]], ghosted_days: int,
                   now: datetime) -> None:
    """Link new messages that come after everything their employer already had. Relinking from scratch would
    place the earlier messages where they are, so each application enters the linker as its state just before
    the new mail (status before any trailing ghosting, last contact, latest event), and only the new
    messages are placed and replayed onto the stored history."""
    opened: set[int] = set()
    grown: dict[int, tuple[Application, str, list[pipeline.Event]]] = {}
    for key, (mine, latest) in appended.items():
        apps = session.scalars(select(Application).where(Application.user_id == user_id, Application.id.in_(sorted(latest)))
                               .order_by(Application.id)).all()
        before = _status_before_ghosting(session, user_id, apps)
        candidates = []
        for app in apps:
            events = [pipeline.Event(app.last_contact_at, status=before[app.id])]
            if latest[app.id] and latest[app.id] > app.last_contact_at:  # a placed message without a status: order only
                events.append(pipeline.Event(latest[app.id], label="other", message_id=0))
            candidates.append(pipeline.Candidate(app, app.role_key, events))
        for m in mine:
            label, rkey = pipeline.event_label(m.effective_label, m.stage), pipeline.role_key(m.role)
            if label not in pipeline.LABEL_STATUS:
                continue
            chosen = pipeline.choose(label, rkey, m.date, candidates, ghosted_days)
            if chosen is None:
                app = Application(user_id=user_id, company=m.company, company_key=key, status="applied", notes="",
                                  origin="message", edited=False, first_contact_at=m.date, last_contact_at=m.date, role=m.role,
                                  role_key=rkey)
                session.add(app)
                session.flush()
                opened.add(app.id)
                chosen = pipeline.Candidate(app, rkey)
                candidates.append(chosen)
            app = chosen.ref
            if app.role_key is None and rkey and not app.edited:
                app.role, app.role_key, chosen.role_key = m.role, rkey, rkey
            m.application_id = app.id
            event = pipeline.Event(m.date, label=label, message_id=m.id)
            chosen.events.append(event)
            if app.id not in opened:
                grown.setdefault(app.id, (app, before[app.id], []))[2].append(event)
    session.flush()
    replay(session, user_id, opened, ghosted_days, now)
    for app, status, events in grown.values():
        _replay_appended(session, user_id, app, status, events, ghosted_days, now)
    session.flush()


def _status_before_ghosting(session: Session, user_id: int, apps: list[Application]) -> dict[int, str]:
    """Each application's status before a trailing ``ghosted`` (its status when that is not one): ghosting
    depends on the moment asked about, so the linker works it out again for the new mail's date."""
    before = {a.id: a.status for a in apps}
    ghosted = [a.id for a in apps if a.status == "ghosted"]
    for chunk in _chunks(ghosted):
        last: dict[int, StatusChange] = {}
        for row in session.scalars(select(StatusChange).where(StatusChange.user_id == user_id, StatusChange.application_id.in_(chunk),
                                                               StatusChange.to_status == "ghosted").order_by(StatusChange.at, StatusChange.id)):
            last[row.application_id] = row
        for app_id, row in last.items():
            if row.source == "ghosted" and row.from_status:
                before[app_id] = row.from_status
    return before


def _replay_appended(session: Session, user_id: int, app: Application, status: str, events: list[pipeline.Event],
                     ghosted_days: int, now: datetime) -> None:
    """Extend an application's stored history with events that all come after it: the trailing ghosting (if
    any) is worked out again, then the new events are replayed from the stored status, as ``replay`` would."""
    trailing = session.scalars(select(StatusChange).where(StatusChange.user_id == user_id, StatusChange.application_id == app.id,
                                                          StatusChange.at > app.last_contact_at)).all()
    for row in trailing:
        if row.source == "ghosted":
            session.delete(row)
    result = pipeline.replay([pipeline.Event(app.last_contact_at, status=status), *events], now, ghosted_days)
    session.add_all(StatusChange(user_id=user_id, application_id=app.id, from_status=c.from_status, to_status=c.to_status,
                                 at=c.at, source=c.source, message_id=c.message_id) for c in result.changes[1:])
    app.status, app.last_contact_at = result.status, result.last_contact
    if status == "saved":  # a saved posting's first contact is the first email after it (see pipeline.replay)
        app.first_contact_at = result.first_contact


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
            # the user kept it (a correction left it with no event that moves it): it waits as applied
            result = pipeline.Replay("applied", (), app.first_contact_at, app.last_contact_at)
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
        lock_user(session, user_id)
        replay(session, user_id, set(due), ghosted_days, now)
        session.commit()


def add_user_status(session: Session, app: Application, status: str, at: datetime) -> None:
    """Record the user's status correction as an event; ``replay`` then places it in the history."""
    session.add(StatusChange(user_id=app.user_id, application_id=app.id, from_status=None, to_status=status, at=at, source="user"))
    session.flush()


def correct(session: Session, user_id: int, message: Message, ghosted_days: int, now: datetime, **change) -> None:
    """The user's correction of a message: a label (with ``about_job`` False for mail that is not
    about a job at all) and/or a place in an application (``application_id``, None for none). The
    user's label wins from now on and a placed message is never moved by the pipeline. A label
    correction never deletes an application: a message relabelled as other job mail stays in its
    application's timeline and moves nothing; mail not about a job leaves it; the application keeps
    every other event and its status is replayed from them."""
    touched = {message.application_id} - {None}
    if "application_id" in change:
        message.application_id, message.pinned = change["application_id"], True
        touched.add(change["application_id"])
    if "label" in change:
        message.user_label = change["label"]
        if change["label"] not in pipeline.LABEL_STATUS and "application_id" not in change:
            if not change.get("about_job", True):
                message.application_id = None
            message.pinned = True
        elif message.pinned and message.application_id is None and "application_id" not in change:
            message.pinned = False  # a message taken out of an application is now said to matter again
        for app in session.scalars(select(Application).where(Application.user_id == user_id, Application.id.in_(touched))):
            app.edited = True  # kept even when no event is left that moves it
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
