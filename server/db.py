"""The database: one engine and session factory per app, one session per request (in
``flask.g``, closed at teardown), and the Alembic upgrade that creates or updates the schema."""

import os
from pathlib import Path

from alembic import command
from alembic.config import Config
from flask import Flask, current_app, g
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

MIGRATIONS = Path(__file__).parent / "migrations"
"""Alembic's script folder, found from the package so it works when installed."""


def database_url(app: Flask) -> str:
    """The configured URL, or SQLite in the instance folder."""
    url = app.config.get("DATABASE_URL")
    if url:
        return url
    os.makedirs(app.instance_path, exist_ok=True)
    return "sqlite:///" + os.path.join(app.instance_path, "onward.db")


def make_engine(url: str) -> Engine:
    """An engine tuned for its database: SQLite gets WAL, foreign keys and a busy timeout,
    so a few server processes can share one file."""
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 15})

        @event.listens_for(engine, "connect")
        def _pragmas(conn, _record):
            cur = conn.cursor()
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.close()

        return engine
    return create_engine(url, pool_size=5, max_overflow=10, pool_pre_ping=True)


def init_app(app: Flask) -> None:
    url = database_url(app)
    app.config["DATABASE_URL"] = url
    engine = make_engine(url)
    app.extensions["onward.engine"] = engine
    app.extensions["onward.sessions"] = sessionmaker(engine, expire_on_commit=False)
    app.teardown_appcontext(_close)


def db_session() -> Session:
    """The request's session, opened on first use."""
    if "db_session" not in g:
        g.db_session = current_app.extensions["onward.sessions"]()
    return g.db_session


def _close(_exc: BaseException | None) -> None:
    session = g.pop("db_session", None)
    if session is not None:
        session.close()


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def upgrade(url: str, revision: str = "head") -> None:
    """Create the schema or bring it up to ``revision``."""
    engine = make_engine(url)
    try:
        with engine.begin() as conn:
            cfg = alembic_config()
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, revision)
    finally:
        engine.dispose()
