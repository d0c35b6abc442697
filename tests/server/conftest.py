"""Fixtures for the server's tests: every test that uses ``app`` runs once on SQLite and once
on the real PostgreSQL (a fresh database per session, dropped at the end).

PostgreSQL tests skip with a reason when the server is unreachable, except under CI=true
where they fail. ``ONWARD_TEST_POSTGRES`` points at another server (default: the local one)."""

import itertools
import os
import uuid

import psycopg
import pytest
from sqlalchemy import select, text
from sqlalchemy.engine import make_url
from support import MADE, auth, make_app

from server.auth import create_user, issue_token
from server.db import db_session, make_engine, upgrade
from server.models import Base, User

PG_BASE = os.environ.get("ONWARD_TEST_POSTGRES", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


@pytest.fixture(scope="session")
def sqlite_url(tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('db') / 'onward.db'}"
    upgrade(url)
    return url


@pytest.fixture(scope="session")
def postgresql_url():
    base = make_url(PG_BASE)
    conninfo = base.set(drivername="postgresql").render_as_string(hide_password=False)
    try:
        admin = psycopg.connect(conninfo, autocommit=True, connect_timeout=3)
    except psycopg.OperationalError as exc:
        if os.environ.get("CI") == "true":
            pytest.fail(f"PostgreSQL is required under CI=true and unreachable at {PG_BASE}: {exc}")
        pytest.skip(f"PostgreSQL unreachable at {PG_BASE}: {exc}")
    name = f"onward_test_{uuid.uuid4().hex[:12]}"
    admin.execute(f'CREATE DATABASE "{name}"')
    url = base.set(database=name).render_as_string(hide_password=False)
    try:
        upgrade(url)
        yield url
    finally:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


_cleaners: dict = {}


def _empty(url: str) -> None:
    """Delete every row, children first, so the next test starts from an empty database."""
    engine = _cleaners.get(url) or _cleaners.setdefault(url, make_engine(url))
    tables = [t.name for t in reversed(Base.metadata.sorted_tables)]
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":
            conn.execute(text(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE"))
        else:
            for table in tables:
                conn.execute(text(f"DELETE FROM {table}"))


@pytest.fixture(scope="session", autouse=True)
def _dispose_cleaners():
    yield
    for engine in _cleaners.values():
        engine.dispose()


@pytest.fixture
def sqlite_database_url(sqlite_url):
    """The SQLite database alone, emptied: for a test module whose subject is not the database (a page's language),
    which overrides ``database_url`` with it."""
    _empty(sqlite_url)
    return sqlite_url


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request):
    url = request.getfixturevalue(f"{request.param}_url")
    _empty(url)
    return url


@pytest.fixture(autouse=True)
def _dispose_made_apps():
    """Close the database pools of every app a test built, whatever happened in the test."""
    yield
    while MADE:
        MADE.pop().extensions["onward.engine"].dispose()


@pytest.fixture
def app(database_url):
    app = make_app(database_url)
    yield app
    app.extensions["onward.engine"].dispose()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


_emails = itertools.count(1)


@pytest.fixture
def user(app):
    """A factory: ``user(kind="user")`` gives (User, token secret) for a new user."""

    def make(email: str | None = None, kind: str = "user"):
        email = email or f"user{next(_emails)}@example.org"
        with app.app_context():
            session = db_session()
            row = session.scalar(select(User).where(User.email == email))
            if row is None:
                row, _ = create_user(session, email, tokens=())
            _, secret = issue_token(session, row, kind, kind)
            session.commit()
        return row, secret

    return make


@pytest.fixture
def ingest(client):
    """Post messages with a token and return the JSON answer (asserting 200)."""

    def post(token: str, *items: dict) -> dict:
        res = client.post("/api/v1/messages", json={"messages": list(items)}, headers=auth(token))
        assert res.status_code == 200, res.json
        return res.json

    return post
