"""Two different new emails of one employer and one role, ingested at the same moment (two workers, or the
extension beside a worker), belong to one application: the second ingest must see the application the first
one opened. Each writer has its own connection to the same database (a SQLite file, the real PostgreSQL), as
the server's processes do, and the user's write lock (``store.lock_user``) is what makes them wait."""

import threading

import pytest
from sqlalchemy import func, select
from support import msg

from server import store
from server.db import db_session
from server.ingest import ingest_items
from server.models import Application, Message

ROUNDS = 20
DAYS = 10_000


def _applications(app, user_id: int) -> list[Application]:
    with app.app_context():
        return db_session().scalars(select(Application).where(Application.user_id == user_id).order_by(Application.id)).all()


def _linked(app, user_id: int) -> int:
    with app.app_context():
        return db_session().scalar(select(func.count(Message.id)).where(Message.user_id == user_id, Message.application_id.is_not(None)))


@pytest.mark.parametrize("labels", [("application_confirmation", "rejection"), ("application_confirmation", "interview_invitation",
                                                                                "rejection")])
def test_concurrent_ingests_of_one_employer_open_one_application(app, user, labels):
    """Each round, one writer per email stores a different email of the same new employer and role at the same
    instant (the confirmation and the next steps, a day apart): every ingest succeeds, and each round ends with
    one application holding all its emails, whose status is the latest email's."""
    row, _ = user(kind="service")
    errors: list[str] = []
    for round_ in range(ROUNDS):
        start = threading.Barrier(len(labels))

        def write(k: int, round_=round_, start=start) -> None:
            email = msg(labels[k], company=f"Concurrent Works {round_}", role="Platform Engineer",
                        date=f"2026-03-{2 + k:02d}T09:00:00+00:00", confidence=0.95)
            with app.app_context():
                session = db_session()
                session.execute(select(func.count(Application.id))).all()  # connected before the start
                session.rollback()
                start.wait(30)
                try:
                    assert ingest_items(session, row.id, [email], DAYS)["new"] == 1
                except Exception as exc:  # noqa: BLE001 - reported by the test below
                    errors.append(repr(exc))

        threads = [threading.Thread(target=write, args=(k,)) for k in range(len(labels))]
        for t in threads:
            t.start()
        for t in threads:
            t.join(60)
    assert errors == []
    apps = _applications(app, row.id)
    assert sorted(a.company for a in apps) == sorted(f"Concurrent Works {r}" for r in range(ROUNDS))
    assert {a.status for a in apps} == {{"rejection": "rejected", "interview_invitation": "interviewing"}[labels[-1]]}
    assert _linked(app, row.id) == len(labels) * ROUNDS


def test_an_ingest_waits_for_the_user_lock_another_writer_holds(app, user):
    """While one transaction holds the user's lock (it has read the employer's applications and is about to
    open one), another process's ingest of the same employer waits for its commit and then joins the
    application it opened, on SQLite as on PostgreSQL; it does not open a second one meanwhile."""
    row, _ = user(kind="service")
    done = threading.Event()
    errors: list[str] = []

    def second() -> None:
        with app.app_context():
            try:
                ingest_items(db_session(), row.id, [msg("rejection", company="Held Co", role="Analyst",
                                                        date="2026-04-03T09:00:00+00:00", confidence=0.95)], DAYS)
            except Exception as exc:  # noqa: BLE001 - reported by the test below
                errors.append(repr(exc))
            done.set()

    with app.app_context():
        session = db_session()
        store.lock_user(session, row.id)
        assert session.scalars(select(Application).where(Application.user_id == row.id)).all() == []
        other = threading.Thread(target=second)
        other.start()
        assert not done.wait(1.5), "the second ingest went ahead while the user's lock was held"
        store.ingest(session, row.id, [msg("application_confirmation", company="Held Co", role="Analyst",
                                           date="2026-04-02T09:00:00+00:00", confidence=0.95)], DAYS)
        session.commit()
    other.join(30)
    assert errors == []
    apps = _applications(app, row.id)
    assert [(a.company, a.status) for a in apps] == [("Held Co", "rejected")]
    assert _linked(app, row.id) == 2
