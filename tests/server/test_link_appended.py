"""New mail dated after everything an employer already has is linked from each application's stored
state (``store._link_appended``) instead of relinking the employer's whole history: the result must be
exactly what relinking from scratch gives. Random mailboxes, in order and out of order, with ghosting."""

import random
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import event, select
from support import auth, make_app, msg

from server import store
from server.db import db_session
from server.models import Application, Base, Message, StatusChange, utcnow

GHOSTED_DAYS = 30
LABELS = ["application_confirmation"] * 4 + ["interview_invitation"] * 2 + ["rejection"] * 2 + ["offer", "job_alert"]


def _mailbox(seed: int, n: int = 120) -> list[dict]:
    """Messages of three employers and three roles (one missing), dated forward with gaps that cross
    the ghosting threshold now and then."""
    rng = random.Random(seed)
    at = datetime(2025, 1, 1, 9, tzinfo=UTC)
    items = []
    for _ in range(n):
        at += timedelta(days=rng.choice([0, 1, 2, 5, 12, 40]), minutes=rng.randrange(1, 600))
        label = rng.choice(LABELS)
        stage = "assessment" if label == "interview_invitation" and rng.random() < 0.3 else None
        items.append(msg(label, company=rng.choice(["Acme", "Globex", "Initech"]), role=rng.choice(["Analyst", "Engineer", None]),
                         date=at, stage="application" if label == "rejection" else stage, confidence=0.95))
    return items


def _state(app, user_id: int) -> list:
    """Every application as (its messages, company, role, status, first and last contact, history), ids aside."""
    with app.app_context():
        session = db_session()
        out = []
        for a in session.scalars(select(Application).where(Application.user_id == user_id)):
            mids = sorted(session.scalars(select(Message.message_id).where(Message.application_id == a.id)))
            history = [(c.from_status, c.to_status, c.at, c.source, c.message_id) for c in session.scalars(
                select(StatusChange).where(StatusChange.application_id == a.id).order_by(StatusChange.at, StatusChange.id))]
            out.append((mids, a.company_key, a.role_key, a.status, a.first_contact_at, a.last_contact_at, history))
        return sorted(out, key=lambda row: (row[0], row[1]))


def _relink_from_scratch(app, user_id: int) -> None:
    with app.app_context():
        session = db_session()
        messages = list(session.scalars(select(Message).where(Message.user_id == user_id)))
        store.link(session, user_id, messages, app.config["GHOSTED_DAYS"], utcnow())  # placed messages: never the appended path
        session.commit()


@pytest.mark.parametrize("seed", range(8))
def test_appended_linking_equals_relinking_from_scratch(database_url, user, seed, monkeypatch):
    """Batches of 1 to 4 messages, a fifth of them carrying an older message (which takes the full path):
    relinking every message from scratch afterwards changes nothing, and the appended path did most batches."""
    served = make_app(database_url, GHOSTED_DAYS=GHOSTED_DAYS)
    client = served.test_client()
    row, token = user()
    calls = []
    original = store._link_appended
    monkeypatch.setattr(store, "_link_appended", lambda *a, **k: (calls.append(1), original(*a, **k)))
    rng = random.Random(seed)
    items = _mailbox(seed)
    held = []
    batches = 0
    while items:
        size = rng.randint(1, 4)
        batch, items = items[:size], items[size:]
        if rng.random() < 0.2:
            held.append(batch.pop())  # arrives later, out of order
        if rng.random() < 0.2 and held:
            batch.append(held.pop(0))
        if batch:
            res = client.post("/api/v1/messages", json={"messages": batch}, headers=auth(token))
            assert res.status_code == 200 and not res.json["rejected"], res.json
            batches += 1
    if held:
        client.post("/api/v1/messages", json={"messages": held}, headers=auth(token))
    before = _state(served, row.id)
    assert len(before) >= 3
    _relink_from_scratch(served, row.id)
    assert _state(served, row.id) == before
    assert len(calls) >= batches // 2


def test_new_mail_reads_the_same_rows_whatever_the_employers_history(database_url, user):
    """Two employers of the same shape (20 roles), one with 40 messages stored, one with 400: five new
    messages for each load the same number of rows as objects, none of them a stored message."""
    served = make_app(database_url, GHOSTED_DAYS=GHOSTED_DAYS)
    client = served.test_client()
    _, token = user()
    start = datetime(2024, 1, 1, tzinfo=UTC)
    for company, n in (("Smallco", 40), ("Bigco", 400)):
        history = [msg("application_confirmation" if i < 20 else "interview_invitation", company=company, role=f"Role {i % 20}",
                       date=start + timedelta(hours=i), confidence=0.95) for i in range(n)]
        for i in range(0, n, 200):
            assert client.post("/api/v1/messages", json={"messages": history[i:i + 200]}, headers=auth(token)).status_code == 200

    def loaded(company: str) -> dict:
        seen: dict = {}

        def count(target, _context):
            seen[type(target).__name__] = seen.get(type(target).__name__, 0) + 1

        event.listen(Base, "load", count, propagate=True)
        try:
            batch = [msg("rejection", company=company, role=f"Role {k}", confidence=0.95, date=start + timedelta(days=60, hours=k))
                     for k in range(5)]
            assert client.post("/api/v1/messages", json={"messages": batch}, headers=auth(token)).json["new"] == 5
        finally:
            event.remove(Base, "load", count)
        return seen

    small, big = loaded("Smallco"), loaded("Bigco")
    assert small == big and small.get("Message", 0) == 0, (small, big)
