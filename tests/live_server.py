"""The Onward server behind a real HTTP server on a free loopback port (werkzeug in a thread), for tests that
reach it over the network: the worker's API client, Chromium with the extension, the dashboard in a browser."""

import itertools
import json
import secrets
import threading
import urllib.error
import urllib.request
from pathlib import Path

from cryptography.fernet import Fernet
from werkzeug.serving import make_server

from server import create_app
from server.auth import create_user
from server.db import db_session, upgrade


class LiveServer:
    """The Flask app behind a real HTTP server; ``stop()`` and ``start()`` simulate an outage on the same port."""

    def __init__(self, app):
        self.app = app
        self.port = 0
        self.start()

    def start(self) -> None:
        self.http = make_server("127.0.0.1", self.port, self.app, threaded=True)
        self.port = self.http.server_port
        self.thread = threading.Thread(target=self.http.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.http.shutdown()
        self.http.server_close()
        self.thread.join(5)

    def close(self) -> None:
        """Stop serving for good and release the database."""
        self.stop()
        self.app.extensions["onward.engine"].dispose()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"


def start_live_server(folder: Path, **config) -> LiveServer:
    """A server on a fresh SQLite database in ``folder``; ``config`` overrides the test defaults."""
    url = f"sqlite:///{folder / 'onward.db'}"
    upgrade(url)
    app = create_app({"TESTING": True, "DATABASE_URL": url, "REDIS_URL": None, "RATELIMIT_PER_MINUTE": 1_000_000,
                      "SECRET_KEY": secrets.token_urlsafe(32), "SECRET_KEY_FERNET": Fernet.generate_key().decode(),
                      "GHOSTED_DAYS": 10_000, **config})
    return LiveServer(app)


_emails = itertools.count(1)


def new_user(live_server: LiveServer, email: str | None = None,
             tokens: tuple[tuple[str, str], ...] = (("user", "personal"),)) -> tuple[str, list[str]]:
    """A new user made with the server's own ``create_user``: (email, the secrets of ``tokens``, in order).
    The default gives one user token (``onw_u_…``); add ``("service", "worker")`` for a worker's token."""
    email = email or f"user{next(_emails)}@example.org"
    with live_server.app.app_context():
        session = db_session()
        _, secrets_ = create_user(session, email, tokens)
        session.commit()
    return email, secrets_


def call(live_server: LiveServer, token: str | None, method: str, path: str, body: dict | None = None) -> dict:
    """One JSON call on ``/api/v1`` + ``path`` with a bearer token. A 4xx/5xx raises ``urllib.error.HTTPError``
    with ``.code`` and the decoded JSON error in ``.body`` (its connection already closed)."""
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    request = urllib.request.Request(live_server.url + "/api/v1" + path, method=method, headers=headers,
                                     data=json.dumps(body).encode() if body is not None else None)
    try:
        with urllib.request.urlopen(request, timeout=10) as res:
            raw = res.read()
    except urllib.error.HTTPError as error:
        with error:
            raw = error.read()
        error.body = json.loads(raw) if raw.startswith(b"{") else raw.decode(errors="replace")
        raise
    return json.loads(raw) if raw else {}
