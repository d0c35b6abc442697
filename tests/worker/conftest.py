"""Real parts for the worker's tests: a Dovecot from a temporary folder, and the Onward server
served over HTTP on a free loopback port (werkzeug in a thread) so ``worker/api.py`` makes real
calls. Tests needing Dovecot skip when it is not installed, except under CI=true where they fail."""

import itertools
import os
import shutil
import tempfile
import threading
from pathlib import Path

import pytest
from cryptography.fernet import Fernet
from imap_server import start_dovecot
from werkzeug.serving import make_server

from server import create_app
from server.auth import create_user
from server.db import db_session, upgrade
from worker.api import Api
from worker.config import WorkerConfig


@pytest.fixture(scope="session")
def dovecot_server():
    """One Dovecot for the session (starting is fast, stopping takes a second); each test gets its own mail user."""
    if not (shutil.which("dovecot") or os.path.exists("/usr/sbin/dovecot")):
        if os.environ.get("CI") == "true":
            pytest.fail("dovecot is required under CI=true (apt-get install dovecot-imapd)")
        pytest.skip("dovecot is not installed (apt-get install dovecot-imapd)")
    folder = Path(tempfile.mkdtemp(prefix="onward-dovecot-"))
    server = start_dovecot(folder / "dc")
    yield server
    server.stop()
    shutil.rmtree(folder, ignore_errors=True)


_mail_users = itertools.count(1)


@pytest.fixture
def dovecot(dovecot_server):
    """The session's Dovecot as a new mail user, so each test starts from an empty mailbox."""
    return dovecot_server.as_user(next(_mail_users))


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

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"


@pytest.fixture
def live_server(tmp_path):
    url = f"sqlite:///{tmp_path / 'onward.db'}"
    upgrade(url)
    app = create_app({"TESTING": True, "DATABASE_URL": url, "REDIS_URL": None, "RATELIMIT_PER_MINUTE": 1_000_000,
                      "SECRET_KEY_FERNET": Fernet.generate_key().decode(), "GHOSTED_DAYS": 10_000})
    server = LiveServer(app)
    yield server
    server.stop()
    app.extensions["onward.engine"].dispose()


_emails = itertools.count(1)


@pytest.fixture
def tokens(live_server):
    """(user token, service token) of a new user on the live server."""
    with live_server.app.app_context():
        session = db_session()
        _, (user_token, service_token) = create_user(
            session, f"worker{next(_emails)}@example.org", (("user", "personal"), ("service", "worker")))
        session.commit()
    return user_token, service_token


@pytest.fixture
def api(live_server, tokens):
    """The worker's API client with the user's service token."""
    return Api(WorkerConfig(server_url=live_server.url, token=tokens[1], timeout=10))
